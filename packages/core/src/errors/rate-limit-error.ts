import { HttpError, type HttpErrorDetails } from './http-error.js';

export interface RateLimitErrorDetails extends HttpErrorDetails {
  /** How long the portal asked to wait, in ms (undefined when it did not say). */
  retryAfterMs?: number | undefined;
  /** @deprecated The same as `retryAfterMs`; give that instead. */
  retryAfter?: number | undefined;
  /** Why: a 429/503 status, a Retry-After beyond `maxRetryAfter`, or a throttling signal in the body. */
  reason: 'status' | 'retry-after-too-long' | 'signal';
}

/**
 * The portal refused because of a rate limit: HTTP 429 after the retries ran out, a Retry-After
 * longer than the caller is willing to wait, or a throttling code inside a 200 body (VK error 6;
 * then `status` is that 200 and `data` the parsed body). A 503 is `ServiceUnavailableError`.
 */
export class RateLimitError extends HttpError<'RATE_LIMITED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'RateLimitError';

  /** How long the portal asked to wait, ms (undefined when it did not say). */
  readonly retryAfterMs: number | undefined;
  readonly reason: RateLimitErrorDetails['reason'];

  constructor(details: RateLimitErrorDetails) {
    const retryAfterMs = details.retryAfterMs ?? details.retryAfter;
    const wait = retryAfterMs === undefined ? '' : `; retry after ${retryAfterMs} ms`;
    super(details, 'RATE_LIMITED');
    this.message = `${this.method} ${this.url} was rate limited (HTTP ${details.status}, ${details.reason})${wait}`;
    this.retryAfterMs = retryAfterMs;
    this.reason = details.reason;
  }

  /** @deprecated Renamed `retryAfterMs` (the same value, ms); `retryAfter` goes away in the next minor release. */
  get retryAfter(): number | undefined {
    return this.retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    // `retryAfter` stays in the JSON while the deprecated getter exists (log pipelines may read it).
    return {
      ...super.toJSON(),
      retryAfterMs: this.retryAfterMs,
      retryAfter: this.retryAfterMs,
      reason: this.reason,
    };
  }
}

export function isRateLimitError(value: unknown): value is RateLimitError {
  return value instanceof RateLimitError;
}
