import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { KeyValueStore } from '../store/key-value-store.js';
import { MemoryStore } from '../store/memory-store.js';
import { toAbortError } from '../util/abort-reason.js';
import { type Clock, type TimerClock, withTimers } from '../util/clock.js';
import { type LimitConfig, resolveLimitConfig } from './limit-config.js';
import { type BucketState, takeToken } from './token-bucket.js';

export type { LimitConfig } from './limit-config.js';

export interface RateLimiterOptions extends LimitConfig {
  /** Per-key overrides, e.g. `{ 'messages.send': { ratePerSecond: 1 } }`. */
  keys?: Record<string, Partial<LimitConfig>>;
  /** Where bucket state lives. Default: a private `MemoryStore`. A shared store lets instances cooperate. */
  store?: KeyValueStore;
  /** Prefix of the store keys. Default `goskit:ratelimit:`. */
  storePrefix?: string;
  /** Time for refills and waits. A clock without timers (the simulator's) waits on system timers. */
  clock?: Clock | TimerClock;
}

export interface AcquireOptions {
  signal?: AbortSignal | undefined;
  /** Tokens this call costs. Default 1. */
  cost?: number;
}

/** Call once the call is finished to free its concurrency slot. Idempotent. */
export type Release = () => void;

export interface RateLimiter {
  /** Waits (FIFO per key) for a token and a concurrency slot. Rejects with `AbortError` when the signal fires. */
  acquire(key?: string, options?: AcquireOptions): Promise<Release>;
  /** Runs `task` inside a slot and releases it afterwards. */
  schedule<T>(key: string, task: () => Promise<T>, options?: AcquireOptions): Promise<T>;
  /** Holds every queue for `ms` (the portal said "slow down"). Extends, never shortens, a running pause. */
  pauseAll(ms: number): void;
  /** Epoch ms until which calls are held (0 when not paused). */
  readonly pausedUntil: number;
  /** Calls waiting, across keys. */
  readonly queued: number;
}

interface Waiter {
  cost: number;
  resolve: (release: Release) => void;
  reject: (error: unknown) => void;
  cleanup: () => void;
}

interface Lane {
  key: string;
  config: Required<LimitConfig>;
  queue: Waiter[];
  active: number;
  draining: boolean;
  again: boolean;
  timer: unknown;
}

