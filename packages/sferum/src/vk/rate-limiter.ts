/**
 * VK's limits are per token: 3 requests a second for a user (or service) token, 20 for a community
 * token; one `execute` counts as one request. This limiter keeps one token bucket per key — the
 * client's key is `vk:<kind>:<sha-256 of the token>` — picks the rate from the kind in the key, and
 * can hold a single token's calls after error 6 without slowing the other tokens sharing it. With a
 * shared `store` (Redis) several instances keep one budget per token.
 */
import {
  type AcquireOptions,
  type Clock,
  createRateLimiter,
  type KeyValueStore,
  type LimitConfig,
  type RateLimiter,
  type Release,
  sleep,
} from '@goskit/core';
import type { VkTokenKind } from '../errors/vk-token-kind-error.js';

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
  const prefix = options.storePrefix ?? 'goskit:vk:ratelimit:';
  const common = {
    ...(options.store ? { store: options.store } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const user = createRateLimiter({
    ...toConfig(options.user, VK_DEFAULT_RATES.user),
    ...common,
    storePrefix: prefix,
  });
  const community = createRateLimiter({
    ...toConfig(options.community, VK_DEFAULT_RATES.community),
    ...common,
    storePrefix: prefix,
  });
  const now = () => (options.clock ? options.clock.now() : Date.now());
  const paused = new Map<string, number>();
  const laneOf = (key: string) => (key.startsWith(COMMUNITY_PREFIX) ? community : user);

  const pausedUntilFor = (key: string): number => {
    const until = paused.get(key);
    if (until === undefined) {
      return 0;
    }
    if (until <= now()) {
      paused.delete(key);
      return 0;
    }
    return until;
  };

  const acquire = async (key = 'default', acquireOptions?: AcquireOptions): Promise<Release> => {
    // One wait for the pause as it stands: with a frozen virtual clock a loop would never end.
    const until = pausedUntilFor(key);
    if (until > 0) {
      await sleep(until - now(), acquireOptions?.signal);
    }
    return laneOf(key).acquire(key, acquireOptions);
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
      user.pauseAll(ms);
      community.pauseAll(ms);
    },
    pauseKey(key, ms) {
      const until = now() + Math.max(0, ms);
      if (until > (paused.get(key) ?? 0)) {
        paused.set(key, until);
      }
    },
    pausedUntilFor,
    get pausedUntil() {
      return Math.max(user.pausedUntil, community.pausedUntil);
    },
    get queued() {
      return user.queued + community.queued;
    },
  };
}
