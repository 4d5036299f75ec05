/**
 * The Redis limiter across instances on real time (Redis TIME): several limiters on separate
 * connections stay within one budget and take turns; a pause told to one holds all; an instance
 * with a slow clock (`time: 'clock'`) only delays itself.
 */
import { createRateLimiter, type RateLimiter } from '@goskit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createRedisRateLimiter, InvalidKeyError, type RedisConnection } from '../src/index.js';
import { type RedisServer, startRedisServer } from './helpers/redis-server.js';
import { createVirtualClock } from './helpers/virtual-clock.js';

let server: RedisServer;
const connections: RedisConnection[] = [];
const connect = () => {
  const connection = connectRedis(server.url);
  connections.push(connection);
  return connection;
};
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await server?.stop();
});

/** Most grants in any window of `windowMs` (times sorted). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) {
      start += 1;
    }
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Each instance starts `perInstance` calls at once; returns grant times (ms) per instance. */
async function race(limiters: RateLimiter[], perInstance: number): Promise<number[][]> {
  const origin = performance.now();
  return Promise.all(
    limiters.map(async (limiter) => {
      const times: number[] = [];
      await Promise.all(
        Array.from({ length: perInstance }, () =>
          limiter.acquire('portal').then((release) => {
            times.push(performance.now() - origin);
            release();
          }),
        ),
      );
      return times;
    }),
  );
}

describe('Redis limiter, several instances', () => {
  const rate = 40;
  const burst = 4;
  // A token bucket lets through at most burst + rate·W calls in any window W; +1 for timer jitter.
  const bound = (windowMs: number) => burst + Math.ceil((rate * windowMs) / 1000) + 1;

  it('four instances together stay within one budget and each gets its turn', async () => {
    const prefix = `instances:${process.pid}:shared:`;
    const limiters = [0, 1, 2, 3].map(() =>
      createRedisRateLimiter({ redis: connect(), prefix, ratePerSecond: rate, burst }),
    );
    const times = await race(limiters, 12);
    const all = times.flat();
    expect(all).toHaveLength(48);
    for (const windowMs of [100, 250, 500]) {
      expect(maxInWindow(all, windowMs)).toBeLessThanOrEqual(bound(windowMs));
    }
    // 48 calls at 40/s after a burst of 4: about 1.1 s. No polling stalls: grants follow each other
    // at about 25 ms; a loaded CI machine stretches that, but no gap comes near a stalled wait.
    expect(Math.max(...all)).toBeGreaterThanOrEqual(((48 - burst) / rate) * 1000 - 50);
    const sorted = [...all].sort((x, y) => x - y);
    const gaps = sorted.slice(1).map((t, i) => t - (sorted[i] as number));
    expect(Math.max(...gaps)).toBeLessThan(750);
    expect(Math.max(...all)).toBeLessThan(((48 - burst) / rate) * 1000 + 3000);
    // Turns: by the time the first instance is done, every other one has had several calls.
    const firstDone = Math.min(...times.map((t) => Math.max(...t)));
    for (const own of times) {
      expect(own.filter((t) => t <= firstDone).length).toBeGreaterThanOrEqual(6);
    }
  });

  it('(control) four unshared limiters at the same rate exceed that budget', async () => {
    const limiters = [0, 1, 2, 3].map(() => createRateLimiter({ ratePerSecond: rate, burst }));
    const all = (await race(limiters, 12)).flat();
    expect(maxInWindow(all, 250)).toBeGreaterThan(bound(250));
  });

  it('a pause told to one instance holds the others', async () => {
    const prefix = `instances:${process.pid}:pause:`;
    const a = createRedisRateLimiter({ redis: connect(), prefix, ratePerSecond: 100 });
    const b = createRedisRateLimiter({ redis: connect(), prefix, ratePerSecond: 100 });
    const probe = connect();
    a.pauseAll(400);
    const shared = performance.now();
    // The pause travels to Redis on its own; wait until it is there (a loaded machine may take a while).
    while ((await probe.send(['EXISTS', `${prefix}pause`])) !== 1 && performance.now() - shared < 300) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const release = await b.acquire('x');
    release();
    // The pause ends 400 ms after it was told (Redis time); b can only have been held until then.
    expect(performance.now() - shared).toBeGreaterThanOrEqual(350);
    expect(a.pausedUntil).toBe(0);
  });

  it("with time: 'clock', a bucket's time never moves back: a slow clock delays only its own calls", async () => {
    const settle = async () => {
      for (let i = 0; i < 4; i += 1) {
        await Promise.all(connections.map((c) => c.send(['PING'])));
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const ahead = createVirtualClock(settle, 10_000);
    const behind = createVirtualClock(settle, 0);
    const prefix = `instances:${process.pid}:skew:`;
    const common = { prefix, ratePerSecond: 1, burst: 1, time: 'clock' as const };
    const fast = createRedisRateLimiter({ ...common, redis: connect(), clock: ahead.clock });
    const slow = createRedisRateLimiter({ ...common, redis: connect(), clock: behind.clock });
    const grants: string[] = [];
    void fast.acquire('k').then(() => grants.push(`fast@${ahead.now}`));
    await ahead.advanceBy(0);
    void slow.acquire('k').then(() => grants.push(`slow@${behind.now}`));
    await behind.advanceBy(0);
    void fast.acquire('k').then(() => grants.push(`fast@${ahead.now}`));
    await ahead.advanceBy(0);
    await behind.advanceTo(10_999);
    await ahead.advanceTo(11_999);
    expect(grants).toEqual(['fast@10000']);
    await behind.advanceTo(11_000); // the bucket runs on the latest clock it has seen
    await ahead.advanceTo(12_000);
    expect(grants).toEqual(['fast@10000', 'slow@11000', 'fast@12000']);
  });

  it('refuses limiter keys that cannot be stored', async () => {
    const limiter = createRedisRateLimiter({ redis: connect(), ratePerSecond: 1 });
    await expect(limiter.acquire('k'.repeat(2000))).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(limiter.acquire('')).rejects.toMatchObject({ code: 'INVALID_KEY' });
  });
});
