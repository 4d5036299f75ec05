/**
 * One behaviour, two implementations: core's `createRateLimiter` (memory store) and
 * `createRedisRateLimiter` (a real redis-server, bucket time from the same virtual clock) pass the
 * same suite — burst, spacing, FIFO, cost, concurrency, pauseAll, abort, per-key settings, sharing
 * between instances, failing instead of hanging.
 */
import {
  AbortError,
  createRateLimiter,
  type KeyValueStore,
  type LimitConfig,
  MemoryStore,
  type RateLimiter,
  type Release,
  type TimerClock,
} from '@goskit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectRedis, createRedisRateLimiter, type RedisConnection } from '../src/index.js';
import { freePort, type RedisServer, startRedisServer } from './helpers/redis-server.js';
import { createVirtualClock, type VirtualClock } from './helpers/virtual-clock.js';

type Options = LimitConfig & { keys?: Record<string, Partial<LimitConfig>> };

interface Implementation {
  name: string;
  /** A limiter; instances made with the same `shared` token share their buckets. */
  create(options: Options, clock: TimerClock, shared?: object): RateLimiter;
  /** A limiter whose state cannot be reached. */
  broken(options: Options, clock: TimerClock): Promise<RateLimiter>;
  settle(): Promise<void>;
}

let server: RedisServer;
const connections: RedisConnection[] = [];
let prefixCounter = 0;
const turn = () => new Promise((resolve) => setImmediate(resolve));

const memory: Implementation = {
  name: 'core createRateLimiter (memory)',
  create(options, clock, shared) {
    const stores = memoryStores;
    let store = shared ? stores.get(shared) : undefined;
    if (shared && !store) {
      store = new MemoryStore({ clock });
      stores.set(shared, store);
    }
    return createRateLimiter({ ...options, clock, ...(store ? { store } : {}) });
  },
  async broken(options, clock) {
    const store: KeyValueStore = {
      get: () => Promise.reject(new Error('store down')),
      set: () => Promise.resolve(),
      setIfAbsent: () => Promise.resolve(true),
      take: () => Promise.resolve(undefined),
      delete: () => Promise.resolve(false),
      clear: () => Promise.resolve(),
    };
    return createRateLimiter({ ...options, clock, store });
  },
  async settle() {
    for (let i = 0; i < 6; i += 1) {
      await turn();
    }
  },
};
const memoryStores = new WeakMap<object, KeyValueStore>();

const prefixes = new WeakMap<object, string>();
const redis: Implementation = {
  name: 'createRedisRateLimiter (redis-server)',
  create(options, clock, shared) {
    let prefix = shared ? prefixes.get(shared) : undefined;
    if (!prefix) {
      prefixCounter += 1;
      prefix = `conformance:${process.pid}:${prefixCounter}:`;
      if (shared) {
        prefixes.set(shared, prefix);
      }
    }
    const connection = connectRedis(server.url);
    connections.push(connection);
    return createRedisRateLimiter({ ...options, redis: connection, clock, time: 'clock', prefix });
  },
  async broken(options, clock) {
    const port = await freePort(); // nothing listens there
    const connection = connectRedis(`redis://127.0.0.1:${port}`, { timeoutMs: 500 });
    connections.push(connection);
    return createRedisRateLimiter({ ...options, redis: connection, clock, time: 'clock' });
  },
  async settle() {
    // Replies come back in order on each connection: a PING answered means what was sent before it
    // was answered too. A few rounds cover a drain that sends again after a reply.
    for (let i = 0; i < 4; i += 1) {
      await Promise.all(connections.map((c) => c.send(['PING']).catch(() => undefined)));
      await turn();
    }
  },
};

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await server?.stop();
});

