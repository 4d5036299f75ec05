/**
 * The rate limiter's rules at their edges: default burst, refused settings and costs, partial-token
 * waits, the store keys and TTL, the clock the default store runs on, one drain loop per key, aborts
 * while the store answers, no listener left behind. Written where mutation testing
 * (`pnpm mutation core`) found them unguarded.
 */
import { getEventListeners } from 'node:events';
import {
  AbortError,
  createRateLimiter,
  type KeyValueStore,
  MemoryStore,
  type Release,
  type StoreWriteOptions,
  takeToken,
} from '@goskit/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Ids of the acquisitions granted so far, in grant order. */
function grants() {
  const granted: string[] = [];
  const releases = new Map<string, Release>();
  const track = (id: string, pending: Promise<Release>) =>
    pending.then(
      (release) => {
        granted.push(id);
        releases.set(id, release);
      },
      () => {},
    );
  return { granted, releases, track };
}

/**
 * A MemoryStore whose reads and writes take `delayMs` of (fake) time, recording the writes and how
 * many reads of one key were ever in flight at once.
 */
function slowStore(delayMs: number) {
  const inner = new MemoryStore({ now: () => Date.now() });
  const writes: { key: string; value: unknown; options: StoreWriteOptions | undefined }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const later = <T>(run: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => setTimeout(() => run().then(resolve, reject), delayMs));
  const store: KeyValueStore = {
    get: (key) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return later(() => inner.get(key)).finally(() => {
        inFlight -= 1;
      });
    },
    set: (key, value, options) => {
      writes.push({ key, value, options });
      return later(() => inner.set(key, value, options));
    },
    setIfAbsent: (key, value, options) => inner.setIfAbsent(key, value, options),
    take: (key) => inner.take(key),
    delete: (key) => inner.delete(key),
    clear: () => inner.clear(),
  };
  return { store, writes, maxInFlight: () => maxInFlight };
}

describe('settings', () => {
  it('burst defaults to ratePerSecond rounded up, and to at least 1', async () => {
    for (const [ratePerSecond, burst] of [
      [2.5, 3],
      [0.5, 1],
    ] as const) {
      const limiter = createRateLimiter({ ratePerSecond });
      const { granted, track } = grants();
      for (let i = 1; i <= burst + 1; i += 1) {
        void track(String(i), limiter.acquire());
      }
      await vi.advanceTimersByTimeAsync(0);
      expect(granted, `rate ${ratePerSecond}`).toHaveLength(burst);
    }
  });

  it('a burst below 1 is refused, in the defaults and per key', () => {
    expect(() => createRateLimiter({ ratePerSecond: 1, burst: 0.5 })).toThrow(/burst >= 1/);
    expect(() => createRateLimiter({ ratePerSecond: 1, keys: { send: { burst: 0 } } })).toThrow(/"send"/);
    expect(() => takeToken(undefined, { ratePerSecond: 1, burst: 0.5 }, 0)).toThrow(RangeError);
  });

  it('a cost must be above 0 (and at most the burst)', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 2 });
    for (const cost of [0, -1]) {
      await expect(limiter.acquire('k', { cost }), String(cost)).rejects.toMatchObject({
        code: 'INVALID_OPTIONS',
      });
    }
    const release = await limiter.acquire('k', { cost: 0.5 });
    release();
  });
});

describe('token bucket', () => {
  it('waits only for the part of the cost that is missing', () => {
    const config = { ratePerSecond: 1, burst: 2 };
    expect(takeToken({ tokens: 0.25, updatedAt: 0 }, config, 0)).toMatchObject({
      allowed: false,
      retryAfterMs: 750,
    });
    expect(takeToken({ tokens: 0.5, updatedAt: 0 }, config, 0, 2)).toMatchObject({ retryAfterMs: 1500 });
  });
});

describe('bucket state in the store', () => {
  it('is kept under goskit:ratelimit:<key> ("default" without one) for a full refill plus a second, or under storePrefix', async () => {
    const { store, writes } = slowStore(0);
    const limiter = createRateLimiter({ ratePerSecond: 4, burst: 10, store });
    const acquired = limiter.acquire('messages.send');
    await vi.advanceTimersByTimeAsync(10);
    (await acquired)();
    expect(writes).toEqual([
      { key: 'goskit:ratelimit:messages.send', value: { tokens: 9, updatedAt: 0 }, options: { ttlMs: 3500 } },
    ]);

    const keyless = createRateLimiter({ ratePerSecond: 4, store });
    const third = keyless.acquire();
    await vi.advanceTimersByTimeAsync(10);
    (await third)();
    expect(writes.at(-1)?.key).toBe('goskit:ratelimit:default');

    const prefixed = createRateLimiter({ ratePerSecond: 4, store, storePrefix: 'school-42:' });
    const second = prefixed.acquire('messages.send');
    await vi.advanceTimersByTimeAsync(10);
    (await second)();
    expect(writes.at(-1)?.key).toBe('school-42:messages.send');
  });

  it('the default store expires state on the limiter clock, not the wall clock', async () => {
    // A virtual clock that stands still (the simulator's): no refill, however long the wall clock runs.
    // The state lives 2 s (a full refill plus a second) of that clock; the wall clock runs 5 s idle.
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, clock: { now: () => 0 } });
    const { granted, track } = grants();
    void track('first', limiter.acquire());
    await vi.advanceTimersByTimeAsync(5_000);
    void track('second', limiter.acquire());
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual(['first']);
    expect(limiter.queued).toBe(1);
  });
});

