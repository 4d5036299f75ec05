/**
 * When a MAX call is repeated. A 429 means MAX did not execute the call (and sends no Retry-After), so
 * any method repeats after a backoff. A 5xx repeats GET/PUT/DELETE, and the POST/PATCH calls whose
 * repetition cannot do anything twice (adding members, editing a chat, asking for an upload URL);
 * sending a message is never repeated after a 5xx — MAX may have posted it.
 */
import { DEFAULT_RETRY, type RetryInput, type RetryOptions, type RetrySignal } from '@goskit/core';

export const maxRetrySignal: RetrySignal = (response) =>
  response.status === 429 ? { retry: true } : undefined;

export const MAX_RETRY: RetryOptions = Object.freeze({
  limit: 3,
  backoff: { baseMs: 500, capMs: 20_000 },
  retrySignal: maxRetrySignal,
});

/** The caller's retry setting over MAX's, keeping the 429 signal unless the caller brings their own. */
export function maxRetry(input: RetryInput | undefined): RetryInput {
  if (input === undefined) {
    return MAX_RETRY;
  }
  if (input === false) {
    return false;
  }
  if (typeof input === 'number') {
    return { ...MAX_RETRY, limit: input };
  }
  return { ...MAX_RETRY, ...input, retrySignal: input.retrySignal ?? maxRetrySignal };
}

/** Per-call override for POST/PATCH calls that are safe to repeat after a 5xx. */
export const REPEATABLE: RetryOptions = Object.freeze({
  methods: [...DEFAULT_RETRY.methods, 'POST', 'PATCH'],
});
