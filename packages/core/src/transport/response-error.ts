import { HttpError } from '../errors/http-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { ServiceUnavailableError } from '../errors/service-unavailable-error.js';
import type { RetrySignalDecision } from '../retry/retry-options.js';
import type { RetryDecision } from './decide-retry.js';
import type { ReadResult } from './read-response.js';

/**
 * The error a final response becomes: `RateLimitError` for 429s and throttling signals,
 * `ServiceUnavailableError` for 503s (maintenance, overload — with their Retry-After), and
 * `RateLimitError` for any other status whose Retry-After was longer than the caller would wait.
 */
export function responseError(
  response: Response,
  read: ReadResult,
  signal: RetrySignalDecision | undefined,
  decision: RetryDecision,
  details: { method: string; url: string; requestId: string | undefined; attempts: number },
): HttpError {
  const base = {
    status: response.status,
    statusText: response.statusText,
    method: details.method,
    url: details.url,
    headers: response.headers,
    requestId: details.requestId,
    body: read.text ?? '',
    data: read.data,
    truncated: read.truncated,
    attempts: details.attempts,
  };
  const tooLong = !decision.retry && decision.retryAfterTooLong;
  const reason = tooLong ? 'retry-after-too-long' : 'status';
  if (response.status === 429 || signal?.retry === true) {
    return new RateLimitError({
      ...base,
      retryAfterMs: decision.retryAfterMs,
      reason: signal?.retry === true && !tooLong ? 'signal' : reason,
    });
  }
  if (response.status === 503) {
    return new ServiceUnavailableError({ ...base, retryAfterMs: decision.retryAfterMs, reason });
  }
  if (tooLong) {
    return new RateLimitError({ ...base, retryAfterMs: decision.retryAfterMs, reason });
  }
  return new HttpError(base);
}
