/**
 * Ids as MAX writes them: group chats negative int64 (-70000000000005), dialogs positive, users
 * positive, `mid.<32 hex>` message ids. Parsing request input: anything that is not a decimal int64
 * within JavaScript's safe range is refused with MAX's own error, never looked up.
 */
import { notFound, payload } from './fault.js';

export const GROUP_BASE = 70_000_000_000_000;
export const DIALOG_BASE = 80_000_000_000_000;
export const MESSAGE_SEQ_BASE = 115_000_000_000_000;

const DECIMAL = /^-?\d{1,19}$/;

function safeInteger(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined || !DECIMAL.test(text)) {
    return undefined;
  }
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A chat id from the path: not an integer → 404 (chat links are no longer served). */
export function pathChatId(text: string | undefined): number {
  const id = safeInteger(text);
  if (id === undefined || id === 0) {
    throw notFound(`Chat ${JSON.stringify(String(text).slice(0, 40))} not found`);
  }
  return id;
}

/** An integer query parameter; absent → undefined, malformed or out of range → 400 proto.payload. */
export function queryInt(
  query: URLSearchParams,
  name: string,
  range: { min?: number; max?: number } = {},
): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return undefined;
  }
  const value = safeInteger(raw);
  if (
    value === undefined ||
    (range.min !== undefined && value < range.min) ||
    (range.max !== undefined && value > range.max)
  ) {
    const bounds =
      range.min !== undefined && range.max !== undefined ? ` from ${range.min} to ${range.max}` : '';
    throw payload(`Parameter '${name}' must be an integer${bounds}`);
  }
  return value;
}

/** A user id given as a number or a decimal string; undefined when it is neither. */
export function toUserId(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  }
  if (typeof value === 'string') {
    const id = safeInteger(value);
    return id !== undefined && id > 0 ? id : undefined;
  }
  return undefined;
}

/** A boolean query parameter (`true`/`false`); absent → undefined. */
export function queryBool(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return undefined;
  }
  if (raw !== 'true' && raw !== 'false') {
    throw payload(`Parameter '${name}' must be true or false`);
  }
  return raw === 'true';
}

/** Ids are safe integers (at most 14 hex digits), so 16 digits always hold them. */
const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/** `mid.<16 hex of the chat><16 hex of the sequence>` — unique, and the shape real mids have. */
export function messageId(chatId: number, seq: number): string {
  return `mid.${hex(Math.abs(chatId), 16)}${hex(seq, 16)}`;
}
