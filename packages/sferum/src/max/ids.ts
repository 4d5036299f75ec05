/**
 * Ids the client checks before sending: chat ids are int64 (groups negative, e.g. -70000000000005),
 * user ids positive, message and callback ids opaque printable strings. A registry may hold ids as
 * strings, so decimal strings are accepted too; anything else is an `INVALID_INPUT` naming the field.
 * Ids beyond 2^53 cannot round-trip through JSON numbers and are refused rather than silently rounded.
 */
import { MaxInputError } from './errors/max-input-error.js';

export type MaxId = number | string;

const DECIMAL = /^-?\d{1,19}$/;
const OPAQUE = /^[\x21-\x7e]{1,256}$/;

function toSafeInteger(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? value : undefined;
  }
  if (typeof value === 'string' && DECIMAL.test(value)) {
    const parsed = Number(value);
    return Number.isSafeInteger(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** A chat id: a non-zero int64 within JavaScript's safe integers. */
export function checkChatId(value: unknown, field = 'chatId'): number {
  const id = toSafeInteger(value);
  if (id === undefined || id === 0) {
    throw new MaxInputError(field, 'chat-id', {
      ru: 'Идентификатор чата — ненулевое целое число (у групп отрицательное, например -70000000000005).',
      en: 'A chat id is a non-zero integer (negative for groups, e.g. -70000000000005).',
    });
  }
  return id;
}

/** A user id: a positive int64 within JavaScript's safe integers. */
export function checkUserId(value: unknown, field = 'userId'): number {
  const id = toSafeInteger(value);
  if (id === undefined || id <= 0) {
    throw new MaxInputError(field, 'user-id', {
      ru: 'Идентификатор пользователя — положительное целое число.',
      en: 'A user id is a positive integer.',
    });
  }
  return id;
}

/** 1–100 user ids, each checked, duplicates dropped (MAX takes at most 100 per call). */
export function checkUserIds(values: unknown, field = 'userIds'): number[] {
  if (!Array.isArray(values) || values.length === 0 || values.length > 100) {
    throw new MaxInputError(field, 'user-ids', {
      ru: 'Нужен список от 1 до 100 идентификаторов пользователей.',
      en: 'Expected a list of 1 to 100 user ids.',
    });
  }
  return [...new Set(values.map((value, index) => checkUserId(value, `${field}[${index}]`)))];
}

/** A message id (`mid.<hex>`) or callback id: printable ASCII, 1–256 characters. */
export function checkOpaqueId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !OPAQUE.test(value)) {
    throw new MaxInputError(field, 'opaque-id', {
      ru: 'Идентификатор — строка из печатных ASCII-символов без пробелов (1–256).',
      en: 'An id is a string of printable ASCII characters without spaces (1–256).',
    });
  }
  return value;
}
