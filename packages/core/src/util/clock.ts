/**
 * What time it is, as epoch milliseconds. The one clock shape of goskit: every client option,
 * store and token provider takes it, and the simulator's virtual clock satisfies it directly.
 */
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { Logger } from '../log/logger.js';
import { warnDeprecated } from './deprecation.js';

export interface Clock {
  now(): number;
}

/** A clock that can also schedule (the rate limiter waits on it). */
export interface TimerClock extends Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: TimerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A `Clock` with timers: its own when it has them, the system's otherwise (a virtual clock usually has none). */
export function withTimers(clock: Clock | undefined): TimerClock {
  if (clock === undefined) {
    return systemClock;
  }
  const timers = clock as Partial<TimerClock>;
  if (typeof timers.setTimeout === 'function' && typeof timers.clearTimeout === 'function') {
    return clock as TimerClock;
  }
  return {
    now: () => clock.now(),
    setTimeout: systemClock.setTimeout,
    clearTimeout: systemClock.clearTimeout,
  };
}

/** Options that took a bare `now` function before `clock` replaced it. */
export interface ClockOptions {
  clock?: Clock | undefined;
  /** @deprecated Use `clock: { now }`. */
  now?: (() => number) | undefined;
}

/**
 * The clock an options object asks for: `clock`; else the deprecated `now` function (wrapped, with a
 * one-time deprecation warning naming `owner`); else the system clock. A `clock` without a `now()`
 * method (a virtual clock of another shape) is refused here rather than failing at the first call.
 */
export function clockFrom(options: ClockOptions, owner: string, logger?: Partial<Logger>): Clock {
  const { clock, now } = options;
  if (clock !== undefined) {
    if (clock === null || typeof clock.now !== 'function') {
      throw new InvalidOptionsError(
        `${owner}: clock must be an object with a now() method returning epoch ms`,
      );
    }
    return clock;
  }
  if (now !== undefined) {
    if (typeof now !== 'function') {
      throw new InvalidOptionsError(`${owner}: now must be a function returning epoch ms`);
    }
    warnDeprecated(
      logger,
      `GOSKIT_DEP_NOW_${owner}`,
      `${owner}: the 'now' option is renamed 'clock' — pass clock: { now: () => ms }; 'now' goes away in the next minor release`,
    );
    return { now };
  }
  return systemClock;
}