describe.each([memory, redis])('$name', (impl) => {
  let time: VirtualClock;
  beforeEach(() => {
    time = createVirtualClock(() => impl.settle());
  });

  /** Starts acquisitions and records when (virtual ms) and in which order each was granted. */
  function track(limiter: RateLimiter, key = 'default') {
    const granted: { id: number; at: number; release: Release }[] = [];
    const start = (id: number, signal?: AbortSignal, cost?: number) =>
      limiter.acquire(key, { signal, ...(cost === undefined ? {} : { cost }) }).then((release) => {
        granted.push({ id, at: time.now, release });
        return release;
      });
    return { granted, start };
  }

  it('lets a burst through, then spaces calls at the rate, in FIFO order', async () => {
    const limiter = impl.create({ ratePerSecond: 2, burst: 2 }, time.clock);
    const { granted, start } = track(limiter);
    for (let id = 1; id <= 5; id += 1) {
      void start(id);
    }
    await time.advanceTo(0);
    expect(granted.map((g) => g.id)).toEqual([1, 2]);
    await time.advanceTo(2000);
    expect(granted.map((g) => [g.id, g.at])).toEqual([
      [1, 0],
      [2, 0],
      [3, 500],
      [4, 1000],
      [5, 1500],
    ]);
    expect(limiter.queued).toBe(0);
  });

  it('refills while idle up to the burst, never beyond', async () => {
    const limiter = impl.create({ ratePerSecond: 10, burst: 3 }, time.clock);
    const { granted, start } = track(limiter);
    for (let id = 1; id <= 3; id += 1) {
      void start(id);
    }
    await time.advanceTo(10_000); // long idle: still only 3 tokens
    for (let id = 4; id <= 8; id += 1) {
      void start(id);
    }
    await time.advanceTo(10_300);
    expect(granted.map((g) => g.at)).toEqual([0, 0, 0, 10_000, 10_000, 10_000, 10_100, 10_200]);
  });

  it('charges `cost` tokens and rejects a cost larger than the bucket instead of waiting forever', async () => {
    const limiter = impl.create({ ratePerSecond: 1, burst: 2 }, time.clock);
    const { granted, start } = track(limiter);
    void start(1, undefined, 2);
    void start(2, undefined, 1);
    await time.advanceTo(1500);
    expect(granted.map((g) => [g.id, g.at])).toEqual([
      [1, 0],
      [2, 1000],
    ]);
    await expect(limiter.acquire('default', { cost: 3 })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await expect(limiter.acquire('default', { cost: 0 })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });

  it('caps concurrency and grants the next waiter when a slot is released', async () => {
    const limiter = impl.create({ ratePerSecond: 1000, burst: 1000, maxConcurrency: 2 }, time.clock);
    const { granted, start } = track(limiter);
    void start(1);
    void start(2);
    void start(3);
    await time.advanceTo(10);
    expect(granted.map((g) => g.id)).toEqual([1, 2]);
    expect(limiter.queued).toBe(1);
    granted[0]!.release();
    granted[0]!.release(); // idempotent: must not free two slots
    await time.advanceBy(0);
    expect(granted.map((g) => g.id)).toEqual([1, 2, 3]);
    void start(4);
    await time.advanceBy(10);
    expect(granted.map((g) => g.id)).toEqual([1, 2, 3]);
  });

  it('pauseAll holds every key until the pause ends, and never shortens a pause', async () => {
    const limiter = impl.create({ ratePerSecond: 100, burst: 100 }, time.clock);
    const a = track(limiter, 'a');
    const b = track(limiter, 'b');
    limiter.pauseAll(1000);
    limiter.pauseAll(200);
    expect(limiter.pausedUntil).toBe(1000);
    void a.start(1);
    void b.start(2);
    await time.advanceTo(999);
    expect(a.granted).toHaveLength(0);
    expect(b.granted).toHaveLength(0);
    await time.advanceTo(1000);
    expect(a.granted.map((g) => g.at)).toEqual([1000]);
    expect(b.granted.map((g) => g.at)).toEqual([1000]);
    expect(limiter.pausedUntil).toBe(0);
  });

  it('a pause whose timer fires a millisecond early still ends (Node timers can run ahead of Date.now)', async () => {
    const early: TimerClock = {
      now: () => time.clock.now(),
      setTimeout: (fn, ms) => time.clock.setTimeout(fn, ms > 1 ? ms - 1 : ms),
      clearTimeout: (handle) => time.clock.clearTimeout(handle),
    };
    const limiter = impl.create({ ratePerSecond: 100, burst: 100 }, early);
    const a = track(limiter, 'a');
    limiter.pauseAll(200);
    void a.start(1);
    await time.advanceTo(199);
    expect(a.granted).toHaveLength(0);
    await time.advanceTo(200);
    expect(a.granted.map((g) => g.at)).toEqual([200]);
  });

  it('an aborted waiter rejects with AbortError and frees its place in the queue', async () => {
    const limiter = impl.create({ ratePerSecond: 1000, burst: 1000, maxConcurrency: 1 }, time.clock);
    const { granted, start } = track(limiter);
    void start(1);
    const controller = new AbortController();
    const second = start(2, controller.signal);
    void start(3);
    await time.advanceTo(0);
    expect(limiter.queued).toBe(2);
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(AbortError);
    expect(limiter.queued).toBe(1);
    granted[0]!.release();
    await time.advanceBy(0);
    expect(granted.map((g) => g.id)).toEqual([1, 3]);
  });

  it('a waiter aborted while it waits for its token leaves the token to the next one', async () => {
    const limiter = impl.create({ ratePerSecond: 1, burst: 1 }, time.clock);
    const { granted, start } = track(limiter);
    void start(1);
    const controller = new AbortController();
    const second = start(2, controller.signal);
    void start(3);
    await time.advanceTo(500);
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(AbortError);
    await time.advanceTo(3000);
    expect(granted.map((g) => [g.id, g.at])).toEqual([
      [1, 0],
      [3, 1000],
    ]);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const limiter = impl.create({ ratePerSecond: 1 }, time.clock);
    await expect(limiter.acquire('k', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
  });

  it('keeps keys independent and applies per-key overrides', async () => {
    const limiter = impl.create(
      { ratePerSecond: 1, burst: 1, keys: { fast: { ratePerSecond: 10, burst: 3 } } },
      time.clock,
    );
    const slow = track(limiter, 'slow');
    const fast = track(limiter, 'fast');
    void slow.start(1);
    void slow.start(2);
    for (let id = 1; id <= 4; id += 1) {
      void fast.start(id);
    }
    await time.advanceTo(0);
    expect(slow.granted).toHaveLength(1);
    expect(fast.granted).toHaveLength(3);
    await time.advanceTo(100);
    expect(fast.granted).toHaveLength(4);
    expect(slow.granted).toHaveLength(1);
    await time.advanceTo(1000);
    expect(slow.granted).toHaveLength(2);
  });

  it('treats __proto__, constructor and toString as ordinary keys with the default settings', async () => {
    const limiter = impl.create({ ratePerSecond: 1, burst: 1, keys: { other: { burst: 5 } } }, time.clock);
    const lanes = ['__proto__', 'constructor', 'toString'].map((key) => track(limiter, key));
    for (const lane of lanes) {
      void lane.start(1);
      void lane.start(2);
    }
    await time.advanceTo(0);
    expect(lanes.map((lane) => lane.granted.length)).toEqual([1, 1, 1]);
    await time.advanceTo(1000);
    expect(lanes.map((lane) => lane.granted.map((g) => g.at))).toEqual([
      [0, 1000],
      [0, 1000],
      [0, 1000],
    ]);
  });

  it('shares bucket state between instances, so two instances split one budget', async () => {
    const shared = {};
    const first = impl.create({ ratePerSecond: 1, burst: 1 }, time.clock, shared);
    const second = impl.create({ ratePerSecond: 1, burst: 1 }, time.clock, shared);
    const a = track(first);
    const b = track(second);
    void a.start(1);
    await time.advanceTo(0);
    void b.start(2);
    await time.advanceTo(10);
    expect(b.granted).toHaveLength(0);
    await time.advanceTo(1010);
    expect(a.granted.map((g) => g.at)).toEqual([0]);
    expect(b.granted.map((g) => g.at)).toEqual([1000]);
  });

  it('schedule() runs the task inside a slot and releases it even when the task fails', async () => {
    const limiter = impl.create({ ratePerSecond: 1000, burst: 1000, maxConcurrency: 1 }, time.clock);
    await expect(limiter.schedule('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(limiter.schedule('k', async () => 42)).resolves.toBe(42);
  });

  it('rejects waiters instead of hanging (or letting them through) when its state is unreachable', async () => {
    const limiter = await impl.broken({ ratePerSecond: 1 }, time.clock);
    const outcome = await limiter.acquire('k').then(
      () => 'granted',
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(Error);
  });

  it('rejects impossible settings', () => {
    expect(() => impl.create({ ratePerSecond: 0 }, time.clock)).toThrow(/ratePerSecond > 0/);
    expect(() => impl.create({ ratePerSecond: 1, keys: { k: { maxConcurrency: 0 } } }, time.clock)).toThrow(
      /maxConcurrency/,
    );
  });
});