/**
 * Token bucket per key with a FIFO queue and a concurrency cap. Bucket state goes through a
 * `KeyValueStore` via the pure `takeToken`, so the same limiter logic works over a shared store.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const clock = withTimers(options.clock);
  const store = options.store ?? new MemoryStore({ clock });
  const prefix = options.storePrefix ?? 'goskit:ratelimit:';
  const lanes = new Map<string, Lane>();
  let pausedUntil = 0;
  let pauseTimer: unknown;

  const configFor = (key: string) => resolveLimitConfig(options, key);

  // Fail fast on impossible settings instead of at the first call.
  // Stryker disable next-line StringLiteral: the key only names the settings in the error message
  configFor('default');
  for (const key of Object.keys(options.keys ?? {})) {
    configFor(key);
  }

  const laneFor = (key: string): Lane => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = {
        key,
        config: configFor(key),
        queue: [],
        active: 0,
        draining: false,
        // Stryker disable next-line BooleanLiteral: every drain pass resets it before it is read
        again: false,
        timer: undefined,
      };
      lanes.set(key, lane);
    }
    return lane;
  };

  const wake = (lane: Lane, ms: number) => {
    // Stryker disable next-line ConditionalExpression,BlockStatement: a second timer would only drain the lane once more
    if (lane.timer !== undefined) {
      return;
    }
    lane.timer = clock.setTimeout(() => {
      lane.timer = undefined;
      kick(lane);
    }, ms);
  };

  // One drain loop per lane at a time: the store is async, and two loops could both grant the head.
  const drain = async (lane: Lane): Promise<void> => {
    if (lane.draining) {
      lane.again = true;
      return;
    }
    lane.draining = true;
    try {
      do {
        lane.again = false;
        await drainOnce(lane);
      } while (lane.again);
    } finally {
      lane.draining = false;
    }
  };

  const drainOnce = async (lane: Lane): Promise<void> => {
    while (lane.queue.length > 0) {
      const now = clock.now();
      if (pausedUntil > now) {
        // Timers may fire a millisecond before the clock reaches the end of the pause: look again then.
        wake(lane, pausedUntil - now);
        return;
      }
      if (lane.active >= lane.config.maxConcurrency) {
        return; // a release drains again
      }
      const head = lane.queue[0]!;
      const storeKey = prefix + lane.key;
      const state = (await store.get(storeKey)) as BucketState | undefined;
      const decision = takeToken(state, lane.config, clock.now(), head.cost);
      // Full refill time bounds how long the state matters; after that a fresh bucket is identical.
      const ttlMs = Math.ceil((lane.config.burst / lane.config.ratePerSecond) * 1000) + 1000;
      if (lane.queue[0] !== head) {
        continue; // the head was aborted while we awaited the store; nothing was taken yet
      }
      await store.set(storeKey, decision.state, { ttlMs });
      if (!decision.allowed) {
        wake(lane, decision.retryAfterMs);
        return;
      }
      if (lane.queue[0] !== head) {
        continue; // aborted after the token was taken: the token is spent, as a real call would have
      }
      lane.queue.shift();
      head.cleanup();
      lane.active += 1;
      head.resolve(releaseOnce(lane));
    }
  };

  const releaseOnce = (lane: Lane): Release => {
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      lane.active -= 1;
      kick(lane);
    };
  };

  const acquire = (key = 'default', acquireOptions: AcquireOptions = {}): Promise<Release> => {
    const { signal } = acquireOptions;
    if (signal?.aborted) {
      return Promise.reject(toAbortError(signal, 'Waiting for the rate limiter'));
    }
    const lane = laneFor(key);
    const cost = acquireOptions.cost ?? 1;
    if (!(cost > 0 && cost <= lane.config.burst)) {
      // More than a full bucket could never be granted: fail instead of waiting forever.
      return Promise.reject(
        new InvalidOptionsError(`cost must be in (0, burst=${lane.config.burst}], got ${cost}`),
      );
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { cost, resolve, reject, cleanup: () => {} };
      if (signal) {
        const onAbort = () => {
          const index = lane.queue.indexOf(waiter);
          // Stryker disable next-line ConditionalExpression: the listener goes when the waiter leaves the queue, so it is always found
          if (index >= 0) {
            lane.queue.splice(index, 1);
            reject(toAbortError(signal, 'Waiting for the rate limiter'));
            kick(lane); // the place is free: the next caller may go now
          }
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.cleanup = () => signal.removeEventListener('abort', onAbort);
      }
      lane.queue.push(waiter);
      kick(lane);
    });
  };

  // A failing store must not leave callers hanging forever.
  const failLane = (lane: Lane, error: unknown) => {
    for (const waiter of lane.queue.splice(0)) {
      waiter.cleanup();
      waiter.reject(error);
    }
  };

  const kick = (lane: Lane) => {
    drain(lane).catch((error: unknown) => failLane(lane, error));
  };

  const pauseAll = (ms: number) => {
    const until = clock.now() + Math.max(0, ms);
    // Stryker disable next-line EqualityOperator: re-arming a pause for the same instant changes nothing
    if (until <= pausedUntil) {
      return;
    }
    pausedUntil = until;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: an older pause timer left running only wakes the lanes early, and a drain re-checks the pause
    if (pauseTimer !== undefined) {
      clock.clearTimeout(pauseTimer);
    }
    pauseTimer = clock.setTimeout(() => {
      pauseTimer = undefined;
      for (const lane of lanes.values()) {
        kick(lane);
      }
    }, ms);
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
    pauseAll,
    get pausedUntil() {
      return pausedUntil > clock.now() ? pausedUntil : 0;
    },
    get queued() {
      let total = 0;
      for (const lane of lanes.values()) {
        total += lane.queue.length;
      }
      return total;
    },
  };
}

/** A limiter instance (anything with `acquire`), as opposed to the options to build one. */
export function isRateLimiter(value: RateLimiter | RateLimiterOptions): value is RateLimiter {
  return typeof (value as Partial<RateLimiter>).acquire === 'function';
}
