import {
  createTransport,
  sleep as defaultSleep,
  HttpError,
  InvalidOptionsError,
  isRateLimitError,
  type RateLimiter,
  type Sleep,
  type Transport,
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
  now: () => number;
  timeZoneOffsetMinutes: number;
}

function isLimiter(value: unknown): value is RateLimiter {
  return typeof value === 'object' && value !== null && typeof (value as RateLimiter).acquire === 'function';
}

export function createEpguContext(options: EpguClientOptions): EpguContext {
  const baseUrl = resolveEpguBaseUrl(options.environment);
  if (options.accessToken === undefined && options.tokenProvider === undefined) {
    throw new InvalidOptionsError(
      'createEpguClient needs accessToken or tokenProvider (ESIA token with api-order scope)',
    );
  }
  const limiter = isLimiter(options.limits) ? options.limits : createEpguRateLimiter(options.limits ?? {});
  const common = {
    baseUrl,
    rateLimit: limiter,
    timeout: options.timeout ?? 60_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  const auth = options.tokenProvider
    ? { auth: options.tokenProvider }
    : { headers: { authorization: `Bearer ${options.accessToken}` } };
  return {
    baseUrl,
    transport: createTransport({ ...common, ...auth }),
    publicTransport: createTransport(common),
    limiter,
    sleep: options.sleep ?? defaultSleep,
    now: options.now ?? Date.now,
    timeZoneOffsetMinutes: options.timeZoneOffsetMinutes ?? 180,
  };
}

/** EPGU's `{ code, message }` → EpguError keeping the code; 429 stays core's RateLimitError. */
export async function epguCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HttpError && !isRateLimitError(error)) {
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