describe('one drain loop per key', () => {
  it('never has two store reads of one key in flight, and still grants every waiter it can', async () => {
    const { store, maxInFlight } = slowStore(10);
    const limiter = createRateLimiter({ ratePerSecond: 0.001, burst: 3, store });
    const { granted, track } = grants();
    for (const id of ['a', 'b', 'c', 'd']) {
      void track(id, limiter.acquire('k'));
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(granted).toEqual(['a', 'b', 'c']);
    expect(maxInFlight()).toBe(1);
  });

  it('a slot freed while the loop is finishing is not missed', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1000, burst: 1000, maxConcurrency: 1 });
    const releaseA = await limiter.acquire('k');
    const { granted, track } = grants();
    void track('b', limiter.acquire('k')); // the loop sees the slot taken and ends…
    releaseA(); // …while this release asks for one more pass
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual(['b']);
  });
});

describe('aborts while the store answers', () => {
  it('a waiter aborted during the read spends no token: the next one goes at once', async () => {
    const { store } = slowStore(10);
    const limiter = createRateLimiter({ ratePerSecond: 0.001, burst: 1, store });
    const controller = new AbortController();
    const { granted, track } = grants();
    const aborted = limiter.acquire('k', { signal: controller.signal });
    void track('b', limiter.acquire('k'));
    await vi.advanceTimersByTimeAsync(5); // the read for the first waiter is in flight
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(100);
    expect(granted).toEqual(['b']);
  });

  it('a waiter aborted during the write has spent its token; the next one still gets its turn', async () => {
    const { store } = slowStore(10);
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1, store });
    const controller = new AbortController();
    const { granted, track } = grants();
    const aborted = limiter.acquire('k', { signal: controller.signal });
    void track('b', limiter.acquire('k'));
    await vi.advanceTimersByTimeAsync(15); // read done, write in flight
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(500);
    expect(granted).toEqual([]); // the token is gone until the refill
    await vi.advanceTimersByTimeAsync(1_000);
    expect(granted).toEqual(['b']);
  });
});

describe('pauses', () => {
  it('a longer pause extends a running one: nothing is granted until the later end', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 100, burst: 100 });
    limiter.pauseAll(1_000);
    limiter.pauseAll(3_000);
    const { granted, track } = grants();
    void track('a', limiter.acquire());
    await vi.advanceTimersByTimeAsync(2_999);
    expect(granted).toEqual([]);
    expect(limiter.pausedUntil).toBe(3_000);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual(['a']);
    expect(limiter.pausedUntil).toBe(0);
  });
});

describe('timers that fire early', () => {
  it('a pause whose timer fires a millisecond early still ends, exactly when the pause does', async () => {
    // Node timers can run a millisecond ahead of Date.now(): the lane looks again after what is left.
    const early = {
      now: () => Date.now(),
      setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms > 1 ? ms - 1 : ms),
      clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    const limiter = createRateLimiter({ ratePerSecond: 100, burst: 100, clock: early });
    limiter.pauseAll(200);
    const { granted, track } = grants();
    void track('a', limiter.acquire());
    await vi.advanceTimersByTimeAsync(199);
    expect(granted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual(['a']);
  });
});

describe('aborted waiters', () => {
  it('reject with an AbortError that says the call was waiting for the rate limiter', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1 });
    await expect(limiter.acquire('k', { signal: AbortSignal.abort() })).rejects.toThrow(/rate limiter/);
    (await limiter.acquire('k'))();
    const controller = new AbortController();
    const waiting = limiter.acquire('k', { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toThrow(/rate limiter/);
  });
});

describe('listeners', () => {
  it('no abort listener stays on a signal, whether its waiter was granted or aborted', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1 });
    const granted = new AbortController();
    (await limiter.acquire('k', { signal: granted.signal }))();
    expect(getEventListeners(granted.signal, 'abort')).toHaveLength(0);

    const waiting = new AbortController();
    const pending = limiter.acquire('k', { signal: waiting.signal });
    await vi.advanceTimersByTimeAsync(0);
    expect(getEventListeners(waiting.signal, 'abort')).toHaveLength(1);
    waiting.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(getEventListeners(waiting.signal, 'abort')).toHaveLength(0);
  });
});
