/**
 * The options every goskit client extends (ESIA, EPGU, VK, MAX, Параграф, Госпочта): one name and one
 * shape for the network, retries, timeouts, logging, hooks and time. A client adds only what is its own
 * (environment, credentials, stores) and hands these to `clientTransportOptions`.
 */
import type { Hooks } from '../hooks/hooks.js';
import type { RateLimiter, RateLimiterOptions } from '../limiter/rate-limiter.js';
import type { Logger } from '../log/logger.js';
import type { RetryInput } from '../retry/retry-options.js';
import type { TransportEngine } from '../transport/engine/exchange.js';
import type { RedirectOptions } from '../transport/engine/redirects.js';
import type { TransportOptions } from '../transport/transport-options.js';
import type { Clock } from '../util/clock.js';

export interface ClientOptions {
  /** Custom fetch (MSW, an undici agent, a test double). Default: the global fetch, looked up per call. */
  fetch?: typeof fetch;
  /** What sends each attempt: `'fetch'` (default), `'ky'`, or your own ky instance. */
  engine?: TransportEngine;
  /** Retry policy; `false` or `0` disables. */
  retry?: RetryInput;
  /** Per attempt, ms, until the body is read; `false` disables. Each client documents its default. */
  timeout?: number | false;
  /** The whole call including retries, waits and the token wait, ms; `false` (default) disables. */
  totalTimeout?: number | false;
  /**
   * Largest response body read, bytes, after decompression; `false` disables. Default 32 MiB (each
   * client documents its own). A 2xx body past it is `ResponseTooLargeError`.
   */
  maxResponseBytes?: number | false;
  /** Redirects followed besides those within the request's origin (default: none). */
  redirects?: RedirectOptions;
  /** A limiter shared with other clients, or options for this client's own. */
  rateLimit?: RateLimiter | RateLimiterOptions;
  /** Any `{debug, info, warn, error}`; every record is redacted before it reaches it. */
  logger?: Partial<Logger>;
  hooks?: Hooks;
  /**
   * What time it is: signed timestamps, token expiry, Retry-After dates, deadlines. Default: the system
   * clock. The simulator's virtual clock (`sim.clock`) fits as it is.
   */
  clock?: Clock;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  userAgent?: string;
}

/** The client's own transport settings, which a caller's `ClientOptions` cannot override. */
export interface ClientTransportDefaults
  extends Omit<TransportOptions, keyof ClientOptions | 'now'>,
    Pick<
      ClientOptions,
      | 'timeout'
      | 'totalTimeout'
      | 'retry'
      | 'rateLimit'
      | 'headers'
      | 'userAgent'
      | 'maxResponseBytes'
      | 'redirects'
    > {}

/**
 * Merges a caller's `ClientOptions` over a client's defaults into `createTransport` options. Headers
 * merge (the caller's win); everything else the caller sets replaces the default.
 */
export function clientTransportOptions(
  options: ClientOptions,
  defaults: ClientTransportDefaults,
): TransportOptions {
  const merged: TransportOptions = { ...defaults };
  const set = <K extends keyof TransportOptions>(key: K, value: TransportOptions[K] | undefined): void => {
    if (value !== undefined) {
      merged[key] = value;
    }
  };
  set('fetch', options.fetch);
  set('engine', options.engine);
  set('retry', options.retry);
  set('timeout', options.timeout);
  set('totalTimeout', options.totalTimeout);
  set('maxResponseBytes', options.maxResponseBytes);
  set('redirects', options.redirects);
  set('rateLimit', options.rateLimit);
  set('logger', options.logger);
  set('hooks', options.hooks);
  set('userAgent', options.userAgent);
  set('clock', options.clock);
  if (options.headers !== undefined || defaults.headers !== undefined) {
    merged.headers = { ...defaults.headers, ...options.headers };
  }
  return merged;
}
