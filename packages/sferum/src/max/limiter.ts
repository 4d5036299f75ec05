/**
 * MAX's limits: 30 requests a second per bot token, and 2 messages a second per chat. One limiter
 * keeps a token bucket per token (key `max:<sha-256 of the token>`) and one per chat for sends, so two
 * clients on one token share one budget. Clients that are given no limiter share a process-wide one;
 * with a shared `store` (Redis) several processes keep one budget per token.
 */
import {
  type AcquireOptions,
  type Clock,
  createRateLimiter,
  type KeyValueStore,
  type LimitConfig,
  type RateLimiter,
  type RateLimiterOptions,
  type Release,
} from '@goskit/core';

export interface MaxRateLimiterOptions {
  /** Calls per bot token. Default 30 a second (burst 30). */
  perToken?: number | LimitConfig;
  /** Messages per chat (or per dialog with a user). Default 2 a second (burst 2). */
  perChat?: number | LimitConfig;
  /** Share the buckets between instances (a Redis-backed KeyValueStore). */
  store?: KeyValueStore;
  /** Prefix of the store keys. Default 'goskit:max:ratelimit:'. */
  storePrefix?: string;
  clock?: Clock;
}

export interface MaxRateLimiter extends RateLimiter {
  /** Waits for a message slot of one chat or dialog (`target` is 'chat:<id>' or 'user:<id>'). */
  acquireMessage(tokenKey: string, target: string, options?: AcquireOptions): Promise<Release>;
}

export const MAX_DEFAULT_RATES = Object.freeze({ perToken: 30, perChat: 2 });

const toConfig = (value: number | LimitConfig | undefined, fallback: number): LimitConfig =>
  value === undefined
    ? { ratePerSecond: fallback }
    : typeof value === 'number'
      ? { ratePerSecond: value }
      : value;

function isRateLimiter(value: unknown): value is RateLimiter {
  return typeof value === 'object' && value !== null && typeof (value as RateLimiter).acquire === 'function';
}

export function isMaxRateLimiter(value: unknown): value is MaxRateLimiter {
  return isRateLimiter(value) && typeof (value as MaxRateLimiter).acquireMessage === 'function';
}

/** A MAX limiter; `tokenLane` lets a caller's own RateLimiter carry the per-token budget. */
export function createMaxRateLimiter(
  options: MaxRateLimiterOptions = {},
  tokenLane?: RateLimiter,
): MaxRateLimiter {
  const prefix = options.storePrefix ?? 'goskit:max:ratelimit:';
  const common = {
    ...(options.store ? { store: options.store } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const perToken =
    tokenLane ??
    createRateLimiter({
      ...toConfig(options.perToken, MAX_DEFAULT_RATES.perToken),
      ...common,
      storePrefix: prefix,
    });
  const perChat = createRateLimiter({
    ...toConfig(options.perChat, MAX_DEFAULT_RATES.perChat),
    ...common,
    storePrefix: `${prefix}chat:`,
  });
  return {
    acquire: (key, acquireOptions) => perToken.acquire(key, acquireOptions),
    schedule: (key, task, acquireOptions) => perToken.schedule(key, task, acquireOptions),
    acquireMessage: (tokenKey, target, acquireOptions) =>
      perChat.acquire(`${tokenKey}:${target}`, acquireOptions),
    pauseAll(ms) {
      perToken.pauseAll(ms);
      perChat.pauseAll(ms);
    },
    get pausedUntil() {
      return Math.max(perToken.pausedUntil, perChat.pausedUntil);
    },
    get queued() {
      return perToken.queued + perChat.queued;
    },
  };
}

let shared: MaxRateLimiter | undefined;

/** The process-wide limiter of clients that were given none (system clock, memory store). */
export function sharedMaxRateLimiter(): MaxRateLimiter {
  shared ??= createMaxRateLimiter();
  return shared;
}

/**
 * The limiter a client uses: a MAX limiter as given; a plain RateLimiter for the per-token budget
 * (per-chat buckets added); options for a private one; none → the shared one, or a private one when
 * the client runs on its own clock (a virtual clock must not drive the process-wide buckets).
 */
export function resolveMaxRateLimiter(
  rateLimit: RateLimiter | RateLimiterOptions | MaxRateLimiterOptions | undefined,
  clock: Clock | undefined,
): MaxRateLimiter {
  if (isMaxRateLimiter(rateLimit)) {
    return rateLimit;
  }
  if (isRateLimiter(rateLimit)) {
    return createMaxRateLimiter(clock ? { clock } : {}, rateLimit);
  }
  if (rateLimit !== undefined) {
    if ('ratePerSecond' in rateLimit) {
      const { store, storePrefix, clock: ownClock, ...config } = rateLimit as RateLimiterOptions;
      return createMaxRateLimiter({
        perToken: config,
        ...(store ? { store } : {}),
        ...(storePrefix ? { storePrefix } : {}),
        ...((ownClock ?? clock) ? { clock: (ownClock ?? clock) as Clock } : {}),
      });
    }
    const maxOptions = rateLimit as MaxRateLimiterOptions;
    return createMaxRateLimiter({ ...(clock ? { clock } : {}), ...maxOptions });
  }
  return clock ? createMaxRateLimiter({ clock }) : sharedMaxRateLimiter();
}
