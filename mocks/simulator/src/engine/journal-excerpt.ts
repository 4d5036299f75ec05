/** The bounded, redacted excerpt the journal keeps of a body (whole or streamed). */
import { redactBody } from '@goskit/core';
import { bodyText } from './responses.js';

const MAX_BODY_CHARS = 4096;
/** Raw bytes kept until redaction: enough for MAX_BODY_CHARS of text, and no 50 MB upload pinned in memory. */
export const MAX_RAW_BYTES = 16 * 1024;

/** The redacted text of an excerpt, marked '…[truncated]' when the body was longer. */
export function redactedExcerpt(
  body: { readonly excerpt: Uint8Array; readonly size: number } | undefined,
  contentType: string,
): string | undefined {
  if (body === undefined) {
    return undefined;
  }
  const text = bodyText(body.excerpt);
  if (text === '') {
    return undefined;
  }
  const clean = redactBody(text, contentType);
  const cut = clean.length > MAX_BODY_CHARS || body.size > body.excerpt.byteLength;
  return cut ? `${clean.slice(0, MAX_BODY_CHARS)}…[truncated]` : clean;
}
