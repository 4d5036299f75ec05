/** Virtual time and seeded randomness: what makes a simulator run replayable. */

/** 'frozen': moves only when told to. 'running': runs with the wall clock, shifted by advance/set. */
export type ClockMode = 'frozen' | 'running';

/** The simulator's time. `now()` is epoch ms, so it is a @goskit/core `Clock` (`{ now(): number }`) as it is. */
export interface VirtualClock {
  /** Epoch milliseconds of the virtual now. */
  now(): number;
  /** The virtual now as a Date. */
  date(): Date;
  /** @deprecated Use `now()`, which returns epoch milliseconds too. */
  nowMs(): number;
  readonly mode: ClockMode;
  /**
   * ISO-8601 duration ('PT1H', 'P1DT2H30M') or milliseconds. Throws INVALID_DURATION (and changes
   * nothing) when the result would leave 1970-01-01 … 9999-12-31.
   */
  advance(durationIsoOrMs: string | number): void;
  /** Throws INVALID_DATE (and changes nothing) for unreadable times or times outside 1970 … 9999. */
  set(date: Date | string | number): void;
  /** Back to the start time (running: the start, or the real now when none was given). */
  reset(): void;
}

export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** RFC 4122 v4-shaped UUID from this stream. */
  uuid(): string;
  /** Independent stream derived from this one's seed and the label (not from its position). */
  fork(label: string): SeededRandom;
  /** Internal state for snapshot/restore. */
  getState(): RandomState;
  setState(state: RandomState): void;
}

export type RandomState = readonly [number, number, number, number];
