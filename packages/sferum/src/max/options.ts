/**
 * Options of `createMaxClient`: core's `ClientOptions` (fetch, retry, timeout, logger, hooks, clock…)
 * plus the bot token, the base URL and MAX's own knobs. A rate limit given as options configures the
 * per-token bucket; `MaxRateLimiterOptions` or a `createMaxRateLimiter()` set both MAX limits.
 */
import type { ClientOptions, RateLimiter, RateLimiterOptions, Sleep } from '@goskit/core';
import type { MaxRateLimiter, MaxRateLimiterOptions } from './limiter.js';

export interface MaxClientOptions extends Omit<ClientOptions, 'rateLimit'> {
  /** The bot token from the MAX partner platform. Sent in `Authorization` as it is; never logged. */
  token: string;
  /** Default `https://platform-api2.max.ru`; the simulator: `http://127.0.0.1:4010/max`. */
  baseUrl?: string;
  /**
   * Default: one limiter per process keyed by token (30 calls/s per token, 2 messages/s per chat);
   * with `clock` set, a private one on that clock.
   */
  rateLimit?: MaxRateLimiter | RateLimiter | RateLimiterOptions | MaxRateLimiterOptions;
  /**
   * `attachment.not.ready` answers to a send are retried: `attempts` sends in all (default 5), waiting
   * `delayMs` × 2^n between them (default 500 ms). The message was not sent, so repeating is safe.
   */
  attachmentRetry?: { attempts?: number; delayMs?: number };
  /** Injectable wait (polling interval, attachment retries): tests pass a virtual clock's. */
  sleep?: Sleep;
}
