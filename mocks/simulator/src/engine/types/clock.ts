/** Virtual time and seeded randomness: what makes a simulator run replayable. */

export interface VirtualClock {
  now(): Date;
  nowMs(): number;
  /** ISO-8601 duration ('PT1H', 'P1DT2H30M') or milliseconds. Throws INVALID_DURATION. */
  advance(durationIsoOrMs: string | number): void;
  set(date: Date | string | number): void;
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
