/**
 * What time it is, as epoch milliseconds. The one clock shape of goskit: every client option,
 * store and token provider takes it, and the simulator's virtual clock satisfies it directly.
 */
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
