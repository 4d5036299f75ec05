/**
 * A virtual TimerClock for limiter tests: timers fire only when the test advances time, and after
 * each one the test waits until the limiters' I/O settles (`settle`: for Redis, round trips on the
 * same connections, which answer in order; for memory, a few macrotask turns).
 */
import type { TimerClock } from '@goskit/core';

export interface VirtualClock {
  clock: TimerClock;
  readonly now: number;
  /** Fires every timer due up to `target` in time order, settling I/O after each. */
  advanceTo(target: number): Promise<void>;
  advanceBy(ms: number): Promise<void>;
}

export function createVirtualClock(settle: () => Promise<void>, start = 0): VirtualClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: TimerClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      seq += 1;
      timers.set(seq, { at: now + Math.max(0, ms), fn });
      return seq;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const advanceTo = async (target: number) => {
    await settle();
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of timers) {
        if (entry[1].at <= target && (!due || entry[1].at < due[1].at)) {
          due = entry;
        }
      }
      if (!due) {
        break;
      }
      timers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].fn();
      await settle();
    }
    now = Math.max(now, target);
    await settle();
  };
  return {
    clock,
    get now() {
      return now;
    },
    advanceTo,
    advanceBy: (ms) => advanceTo(now + ms),
  };
}
