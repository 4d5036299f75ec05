/** A virtual clock for tests: `now()` for the client and the portal, `sleep()` that advances it. */
import type { Clock } from '@goskit/core';

export interface TestClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
  /** Advances the clock instead of waiting (a poll loop runs in virtual time). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function testClock(start = Date.parse('2025-09-01T09:00:00Z')): TestClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    set(ms) {
      now = ms;
    },
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      now += ms;
      await Promise.resolve();
    },
  };
}
