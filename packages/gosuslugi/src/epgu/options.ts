import type { ClientOptions, RateLimiter, Sleep, TokenProvider } from '@goskit/core';
import type { EpguEnvironment } from './environment.js';
import type { EpguLimits } from './limiter.js';

/**
 * Options of `createEpguClient`: the shared client options of `@goskit/core` plus EPGU's own.
 *
 * Rate limits, one rule: EPGU's published limits (2 000 a minute, 120 000 an hour) are built in.
 * `limits` tunes those two windows; `rateLimit` (a shared `RateLimiter`, or options for a core limiter)
 * replaces them. Giving both is an error.
 */
export interface EpguClientOptions extends ClientOptions {
  environment: EpguEnvironment;
  /** A fixed ESIA access token with the EPGU scope (`http://lk.gosuslugi.ru/api-order`)… */
  accessToken?: string;
  /** …or a provider (an ESIA session's `tokenProvider`): a 401 refreshes once. */
  tokenProvider?: TokenProvider;
  /**
   * The built-in windows, tuned: `{ perMinute, perHour, store, clock }`. Default
   * `{ perMinute: 2000, perHour: 120000 }`. A `RateLimiter` here is deprecated: pass it as `rateLimit`.
   */
  limits?: EpguLimits | RateLimiter;
  /** Injectable wait (watchOrders interval) — tests pass the simulator's virtual clock. */
  sleep?: Sleep;
  /** @deprecated Renamed `clock` (`clock: { now }`); `now` goes away in the next minor release. */
  now?: () => number;
  /**
   * Offset of the zone-less times of the status pages (`updatedAfter`, `updated`), minutes. Default 0:
   * UTC, as the spec's footnote 6 says («Указывается для часового пояса UTC»). Before 0.2 the default
   * was 180 (Moscow); pass 180 if your EPGU stand answers in Moscow time.
   */
  timeZoneOffsetMinutes?: number;
}
