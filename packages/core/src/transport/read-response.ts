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

/** Reads a 2xx body the way the caller asked, within what is left of the attempt's time. */
export async function readSuccess(
  response: Response,
  responseType: ResponseType,
  attempt: BodyGuard,
): Promise<ReadResult> {
  const deadlineMs = attempt.bodyDeadline();
  if (responseType === 'stream') {
    // The caller consumes the stream at its own pace; no deadline after the headers.
    return { data: response.body, text: undefined, truncated: false, parsed: true };
  }
  if (responseType === 'arrayBuffer') {
    const buffer =
      deadlineMs === false
        ? await response.arrayBuffer()
        : toArrayBuffer(await readBytes(response, { deadlineMs }));
    return { data: buffer, text: undefined, truncated: false, parsed: true };
  }
  // When the engine's signal guards the body (or nothing does), fetch's own reader is the fastest;
  // otherwise ours, which can cancel a stalled body at the deadline.
  const text =
    deadlineMs === false
      ? await attempt.guard(response.text())
      : decodeUtf8(await readBytes(response, { deadlineMs }));
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
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Reads a non-2xx body, bounded to 64 KiB, parsing JSON when the server says JSON and it is complete. */
export async function readFailure(response: Response, attempt: BodyGuard): Promise<ReadResult> {
  const deadlineMs = attempt.bodyDeadline();
  const body = await attempt.guard(readBytes(response, { limit: ERROR_BODY_LIMIT, deadlineMs }));
  const text = decodeUtf8(body);
  const json = !body.truncated && isJsonContentType(response.headers.get('content-type'));
  const data = json ? tryParseJson(text) : undefined;
  return { data, text, truncated: body.truncated, parsed: data !== undefined };
}
