import type { TimerClock } from '@goskit/core';
import { describe, expect, it } from 'vitest';
import { createEpguRateLimiter, windowBucket } from '../src/index.js';

/** A virtual clock: timers fire only when the test advances time. */
function fakeClock() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: TimerClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      seq += 1;
      timers.set(seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return {
    clock,
    get now() {
      return now;
    },
    async advanceTo(target: number) {
      await flush();
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) {
          break;
        }
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
        await flush();
        await flush();
      }
      now = target;
      await flush();
    },
  };
}

function maxInWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i += 1) {
    const start = times[i] as number;
    best = Math.max(best, times.filter((t) => t >= start && t < start + windowMs).length);
  }
  return best;
}

describe('EPGU limiter', () => {
  it('sizes each bucket so that no window exceeds its limit', () => {
    for (const [limit, windowSec] of [
      [2000, 60],
      [120_000, 3600],
      [7, 60],
      [2, 60],
    ] as const) {
      const { ratePerSecond, burst } = windowBucket(limit, windowSec);
      expect(burst + ratePerSecond * windowSec).toBeLessThanOrEqual(limit + 1e-9);
      expect(burst).toBeGreaterThanOrEqual(1);
    }
    expect(windowBucket(2000, 60)).toEqual({ ratePerSecond: 30, burst: 200 });
  });

  it('holds calls until both the minute and the hour bucket allow them', async () => {
    const fake = fakeClock();
    const limiter = createEpguRateLimiter({ perMinute: 6, perHour: 20, clock: fake.clock });
    const granted: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      void limiter.acquire('default').then((release) => {
        granted.push(fake.now);
        release();
      });
    }
    await fake.advanceTo(0);
    expect(granted.length).toBeLessThanOrEqual(6);
    await fake.advanceTo(60_000);
    expect(granted.filter((t) => t < 60_000).length).toBeLessThanOrEqual(6);
    await fake.advanceTo(3_600_000);
    // the hour bucket binds: at most 20 in the first hour, but not starved either
    expect(granted.filter((t) => t < 3_600_000).length).toBeLessThanOrEqual(20);
    expect(granted.filter((t) => t < 3_600_000).length).toBeGreaterThanOrEqual(18);
    await fake.advanceTo(3 * 3_600_000);
    expect(granted).toHaveLength(30);
    expect(maxInWindow(granted, 60_000)).toBeLessThanOrEqual(6);
    expect(maxInWindow(granted, 3_600_000)).toBeLessThanOrEqual(20);
    expect(limiter.queued).toBe(0);
  });

  it('an aborted wait leaves the queue and frees nothing it did not take', async () => {
    const fake = fakeClock();
    const limiter = createEpguRateLimiter({ perMinute: 10, perHour: 100, clock: fake.clock });
    const first = await limiter.acquire();
    first();
    const controller = new AbortController();
    const waiting = limiter.acquire('default', { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
    expect(limiter.queued).toBe(0);
  });
});
