import type { IncomingMessage } from 'node:http';
import { SimulatorError } from '../engine/errors.js';

/** EPGU accepts pushes up to 50 MB, so the default limit leaves room for that plus multipart framing. */
export const DEFAULT_MAX_BODY_BYTES = 50 * 1024 * 1024 + 256 * 1024;

/** The server answers it with 413 before reading further. */
export class BodyTooLargeError extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'BodyTooLargeError';

  constructor(readonly limit: number) {
    super('BODY_TOO_LARGE', `request body exceeds ${limit} bytes`);
  }
}

/** True when the request announces no body, so the hot path can skip stream handling entirely. */
export function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined;
}

/**
 * Collects the body into one Buffer. Rejects before reading when Content-Length is over the
 * limit, and stops reading (pausing the stream) as soon as a chunked body crosses it.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  if (hasNoBody(req)) {
    return Promise.resolve(undefined);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new BodyTooLargeError(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > limit) {
        cleanup();
        req.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(
        total === 0 ? undefined : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total),
      );
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
