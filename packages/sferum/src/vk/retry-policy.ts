/**
 * How VK errors become core retries. VK reports throttling inside HTTP 200 bodies, so the transport's
 * `retrySignal` reads them: error 6 (too many requests) and 9 (flood control) mean VK did not run
 * the call — any method may repeat it; 6 also holds the token's limiter lane. Error 10 (internal)
 * and network failures are ambiguous: they are retried only for methods that are safe to repeat.
 * `messages.createChat` and `calls.start` are not (a repeat could create a second chat or call) —
 * the chat sync reconciles those by title instead.
 */
import type { RetryInput, RetryOptions, RetrySignal } from '@goskit/core';
import { VK_ERROR } from '../errors/vk-error-codes.js';

/** Methods whose repeat could create a second object. */
const UNSAFE_TO_REPEAT = new Set(['messages.createChat', 'calls.start']);

export function safeToRepeat(method: string): boolean {
  return !UNSAFE_TO_REPEAT.has(method);
}

function errorCodeOf(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const code = (error as { error_code?: unknown }).error_code;
  return typeof code === 'number' ? code : undefined;
}

export interface VkRetrySignals {
  /** For methods safe to repeat: 6, 9 and 10 are retried. */
  safe: RetrySignal;
  /** For the others: 6 and 9 only. */
  unsafe: RetrySignal;
}

export function vkRetrySignals(
  onThrottle: () => void,
  throttlePauseMs: number,
  user?: RetrySignal,
): VkRetrySignals {
  const make =
    (retryInternal: boolean): RetrySignal =>
    (response, body) => {
      const own = user?.(response, body);
      if (own !== undefined) {
        return own;
      }
      const code = errorCodeOf(body);
      if (code === VK_ERROR.TOO_MANY_REQUESTS) {
        onThrottle();
        return { retry: true, delayMs: throttlePauseMs };
      }
      if (code === VK_ERROR.FLOOD_CONTROL) {
        return { retry: true };
      }
      if (code === VK_ERROR.INTERNAL_SERVER_ERROR) {
        return { retry: retryInternal };
      }
      return undefined;
    };
  return { safe: make(true), unsafe: make(false) };
}

/** The caller's retry input as an object (limit, backoff …), without the fields the VK client sets. */
export function baseRetry(input: RetryInput | undefined): RetryOptions {
  if (input === undefined) {
    return {};
  }
  if (input === false) {
    return { limit: 0 };
  }
  if (typeof input === 'number') {
    return { limit: input };
  }
  return { ...input };
}

/**
 * The transport's policy: every VK call is a POST, retried on network failures, timeouts and 5xx
 * only when safe (per call, `unsafeRetry` overrides `methods` with none).
 */
export function transportRetry(input: RetryInput | undefined, signals: VkRetrySignals): RetryOptions {
  return { ...baseRetry(input), methods: ['POST'], retrySignal: signals.safe };
}

export function unsafeCallRetry(signals: VkRetrySignals): RetryOptions {
  return { methods: [], retrySignal: signals.unsafe };
}
