import { AbortError, createRateLimiter, type KeyValueStore, MemoryStore, type Release } from '@goskit/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts acquisitions and records when (fake ms) and in which order each was granted. */
function track(limiter: ReturnType<typeof createRateLimiter>, key = 'default') {
  const granted: { id: number; at: number; release: Release }[] = [];
  const start = (id: number, signal?: AbortSignal) =>
    limiter.acquire(key, { signal }).then((release) => {
      granted.push({ id, at: Date.now(), release });
      return release;
    });
  return { granted, start };
}

describe('createRateLimiter', () => {
  it('lets a burst through, then spaces calls at the rate, in FIFO order', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 2, burst: 2 });
    const { granted, start } = track(limiter);
    for (let id = 1; id <= 5; id += 1) {
      void start(id);
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(granted.map((g) => g.id)).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(granted.map((g) => [g.id, g.at])).toEqual([
      [1, 0],
      [2, 0],
      [3, 500],
      [4, 1000],
      [5, 1500],
    ]);
  });

  it('caps concurrency and grants the next waiter when a slot is released', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1000, burst: 1000, maxConcurrency: 2 });
    const { granted, start } = track(limiter);
    void start(1);
    void start(2);
    void start(3);
    await vi.advanceTimersByTimeAsync(10);
    expect(granted.map((g) => g.id)).toEqual([1, 2]);
    expect(limiter.queued).toBe(1);
    granted[0]!.release();
    granted[0]!.release(); // idempotent: must not free two slots
    await vi.advanceTimersByTimeAsync(0);
    expect(granted.map((g) => g.id)).toEqual([1, 2, 3]);
    void start(4);
    await vi.advanceTimersByTimeAsync(10);
    expect(granted.map((g) => g.id)).toEqual([1, 2, 3]);
  });

  it('pauseAll holds every key until the pause ends, and never shortens a pause', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 100, burst: 100 });
    const a = track(limiter, 'a');
    const b = track(limiter, 'b');
    limiter.pauseAll(1000);
    limiter.pauseAll(200);
    expect(limiter.pausedUntil).toBe(1000);
    void a.start(1);
    void b.start(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(a.granted).toHaveLength(0);
    expect(b.granted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.granted.map((g) => g.at)).toEqual([1000]);
    expect(b.granted.map((g) => g.at)).toEqual([1000]);
    expect(limiter.pausedUntil).toBe(0);
  });

  it('an aborted waiter rejects with AbortError and frees its place in the queue', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1000, burst: 1000, maxConcurrency: 1 });
    const { granted, start } = track(limiter);
    void start(1);
    const controller = new AbortController();
    const second = start(2, controller.signal);
    void start(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(limiter.queued).toBe(2);
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(AbortError);
    expect(limiter.queued).toBe(1);
    granted[0]!.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(granted.map((g) => g.id)).toEqual([1, 3]);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1 });
    await expect(limiter.acquire('k', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
  });

  it('keeps keys independent and applies per-key overrides', async () => {
    const limiter = createRateLimiter({
      ratePerSecond: 1,
      burst: 1,
      keys: { fast: { ratePerSecond: 10, burst: 3 } },
    });
    const slow = track(limiter, 'slow');
    const fast = track(limiter, 'fast');
    void slow.start(1);
    void slow.start(2);
    for (let id = 1; id <= 4; id += 1) {
      void fast.start(id);
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(slow.granted).toHaveLength(1);
    expect(fast.granted).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(100);
    expect(fast.granted).toHaveLength(4);
    expect(slow.granted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(900);
    expect(slow.granted).toHaveLength(2);
  });

  it('shares bucket state through the store, so two instances split one budget', async () => {
    const store = new MemoryStore();
    const first = createRateLimiter({ ratePerSecond: 1, burst: 1, store });
    const second = createRateLimiter({ ratePerSecond: 1, burst: 1, store });
    const a = track(first);
    const b = track(second);
    void a.start(1);
    await vi.advanceTimersByTimeAsync(0);
    void b.start(2);
    await vi.advanceTimersByTimeAsync(10);
    expect(b.granted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(b.granted.map((g) => g.at)).toEqual([1000]);
  });

  it('schedule() runs the task inside a slot and releases it even when the task fails', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1000, burst: 1000, maxConcurrency: 1 });
    await expect(limiter.schedule('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(limiter.schedule('k', async () => 42)).resolves.toBe(42);
  });

  it('rejects waiters instead of hanging when the store fails', async () => {
    const broken: KeyValueStore = {
      get: () => Promise.reject(new Error('store down')),
      set: () => Promise.resolve(),
      setIfAbsent: () => Promise.resolve(true),
      take: () => Promise.resolve(undefined),
      delete: () => Promise.resolve(false),
      clear: () => Promise.resolve(),
    };
    const limiter = createRateLimiter({ ratePerSecond: 1, store: broken });
    await expect(limiter.acquire('k')).rejects.toThrow('store down');
  });

  it('rejects a cost larger than the bucket instead of waiting forever', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 2 });
    await expect(limiter.acquire('k', { cost: 3 })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    const release = await limiter.acquire('k', { cost: 2 });
    release();
  });

  it('rejects impossible settings', () => {
    expect(() => createRateLimiter({ ratePerSecond: 0 })).toThrow(/ratePerSecond > 0/);
    expect(() => createRateLimiter({ ratePerSecond: 1, keys: { k: { maxConcurrency: 0 } } })).toThrow(
      /maxConcurrency/,
    );
  });
});
