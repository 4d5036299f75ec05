import {
  type Clock,
  clientTransportOptions,
  clockFrom,
  createRateLimiter,
  createTransport,
  sleep as defaultSleep,
  HttpError,
  InvalidOptionsError,
  isRateLimitError,
  isServiceUnavailableError,
  type RateLimiter,
  type Sleep,
  type Transport,
  warnDeprecated,
} from '@goskit/core';
import { EpguError } from '../errors/epgu-error.js';
import { resolveEpguBaseUrl } from './environment.js';
import { createEpguRateLimiter } from './limiter.js';
import type { EpguClientOptions } from './options.js';

export interface EpguContext {
  baseUrl: string;
  /** With the user's token. */
  transport: Transport;
  /** Without any token: dictionaries need none, so they get none. */
  publicTransport: Transport;
  limiter: RateLimiter;
  sleep: Sleep;
  clock: Clock;
  /** `clock.now()`, bound. */
  now: () => number;
  timeZoneOffsetMinutes: number;
}

/** Default `maxResponseBytes` of the EPGU client: 64 MiB (archives and result files run to 50 MB). */
export const EPGU_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

function isLimiter(value: unknown): value is RateLimiter {
  return typeof value === 'object' && value !== null && typeof (value as RateLimiter).acquire === 'function';
}

/** The rule of `rateLimit` vs `limits` (see EpguClientOptions). */
function epguLimiter(options: EpguClientOptions): RateLimiter {
  const { rateLimit, limits } = options;
  if (rateLimit !== undefined && limits !== undefined) {
    throw new InvalidOptionsError(
      "createEpguClient: give rateLimit (replaces EPGU's two windows) or limits (tunes them), not both",
    );
  }
  if (rateLimit !== undefined) {
    return isLimiter(rateLimit) ? rateLimit : createRateLimiter(rateLimit);
  }
  if (isLimiter(limits)) {
    warnDeprecated(
      options.logger,
      'GOSKIT_DEP_LIMITS_LIMITER_createEpguClient',
      "createEpguClient: a RateLimiter in 'limits' is deprecated — pass it as rateLimit; 'limits' keeps tuning the built-in windows",
    );
    return limits;
  }
  return createEpguRateLimiter(limits ?? {});
}

export function createEpguContext(options: EpguClientOptions): EpguContext {
  const baseUrl = resolveEpguBaseUrl(options.environment);
  if (options.accessToken === undefined && options.tokenProvider === undefined) {
    throw new InvalidOptionsError(
      'createEpguClient needs accessToken or tokenProvider (an ESIA token with the scope http://lk.gosuslugi.ru/api-order)',
    );
  }
  const clock = clockFrom(options, 'createEpguClient', options.logger);
  const limiter = epguLimiter(options);
  const common = clientTransportOptions(
    { ...options, clock, rateLimit: limiter },
    { baseUrl, timeout: 60_000, maxResponseBytes: EPGU_MAX_RESPONSE_BYTES },
  );
  if (options.sleep) {
    common.sleep = options.sleep;
  }
  const auth = options.tokenProvider
    ? { auth: options.tokenProvider }
    : { headers: { ...common.headers, authorization: `Bearer ${options.accessToken}` } };
  return {
    baseUrl,
    transport: createTransport({ ...common, ...auth }),
    publicTransport: createTransport(common),
    limiter,
    sleep: options.sleep ?? defaultSleep,
    clock,
    now: () => clock.now(),
    timeZoneOffsetMinutes: options.timeZoneOffsetMinutes ?? 0,
  };
}

/**
 * EPGU's `{ code, message }` → EpguError keeping the code; 429 stays core's RateLimitError and 503
 * (maintenance) core's ServiceUnavailableError, with their Retry-After.
 */
export async function epguCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HttpError && !isRateLimitError(error) && !isServiceUnavailableError(error)) {
      const data = error.data as { code?: unknown; message?: unknown } | undefined;
      if (data && typeof data.code === 'string') {
        throw EpguError.fromBody(
          { code: data.code, message: typeof data.message === 'string' ? data.message : null },
          error.status,
          error,
        );
      }
    }
    throw error;
  }
}
