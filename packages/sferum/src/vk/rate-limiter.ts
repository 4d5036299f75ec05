/**
 * VK's limits are per token: 3 requests a second for a user (or service) token, 20 for a community
 * token; one `execute` counts as one request. This limiter keeps one token bucket per key — the
 * client's key is `vk:<kind>:<sha-256 of the token>` — picks the rate from the kind in the key, and
 * can hold a single token's calls after error 6 without slowing the other tokens sharing it. In one
 * process the buckets are local (a free token is granted without a round trip); with a shared
 * `store` (Redis) core's limiter keeps one budget per token across instances.
 */
import {
  type AcquireOptions,
  type Clock,
  createRateLimiter,
  InvalidOptionsError,
  type KeyValueStore,
  type LimitConfig,
  type RateLimiter,
  type Release,
  sleep,
  withTimers,
} from '@goskit/core';
import type { VkTokenKind } from '../errors/vk-token-kind-error.js';
import { createLocalBuckets } from './local-buckets.js';

export interface VkRateLimiterOptions {
  /** User and service tokens. Default 3 req/s (burst 3). */
  user?: number | LimitConfig;
  /** Community tokens. Default 20 req/s (burst 20). */
  community?: number | LimitConfig;
  /** Share the buckets between instances (a Redis-backed KeyValueStore). */
  store?: KeyValueStore;
  /** Prefix of the store keys. Default 'goskit:vk:ratelimit:'. */
  storePrefix?: string;
  clock?: Clock;
}

export interface VkRateLimiter extends RateLimiter {
  /** Holds the calls of one key (one token) for `ms`: VK answered error 6 to it. */
  pauseKey(key: string, ms: number): void;
  /** Epoch ms until which the key is held (0 when it is not). */
  pausedUntilFor(key: string): number;
}

export const VK_DEFAULT_RATES: Readonly<Record<VkTokenKind, number>> = Object.freeze({
  user: 3,
  community: 20,
});

const COMMUNITY_PREFIX = 'vk:community:';

/** The limiter key of a token: its kind and a digest, never the token itself. */
export function vkLimiterKey(kind: VkTokenKind, tokenDigest: string): string {
  return `vk:${kind}:${tokenDigest}`;
}

const toConfig = (value: number | LimitConfig | undefined, fallback: number): LimitConfig =>
  value === undefined
    ? { ratePerSecond: fallback }
    : typeof value === 'number'
      ? { ratePerSecond: value }
      : value;

export function isVkRateLimiter(value: unknown): value is VkRateLimiter {
  return (
    typeof value === 'object' && value !== null && typeof (value as VkRateLimiter).pauseKey === 'function'
  );
}

export function createVkRateLimiter(options: VkRateLimiterOptions = {}): VkRateLimiter {
  const userConfig = toConfig(options.user, VK_DEFAULT_RATES.user);
  const communityConfig = toConfig(options.community, VK_DEFAULT_RATES.community);
  for (const [name, config] of [
    ['user', userConfig],
    ['community', communityConfig],
  ] as const) {
    if (!(config.ratePerSecond > 0) || (config.burst !== undefined && !(config.burst >= 1))) {
      throw new InvalidOptionsError(`${name} rate needs ratePerSecond > 0 and burst >= 1`);
    }
  }
  const clock = withTimers(options.clock);
  const now = () => clock.now();
  const paused = new Map<string, number>();
  let pausedAllUntil = 0;

  // Shared buckets (a store) or a concurrency cap need core's limiter; otherwise the local fast path.
  const needsCore =
    options.store !== undefined ||
    userConfig.maxConcurrency !== undefined ||
    communityConfig.maxConcurrency !== undefined;
  let take: (key: string, acquireOptions: AcquireOptions | undefined) => Promise<Release>;
  let queued: () => number;
  if (needsCore) {
    const prefix = options.storePrefix ?? 'goskit:vk:ratelimit:';
    const common = { ...(options.store ? { store: options.store } : {}), clock, storePrefix: prefix };
    const user = createRateLimiter({ ...userConfig, ...common });
    const community = createRateLimiter({ ...communityConfig, ...common });
    take = (key, acquireOptions) =>
      (key.startsWith(COMMUNITY_PREFIX) ? community : user).acquire(key, acquireOptions);
    queued = () => user.queued + community.queued;
  } else {
    const local = createLocalBuckets(clock);
    const resolved = (config: LimitConfig) => ({
      ratePerSecond: config.ratePerSecond,
      burst: config.burst ?? Math.max(1, Math.ceil(config.ratePerSecond)),
    });
    const userBucket = resolved(userConfig);
    const communityBucket = resolved(communityConfig);
    take = (key, acquireOptions) =>
      local.acquire(
        key,
        key.startsWith(COMMUNITY_PREFIX) ? communityBucket : userBucket,
        acquireOptions?.cost ?? 1,
        acquireOptions?.signal,
      );
    queued = () => local.queued;
  }

  const pausedUntilFor = (key: string): number => {
    const until = Math.max(paused.get(key) ?? 0, pausedAllUntil);
    if (until <= now()) {
      paused.delete(key);
      return 0;
    }
    return until;
  };

  const acquire = (key = 'default', acquireOptions?: AcquireOptions): Promise<Release> => {
    // One wait for the pause as it stands: with a frozen virtual clock a loop would never end.
    const until = paused.size === 0 && pausedAllUntil === 0 ? 0 : pausedUntilFor(key);
    if (until > 0) {
      return sleep(until - now(), acquireOptions?.signal).then(() => take(key, acquireOptions));
    }
    return take(key, acquireOptions);
  };

  return {
    acquire,
    async schedule(key, task, acquireOptions) {
      const release = await acquire(key, acquireOptions);
      try {
        return await task();
      } finally {
        release();
      }
    },
    pauseAll(ms) {
      pausedAllUntil = Math.max(pausedAllUntil, now() + Math.max(0, ms));
    },
    pauseKey(key, ms) {
      const until = now() + Math.max(0, ms);
      if (until > (paused.get(key) ?? 0)) {
        paused.set(key, until);
      }
    },
    pausedUntilFor,
    get pausedUntil() {
      return pausedAllUntil > now() ? pausedAllUntil : 0;
    },
    get queued() {
      return queued();
    },
  };
}
