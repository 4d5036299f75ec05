import { HttpError, type HttpErrorDetails } from './http-error.js';

export interface RateLimitErrorDetails extends HttpErrorDetails {
  /** How long the portal asked to wait, in ms (undefined when it did not say). */
  retryAfter: number | undefined;
  /** Why: a 429/503 status, a Retry-After beyond `maxRetryAfter`, or a throttling signal in the body. */
  reason: 'status' | 'retry-after-too-long' | 'signal';
}

/**
 * The portal refused because of a rate limit: HTTP 429 (or 503 with Retry-After) after the retries
 * ran out, a Retry-After longer than the caller is willing to wait, or a throttling code inside a
 * 200 body (VK error 6; then `status` is that 200 and `data` the parsed body).
 */
export class RateLimitError extends HttpError<'RATE_LIMITED'> {
  readonly retryAfter: number | undefined;
  readonly reason: RateLimitErrorDetails['reason'];

  constructor(details: RateLimitErrorDetails) {
    const wait = details.retryAfter === undefined ? '' : `; retry after ${details.retryAfter} ms`;
    super(details, 'RATE_LIMITED');
    this.message = `${this.method} ${this.url} was rate limited (HTTP ${details.status}, ${details.reason})${wait}`;
    this.retryAfter = details.retryAfter;
    this.reason = details.reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfter: this.retryAfter, reason: this.reason };
  }
}

export function isRateLimitError(value: unknown): value is RateLimitError {
  return value instanceof RateLimitError;
}
