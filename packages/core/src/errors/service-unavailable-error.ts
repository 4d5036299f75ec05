import { HttpError, type HttpErrorDetails } from './http-error.js';

export interface ServiceUnavailableErrorDetails extends HttpErrorDetails {
  /** How long the portal asked to wait, ms (undefined without Retry-After). */
  retryAfterMs: number | undefined;
  /** Why the call stopped: retries ran out, or Retry-After was longer than `retry.maxRetryAfter`. */
  reason: 'status' | 'retry-after-too-long';
}

/**
 * HTTP 503: the portal is down for maintenance or overloaded («Технические работы»), as opposed to
 * rate limiting this client (`RateLimitError`, 429). Carries the Retry-After the portal sent, so a
 * caller can show "back in an hour" or schedule the job again. Thrown once retries are exhausted or
 * the Retry-After is longer than `retry.maxRetryAfter`.
 */
export class ServiceUnavailableError extends HttpError<'SERVICE_UNAVAILABLE'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'ServiceUnavailableError';

  readonly retryAfterMs: number | undefined;
  readonly reason: ServiceUnavailableErrorDetails['reason'];

  constructor(details: ServiceUnavailableErrorDetails) {
    super(details, 'SERVICE_UNAVAILABLE');
    const wait = details.retryAfterMs === undefined ? '' : `; retry after ${details.retryAfterMs} ms`;
    this.message = `${this.method} ${this.url}: service unavailable (HTTP ${details.status})${wait}`;
    this.retryAfterMs = details.retryAfterMs;
    this.reason = details.reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs, reason: this.reason };
  }
}

export function isServiceUnavailableError(value: unknown): value is ServiceUnavailableError {
  return value instanceof ServiceUnavailableError;
}
