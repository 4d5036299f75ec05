import { limitStream } from '../http/body-limit.js';
import {
  type BodyBytes,
  decodeUtf8,
  ERROR_BODY_LIMIT,
  isJsonContentType,
  readBytes,
  tryParseJson,
} from '../http/read-body.js';
import type { ResponseType } from './transport-options.js';

/** How the engine guards a body read: a deadline our reader enforces, or a race against its signal. */
export interface BodyGuard {
  bodyDeadline(): number | false;
  guard<T>(pending: Promise<T>): Promise<T>;
}

export interface ReadResult {
  /** What the caller gets (parsed JSON, text, bytes or the stream). */
  data: unknown;
  /** Body text when it was read as text (for retry signals, errors and debug logs). */
  text: string | undefined;
  truncated: boolean;
  /** False when a JSON body could not be parsed. */
  parsed: boolean;
}

/** The byte limit of a 2xx body and the error a streamed body fails with past it. */
export interface SuccessLimit {
  /** `maxResponseBytes`; `Infinity` when disabled. */
  maxBytes: number;
  /** Built only when a streamed body passes the limit. */
  tooLarge: () => Error;
}

/**
 * Reads a 2xx body the way the caller asked, within what is left of the attempt's time and at most
 * `limit.maxBytes` bytes after decompression (past it: `BodyLimitExceeded`, reading stopped).
 */
export async function readSuccess(
  response: Response,
  responseType: ResponseType,
  attempt: BodyGuard,
  limit: SuccessLimit,
): Promise<ReadResult> {
  const deadlineMs = attempt.bodyDeadline();
  if (responseType === 'stream') {
    // The caller consumes the stream at its own pace; no deadline after the headers, but the limit holds.
    const body =
      response.body !== null && limit.maxBytes !== Number.POSITIVE_INFINITY
        ? limitStream(response.body, limit.maxBytes, limit.tooLarge)
        : response.body;
    return { data: body, text: undefined, truncated: false, parsed: true };
  }
  // Our reader, not fetch's `text()`: it counts bytes and stops at the limit. When the engine's
  // signal guards the body, the read is also raced against it (an MSW body may ignore the signal).
  const read = attempt.guard(readBytes(response, { limit: limit.maxBytes, overflow: 'fail', deadlineMs }));
  if (responseType === 'arrayBuffer') {
    return { data: toArrayBuffer(await read), text: undefined, truncated: false, parsed: true };
  }
  const text = decodeUtf8(await read);
  if (responseType === 'text') {
    return { data: text, text, truncated: false, parsed: true };
  }
  if (text === '') {
    return { data: undefined, text, truncated: false, parsed: true };
  }
  try {
    return { data: JSON.parse(text), text, truncated: false, parsed: true };
  } catch {
    return { data: undefined, text, truncated: false, parsed: false };
  }
}

function toArrayBuffer({ bytes }: BodyBytes): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    return bytes.buffer as ArrayBuffer;
  }
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Reads a non-2xx body, bounded to 64 KiB or `maxBytes` when smaller (after decompression, like a 2xx
 * body), parsing JSON when the server says JSON and it is complete. An error body past the bound is
 * cut and flagged `truncated`, never refused: the status is what the caller needs.
 */
export async function readFailure(
  response: Response,
  attempt: BodyGuard,
  maxBytes: number,
): Promise<ReadResult> {
  const deadlineMs = attempt.bodyDeadline();
  const limit = Math.min(ERROR_BODY_LIMIT, maxBytes);
  const body = await attempt.guard(readBytes(response, { limit, deadlineMs }));
  const text = decodeUtf8(body);
  const json = !body.truncated && isJsonContentType(response.headers.get('content-type'));
  const data = json ? tryParseJson(text) : undefined;
  return { data, text, truncated: body.truncated, parsed: data !== undefined };
}
