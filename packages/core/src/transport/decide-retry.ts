import { fullJitterDelay } from '../retry/backoff.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import type { ResolvedRetryOptions, RetrySignalDecision } from '../retry/retry-options.js';

export type AttemptOutcome =
  | { kind: 'response'; response: Response; signal: RetrySignalDecision | undefined }
  | { kind: 'network' }
  | { kind: 'timeout' };

export type RetryDecision =
  | { retry: true; delayMs: number; pauseAllMs: number | undefined; retryAfterMs: number | undefined }
  | { retry: false; retryAfterMs: number | undefined; retryAfterTooLong: boolean };

export interface DecideInput {
  outcome: AttemptOutcome;
  /** Retries already made (0 after the first attempt). */
  retriesDone: number;
  policy: ResolvedRetryOptions;
  /** Method is retryable by itself, or the call carries an idempotency key. */
  methodAllowed: boolean;
  /** False for a ReadableStream body, which cannot be sent twice. */
  bodyReplayable: boolean;
  now: number;
  random: () => number;
}

/**
 * One place that answers "retry, and after how long?". Order: a portal's retry signal wins, then
 * status/network/timeout rules; Retry-After beats backoff and, beyond `maxRetryAfter`, stops the
 * retries so the caller gets a `RateLimitError` instead of a silent long wait.
 */
export function decideRetry(input: DecideInput): RetryDecision {
  const { outcome, policy } = input;
  const exhausted = input.retriesDone >= policy.limit;
  const backoff = () => fullJitterDelay(input.retriesDone + 1, policy.backoff, input.random);

  if (outcome.kind !== 'response') {
    const allowed = outcome.kind === 'network' ? policy.retryOnNetworkError : policy.retryOnTimeout;
    if (!allowed || exhausted || !input.methodAllowed || !input.bodyReplayable) {
      return { retry: false, retryAfterMs: undefined, retryAfterTooLong: false };
    }
    return { retry: true, delayMs: backoff(), pauseAllMs: undefined, retryAfterMs: undefined };
  }

  const { response, signal } = outcome;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), input.now);
  if (signal?.retry === false) {
    return { retry: false, retryAfterMs, retryAfterTooLong: false };
  }
  // A throttling signal means the portal did not execute the call, so any method may repeat it.
  const wanted =
    signal?.retry === true ||
    (policy.statusCodes.has(response.status) && input.methodAllowed && !response.ok);
  if (!wanted || exhausted || !input.bodyReplayable) {
    return { retry: false, retryAfterMs, retryAfterTooLong: false };
  }
  const askedMs = signal?.delayMs ?? retryAfterMs;
  if (askedMs !== undefined && askedMs > policy.maxRetryAfter) {
    return { retry: false, retryAfterMs: askedMs, retryAfterTooLong: true };
  }
  return {
    retry: true,
    delayMs: askedMs ?? backoff(),
    pauseAllMs: signal?.pauseAll,
    retryAfterMs: askedMs,
  };
}
