import type { Hooks, Logger, RateLimiter, RetryInput, Sleep, TokenProvider } from '@goskit/core';
import type { EpguEnvironment } from './environment.js';
import type { EpguLimits } from './limiter.js';

export interface EpguClientOptions {
  environment: EpguEnvironment;
  /** A fixed ESIA access token with the api-order scope… */
  accessToken?: string;
  /** …or a provider (an ESIA session's `tokenProvider`): a 401 refreshes once. */
  tokenProvider?: TokenProvider;
  fetch?: typeof fetch;
  /** Default { perMinute: 2000, perHour: 120000 }; or a RateLimiter shared with other clients. */
  limits?: EpguLimits | RateLimiter;
  retry?: RetryInput;
  logger?: Partial<Logger>;
  hooks?: Hooks;
  /** Per-attempt timeout, ms. Default 60 000 (archives are large). */
  timeout?: number;
  /** Injectable wait (watchOrders interval) — tests pass the simulator's virtual clock. */
  sleep?: Sleep;
  /** Injectable clock, ms (upload window, watch timestamps). */
  now?: () => number;
  /** Offset of EPGU's local time in `updatedAfter` / `updated`, minutes. Default 180 (Moscow). */
  timeZoneOffsetMinutes?: number;
}
