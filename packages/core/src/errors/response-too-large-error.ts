import { redactUrl } from '../redact/index.js';
import { GoskitError } from './goskit-error.js';

/**
 * A 2xx body grew past `maxResponseBytes` (counted after decompression): reading stopped at the limit
 * and the rest was cancelled. Not an `HttpError` — the server answered; the answer is too big to hold.
 * Never retried: the same request would bring the same body. Error bodies are not refused but cut
 * (`HttpError.truncated`).
 */
export class ResponseTooLargeError extends GoskitError<'RESPONSE_TOO_LARGE'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'ResponseTooLargeError';

  /** The limit that was reached, bytes. */
  readonly limit: number;
  readonly status: number;
  readonly method: string;
  /** Request URL with secret query parameters masked. */
  readonly url: string;
  readonly requestId: string | undefined;
  readonly attempts: number;

  constructor(details: {
    limit: number;
    status: number;
    method: string;
    url: string;
    requestId?: string | undefined;
    attempts?: number;
  }) {
    const url = redactUrl(details.url);
    const method = details.method.toUpperCase();
    super(
      'RESPONSE_TOO_LARGE',
      `${method} ${url}: the response body exceeds maxResponseBytes (${details.limit} bytes after decompression); reading stopped at the limit`,
    );
    this.limit = details.limit;
    this.status = details.status;
    this.method = method;
    this.url = url;
    this.requestId = details.requestId;
    this.attempts = details.attempts ?? 1;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      limit: this.limit,
      status: this.status,
      url: this.url,
      requestId: this.requestId,
    };
  }
}

export function isResponseTooLargeError(value: unknown): value is ResponseTooLargeError {
  return value instanceof ResponseTooLargeError;
}
