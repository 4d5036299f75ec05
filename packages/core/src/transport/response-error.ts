import { HttpError } from '../errors/http-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import type { RetrySignalDecision } from '../retry/retry-options.js';
import type { RetryDecision } from './decide-retry.js';
import type { ReadResult } from './read-response.js';

/** The error a final response becomes: `RateLimitError` for 429s, long Retry-Afters and throttling signals. */
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
  if (response.status === 429 || tooLong || signal?.retry === true) {
    return new RateLimitError({
      ...base,
      retryAfter: decision.retryAfterMs,
      reason: tooLong ? 'retry-after-too-long' : signal?.retry === true ? 'signal' : 'status',
    });
  }
  return new HttpError(base);
}
