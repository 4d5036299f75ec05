/**
 * Thrown by the body reader when a body passes its byte limit and the caller asked to fail rather
 * than truncate; the transport turns it into `ResponseTooLargeError` with the call's details.
 */
export class BodyLimitExceeded extends Error {
  override readonly name = 'BodyLimitExceeded';
  constructor(readonly limit: number) {
    super(`the response body exceeds ${limit} bytes`);
  }
}

/** Default `maxResponseBytes`: 32 MiB, counted after decompression. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * A stream that passes bytes through until `limit`, then errors with `tooLarge()` and cancels its
 * source: a streamed body (`responseType: 'stream'`) obeys `maxResponseBytes` as the read ones do.
 */
export function limitStream(
  source: ReadableStream<Uint8Array>,
  limit: number,
  tooLarge: () => Error,
): ReadableStream<Uint8Array> {
  let seen = 0;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          controller.error(tooLarge());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}
