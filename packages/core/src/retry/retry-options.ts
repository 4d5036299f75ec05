import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { BackoffOptions } from './backoff.js';

/** What a portal-specific `retrySignal` decides about one response. */
export interface RetrySignalDecision {
  /** true: retry (any method — the portal says the call was not executed); false: do not retry. */
  retry: boolean;
  /** Wait this long before the retry instead of the computed backoff. */
  delayMs?: number;
  /** Pause every call of this transport's rate limiter for this long (ms) — the portal throttles globally. */
  pauseAll?: number;
}

/**
 * Inspects a response and its parsed body (JSON, or text) — for portals that report throttling in a
 * 200 body (VK error 6). Return undefined to keep the default status-based decision.
 */
export type RetrySignal = (response: Response, body: unknown) => RetrySignalDecision | undefined;

export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Methods retried without an idempotency key. Default GET, HEAD, OPTIONS, PUT, DELETE, TRACE. */
  methods?: readonly string[];
  /** Statuses retried. Default 408, 429, 500, 502, 503, 504. */
  statusCodes?: readonly number[];
  /** Retry when no response arrived (connection refused/reset). Default true. */
  retryOnNetworkError?: boolean;
  /** Retry when one attempt exceeded `timeout`. Default true. */
  retryOnTimeout?: boolean;
  /** Longest Retry-After we wait, ms; a longer one throws `RateLimitError` at once. Default 60 000. */
  maxRetryAfter?: number;
  /** Full-jitter backoff: base 300 ms, cap 20 s. */
  backoff?: Partial<BackoffOptions>;
  retrySignal?: RetrySignal;
}

export interface ResolvedRetryOptions {
  limit: number;
  methods: ReadonlySet<string>;
  statusCodes: ReadonlySet<number>;
  retryOnNetworkError: boolean;
  retryOnTimeout: boolean;
  maxRetryAfter: number;
  backoff: BackoffOptions;
  retrySignal: RetrySignal | undefined;
}

export const DEFAULT_RETRY: ResolvedRetryOptions = Object.freeze({
  limit: 2,
  methods: new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']),
  statusCodes: new Set([408, 429, 500, 502, 503, 504]),
  retryOnNetworkError: true,
  retryOnTimeout: true,
  maxRetryAfter: 60_000,
  backoff: Object.freeze({ baseMs: 300, capMs: 20_000 }),
  retrySignal: undefined,
});

/** `number` sets only the limit; `false` disables retries; an object overrides field by field. */
export type RetryInput = RetryOptions | number | false;

export function resolveRetry(
  input: RetryInput | undefined,
  base: ResolvedRetryOptions,
): ResolvedRetryOptions {
  if (input === undefined) {
    return base;
  }
  if (input === false) {
    return { ...base, limit: 0 };
  }
  const options: RetryOptions = typeof input === 'number' ? { limit: input } : input;
  const limit = options.limit ?? base.limit;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new InvalidOptionsError(`retry.limit must be a non-negative integer, got ${limit}`);
  }
  return {
    limit,
    methods: options.methods ? new Set(options.methods.map((m) => m.toUpperCase())) : base.methods,
    statusCodes: options.statusCodes ? new Set(options.statusCodes) : base.statusCodes,
    retryOnNetworkError: options.retryOnNetworkError ?? base.retryOnNetworkError,
    retryOnTimeout: options.retryOnTimeout ?? base.retryOnTimeout,
    maxRetryAfter: options.maxRetryAfter ?? base.maxRetryAfter,
    backoff: { ...base.backoff, ...options.backoff },
    retrySignal: options.retrySignal ?? base.retrySignal,
  };
}
