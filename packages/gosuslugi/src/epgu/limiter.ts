import {
  type AcquireOptions,
  type Clock,
  createRateLimiter,
  InvalidOptionsError,
  type KeyValueStore,
  type RateLimiter,
  type Release,
} from '@goskit/core';

/** EPGU's published limits: 2 000 requests a minute and 120 000 an hour. */
export interface EpguLimits {
  perMinute?: number;
  perHour?: number;
  /** Share the buckets between instances (a Redis-backed KeyValueStore). */
  store?: KeyValueStore;
  clock?: Clock;
}

/**
 * One token bucket for a window of `limit` calls per `windowSec`: a bucket of capacity C refilling
 * at r lets through at most C + r·T calls in any T seconds, so C = limit/10 and
 * r = (limit − C)/windowSec keep every window within the limit while allowing short bursts.
 */
export function windowBucket(limit: number, windowSec: number): { ratePerSecond: number; burst: number } {
  if (!Number.isFinite(limit) || limit < 1) {
    throw new InvalidOptionsError(`rate limit must be a positive number of calls, got ${limit}`);
  }
  const burst = Math.max(1, Math.floor(limit / 10));
  const rest = limit - burst;
  return { ratePerSecond: rest > 0 ? rest / windowSec : 1 / windowSec, burst };
}

/**
 * Two core limiters in series — per minute and per hour — behind the RateLimiter interface, so the
 * transport waits until both buckets have a token.
 */
export function createEpguRateLimiter(limits: EpguLimits = {}): RateLimiter {
  const common = {
    ...(limits.store ? { store: limits.store } : {}),
    ...(limits.clock ? { clock: limits.clock } : {}),
  };
  const minute = createRateLimiter({
    ...windowBucket(limits.perMinute ?? 2000, 60),
    ...common,
    storePrefix: 'goskit:epgu:minute:',
  });
  const hour = createRateLimiter({
    ...windowBucket(limits.perHour ?? 120_000, 3600),
    ...common,
    storePrefix: 'goskit:epgu:hour:',
  });
  const acquire = async (key = 'default', options?: AcquireOptions): Promise<Release> => {
    const releaseHour = await hour.acquire(key, options);
    try {
      const releaseMinute = await minute.acquire(key, options);
      return () => {
        releaseMinute();
        releaseHour();
      };
    } catch (error) {
      releaseHour();
      throw error;
    }
  };
  return {
    acquire,
    async schedule(key, task, options) {
      const release = await acquire(key, options);
      try {
        return await task();
      } finally {
        release();
      }
    },
    pauseAll(ms) {
      minute.pauseAll(ms);
      hour.pauseAll(ms);
    },
    get pausedUntil() {
      return Math.max(minute.pausedUntil, hour.pausedUntil);
    },
    get queued() {
      return minute.queued + hour.queued;
    },
  };
}
