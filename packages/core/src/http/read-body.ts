import { AttemptDeadlineExceeded } from './attempt-deadline.js';
import { BodyLimitExceeded } from './body-limit.js';

/** Error bodies are kept for diagnosis but bounded: a portal's HTML error page must not eat memory. */
export const ERROR_BODY_LIMIT = 64 * 1024;

export interface ReadBytesOptions {
  /** Keep at most this many bytes and cancel the rest. Default: no bound. */
  limit?: number;
  /** Past `limit`: keep what fits and flag `truncated` (error bodies), or throw `BodyLimitExceeded`. */
  overflow?: 'truncate' | 'fail';
  /** ms left for this attempt; the body is cancelled when it passes. `false`: no deadline. */
  deadlineMs?: number | false;
}

export interface BodyBytes {
  bytes: Uint8Array;
  truncated: boolean;
}

/**
 * Reads a body through our own reader, so that a stalled body can be cancelled at the deadline
 * (`response.text()` would hold the lock) and an oversized one cut at `limit` — counted on what
 * fetch hands out, i.e. after decompression, so a gzip bomb stops at the limit too.
 */
export async function readBytes(response: Response, options: ReadBytesOptions = {}): Promise<BodyBytes> {
  const body = response.body;
  if (!body) {
    return { bytes: new Uint8Array(0), truncated: false };
  }
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const reader = body.getReader();
  let timedOut = false;
  const deadline = options.deadlineMs;
  const timer =
    deadline === false || deadline === undefined
      ? undefined
      : setTimeout(
          () => {
            timedOut = true;
            reader.cancel().catch(() => {});
          },
          Math.max(0, deadline),
        );
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) {
        throw new AttemptDeadlineExceeded('body');
      }
      if (done) {
        break;
      }
      if (size + value.byteLength > limit) {
        if (options.overflow === 'fail') {
          stop(reader);
          throw new BodyLimitExceeded(limit);
        }
        chunks.push(value.subarray(0, limit - size));
        size = limit;
        truncated = true;
        stop(reader);
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    clearTimeout(timer);
  }
  if (chunks.length === 1) {
    return { bytes: chunks[0]!, truncated };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}

/**
 * Cancels the rest of a body without waiting for it: the cancel of a tee'd stream (MSW clones every
 * mocked response) settles only once the other branch is cancelled too, which may be never.
 */
function stop(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  reader.cancel().catch(() => {});
}

const decoder = new TextDecoder();

/** UTF-8 text of a body; a multi-byte character cut at the bound is dropped instead of becoming U+FFFD. */
export function decodeUtf8(body: BodyBytes): string {
  return body.truncated ? new TextDecoder().decode(body.bytes, { stream: true }) : decoder.decode(body.bytes);
}

export function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && /\bjson\b/i.test(contentType);
}

/** JSON.parse that returns undefined instead of throwing — error bodies are often not what they claim. */
export function tryParseJson(text: string): unknown {
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
