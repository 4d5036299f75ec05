/**
 * core's `RateLimiter` with its bucket in Redis, for several instances that must stay within one
 * portal limit together. Same behaviour and API as `createRateLimiter`: FIFO per key inside an
 * instance, burst, cost, `maxConcurrency` (per instance, as core's with a shared store), `pauseAll`
 * (here seen by every instance). Each head of a queue *reserves* its token in one atomic script and
 * sleeps until its time, so instances take turns in the order they reach Redis and never poll.
 * Redis down or slow: calls fail with `RedisUnavailableError` (or go to a fallback limiter you
 * chose) — never through unlimited.
 */
import {
  AbortError,
  type AcquireOptions,
  type Clock,
  InvalidOptionsError,
  type LimitConfig,
  type RateLimiter,
  type Release,
  type TimerClock,
  withTimers,
} from '@goskit/core';
import { type ConnectRedisOptions, connectRedis, type RedisSource } from '../connection/connect-redis.js';
import { checkKey, checkPrefix } from '../connection/keys.js';
import type { RedisConnection, RedisReply } from '../connection/redis-connection.js';
import { GoskitRedisError } from '../errors/goskit-redis-error.js';
import { RedisCommandError } from '../errors/redis-command-error.js';
import { isRedisUnavailableError, RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { BUCKET_SCRIPT } from './bucket-script.js';
import { type LimitOverrides, resolveLimit } from './limit-settings.js';

export interface RedisRateLimiterOptions extends LimitConfig, ConnectRedisOptions {
  /** A redis:// URL, your node-redis or ioredis client, or a `connectRedis()` connection. */
  redis: RedisSource;
  /** Per-key overrides, e.g. `{ 'messages.send': { ratePerSecond: 1 } }`. */
  keys?: LimitOverrides;
  /** Namespace of the buckets and the shared pause. Default 'goskit:ratelimit:'. Same prefix = same limit. */
  prefix?: string;
  /**
   * Whose time the buckets run on. 'redis' (default without `clock`): the server's TIME, so the
   * instances' clock skew does not matter. 'clock' (default with `clock`): `clock.now()` of each
   * instance — for virtual time in tests; skew s between instances can let through up to
   * ratePerSecond·s extra calls once (a bucket's time never moves backwards).
   */
  time?: 'redis' | 'clock';
  /** Waits run on its timers when it has them (a virtual clock in tests), else on the system's. */
  clock?: Clock | TimerClock;
  /**
   * Redis down or too slow: 'fail' (default) rejects waiting and new calls with
   * `RedisUnavailableError`; a `RateLimiter` (e.g. core's `createRateLimiter` at rate/N) takes the
   * calls instead until Redis answers again.
   */
  whenUnavailable?: 'fail' | RateLimiter;
  /** After a failure, how long calls skip Redis (fail fast or go to the fallback), ms. Default 1000. */
  unavailableCooldownMs?: number;
}

/** A `RateLimiter` on Redis; `close()` releases the connection if the limiter opened it. */
export interface RedisRateLimiter extends RateLimiter {
  readonly connection: RedisConnection;
  /** Rejects waiting calls and closes a connection opened from a URL. */
  close(): Promise<void>;
}

interface Waiter {
  cost: number;
  signal: AbortSignal | undefined;
  resolve: (release: Release) => void;
  reject: (error: unknown) => void;
  cleanup: () => void;
  /** While the head sleeps on its reservation: wakes it early (it was aborted). */
  interrupt: (() => void) | undefined;
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

type Take = { paused: true; waitMs: number } | { paused: false; waitMs: number; reservation: number };

function parseTake(reply: RedisReply): Take {
  if (Array.isArray(reply) && typeof reply[0] === 'number' && typeof reply[1] === 'number') {
    if (reply[0] === 0) {
      return { paused: true, waitMs: Math.max(0, reply[1]) };
    }
    if (typeof reply[2] === 'number') {
      return { paused: false, waitMs: Math.max(0, reply[1]), reservation: reply[2] };
    }
  }
  throw new RedisCommandError(
    'limiter.acquire',
    `ERR unexpected reply ${JSON.stringify(reply).slice(0, 80)}`,
  );
}

export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  const clock = withTimers(options.clock);
  const time = options.time ?? (options.clock ? 'clock' : 'redis');
  if (time !== 'redis' && time !== 'clock') {
    throw new InvalidOptionsError("time must be 'redis' or 'clock'");
  }
  const prefix = checkPrefix(options.prefix ?? 'goskit:ratelimit:');
  const pauseKey = `${prefix}pause`;
  const whenUnavailable = options.whenUnavailable ?? 'fail';
  if (whenUnavailable !== 'fail' && typeof whenUnavailable?.acquire !== 'function') {
    throw new InvalidOptionsError("whenUnavailable must be 'fail' or a RateLimiter");
  }
  const cooldownMs = options.unavailableCooldownMs ?? 1000;
  if (!(cooldownMs >= 0)) {
    throw new InvalidOptionsError('unavailableCooldownMs must be >= 0');
  }
  const connection = connectRedis(options.redis, options);
  const lanes = new Map<string, Lane>();
  let pausedUntil = 0;
  let pauseTimer: unknown;
  let downUntil = 0;
  let lastFailure: RedisUnavailableError | undefined;
  let closed = false;

  const configFor = (key: string) => resolveLimit(options, options.keys, key);
  configFor('default');
  for (const key of Object.keys(options.keys ?? {})) {
    configFor(key);
  }

  const nowArg = () => (time === 'redis' ? '' : String(Math.floor(clock.now())));
  const bucketArgs = (lane: Lane, op: string, cost: number, extra: string) => [
    op,
    nowArg(),
    String(lane.config.ratePerSecond),
    String(lane.config.burst),
    String(cost),
    extra,
  ];

  const laneFor = (key: string): Lane => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = {
        key,
        config: configFor(key),
        queue: [],
        active: 0,
        draining: false,
        again: false,
        timer: undefined,
      };
      lanes.set(key, lane);
    }
    return lane;
  };

  const wake = (lane: Lane, ms: number) => {
    if (lane.timer !== undefined) {
      return;
    }
    lane.timer = clock.setTimeout(() => {
      lane.timer = undefined;
      kick(lane);
    }, ms);
  };

  /** Sleeps `ms` for the head; false when it was aborted meanwhile. */
  const hold = (waiter: Waiter, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = clock.setTimeout(() => {
        waiter.interrupt = undefined;
        resolve(true);
      }, ms);
      waiter.interrupt = () => {
        waiter.interrupt = undefined;
        clock.clearTimeout(timer);
        resolve(false);
      };
    });

  /** Gives back an abandoned reservation when nobody reserved after it; otherwise it stays spent. */
  const refund = async (lane: Lane, cost: number, reservation: number) => {
    try {
      await connection.run(
        BUCKET_SCRIPT,
        [prefix + lane.key, pauseKey],
        bucketArgs(lane, 'refund', cost, String(reservation)),
        {
          operation: 'limiter.refund',
        },
      );
    } catch (error) {
      options.logger?.warn?.('rate limiter could not return an abandoned token', {
        error: error instanceof GoskitRedisError ? error.code : 'unknown',
      });
    }
  };

  const grant = (lane: Lane, waiter: Waiter) => {
    lane.queue.shift();
    waiter.cleanup();
    lane.active += 1;
    waiter.resolve(releaseOnce(lane));
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
      if (downUntil > now && lastFailure) {
        onUnavailable(lane, lastFailure);
        return;
      }
      const head = lane.queue[0]!;
      let take: Take;
      try {
        take = parseTake(
          await connection.run(
            BUCKET_SCRIPT,
            [prefix + lane.key, pauseKey],
            bucketArgs(lane, 'take', head.cost, ''),
            {
              operation: 'limiter.acquire',
            },
          ),
        );
      } catch (error) {
        if (isRedisUnavailableError(error)) {
          downUntil = clock.now() + cooldownMs;
          lastFailure = error;
          onUnavailable(lane, error);
          return;
        }
        throw error;
      }
      if (take.paused) {
        // Another instance was told to slow down: every instance holds.
        pausedUntil = Math.max(pausedUntil, clock.now() + take.waitMs);
        wake(lane, take.waitMs);
        return;
      }
      if (lane.queue[0] !== head) {
        await refund(lane, head.cost, take.reservation); // aborted while the script ran
        continue;
      }
      if (take.waitMs > 0 && !(await hold(head, take.waitMs))) {
        await refund(lane, head.cost, take.reservation);
        continue;
      }
      // A pause that began while the head slept still holds it (its token stays spent).
      const pauseLeft = pausedUntil - clock.now();
      if (pauseLeft > 0 && !(await hold(head, pauseLeft))) {
        continue;
      }
      grant(lane, head);
    }
  };

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

  const failLane = (lane: Lane, error: unknown) => {
    for (const waiter of lane.queue.splice(0)) {
      waiter.cleanup();
      waiter.reject(error);
    }
  };

  /** Fail closed, or hand every waiting call of the lane to the fallback limiter. */
  const onUnavailable = (lane: Lane, error: RedisUnavailableError) => {
    if (whenUnavailable === 'fail') {
      failLane(lane, error);
      return;
    }
    for (const waiter of lane.queue.splice(0)) {
      waiter.cleanup();
      whenUnavailable
        .acquire(lane.key, { signal: waiter.signal, cost: waiter.cost })
        .then(waiter.resolve, waiter.reject);
    }
  };

  const kick = (lane: Lane) => {
    drain(lane).catch((error: unknown) => failLane(lane, error));
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
      return Promise.reject(abortError(signal));
    }
    if (closed) {
      return Promise.reject(
        new RedisUnavailableError('REDIS_UNAVAILABLE', { operation: 'limiter.acquire (closed)' }),
      );
    }
    let lane: Lane;
    try {
      lane = laneFor(checkKey('limiter key', key));
    } catch (error) {
      return Promise.reject(error);
    }
    const cost = acquireOptions.cost ?? 1;
    if (!(cost > 0 && cost <= lane.config.burst)) {
      return Promise.reject(
        new InvalidOptionsError(`cost must be in (0, burst=${lane.config.burst}], got ${cost}`),
      );
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { cost, signal, resolve, reject, cleanup: () => {}, interrupt: undefined };
      if (signal) {
        const onAbort = () => {
          const index = lane.queue.indexOf(waiter);
          if (index >= 0) {
            lane.queue.splice(index, 1);
            reject(abortError(signal));
            waiter.interrupt?.();
            kick(lane);
          }
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.cleanup = () => signal.removeEventListener('abort', onAbort);
      }
      lane.queue.push(waiter);
      kick(lane);
    });
  };

  const pauseAll = (ms: number) => {
    const span = Math.max(0, ms);
    const until = clock.now() + span;
    if (until > pausedUntil) {
      pausedUntil = until;
      if (pauseTimer !== undefined) {
        clock.clearTimeout(pauseTimer);
      }
      pauseTimer = clock.setTimeout(() => {
        pauseTimer = undefined;
        for (const lane of lanes.values()) {
          kick(lane);
        }
      }, span);
    }
    if (span >= 1) {
      // Every instance holds too; a failure here only loses the sharing, never the local pause.
      connection
        .run(BUCKET_SCRIPT, [prefix, pauseKey], ['pause', nowArg(), '1', '1', '1', String(Math.ceil(span))], {
          operation: 'limiter.pauseAll',
        })
        .catch((error: unknown) => {
          options.logger?.warn?.('rate limiter could not share a pause through Redis', {
            error: error instanceof GoskitRedisError ? error.code : 'unknown',
          });
        });
    }
  };

  return {
    connection,
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
    async close() {
      closed = true;
      const error = new RedisUnavailableError('REDIS_UNAVAILABLE', { operation: 'limiter.acquire (closed)' });
      for (const lane of lanes.values()) {
        for (const waiter of lane.queue) {
          waiter.interrupt?.();
        }
        failLane(lane, error);
        if (lane.timer !== undefined) {
          clock.clearTimeout(lane.timer);
          lane.timer = undefined;
        }
      }
      if (pauseTimer !== undefined) {
        clock.clearTimeout(pauseTimer);
      }
      await connection.close();
    },
  };
}

function abortError(signal: AbortSignal): AbortError {
  const reason: unknown = signal.reason;
  return reason instanceof AbortError
    ? reason
    : new AbortError('Waiting for the rate limiter was aborted', { cause: reason });
}
