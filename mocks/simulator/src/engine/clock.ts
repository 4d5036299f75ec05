/**
 * The simulator's virtual clock, in two modes (docs/decisions/025-simulator-clock-modes.md):
 * - 'frozen' (in-process default): time moves only when told to, so tests are deterministic;
 * - 'running' (goskit-sim default): time runs with the wall clock from a start (real now by default),
 *   and advance()/set() shift it, after which it keeps running from the new time.
 * `now()` is epoch milliseconds, so the clock is a @goskit/core `Clock` as it is.
 * Every time it holds stays inside MIN_CLOCK_MS..MAX_CLOCK_MS: a bad advance/set throws and changes nothing.
 */
import { parseDuration } from './duration.js';
import { SimulatorError } from './errors.js';
import type { ClockMode, VirtualClock } from './types.js';

export const DEFAULT_CLOCK_START = '2026-09-01T09:00:00+03:00';

/** 1970-01-01T00:00:00Z: ESIA timestamps and JWT `iat` are not negative. */
export const MIN_CLOCK_MS = 0;
/** 9999-12-31T23:59:59.999Z: the last instant a four-digit year (ESIA's `yyyy.MM.dd`) can write. */
export const MAX_CLOCK_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const ISO_MIN = new Date(MIN_CLOCK_MS).toISOString();
const ISO_MAX = new Date(MAX_CLOCK_MS).toISOString();

/** Epoch ms of a Date, ISO string or number; throws INVALID_DATE for anything unreadable. */
export function toEpochMs(date: Date | string | number): number {
  const ms = date instanceof Date ? date.getTime() : typeof date === 'number' ? date : Date.parse(date);
  if (!Number.isFinite(ms)) {
    throw new SimulatorError(
      'INVALID_DATE',
      `not a valid date: ${JSON.stringify(String(date).slice(0, 40))}`,
    );
  }
  return ms;
}

/** Like toEpochMs, and inside the clock's range (INVALID_DATE naming the range otherwise). */
export function toClockMs(date: Date | string | number): number {
  const ms = toEpochMs(date);
  if (ms < MIN_CLOCK_MS || ms > MAX_CLOCK_MS) {
    throw new SimulatorError(
      'INVALID_DATE',
      `time ${JSON.stringify(String(date).slice(0, 40))} is outside the clock's range ${ISO_MIN} … ${ISO_MAX}`,
    );
  }
  return Math.round(ms);
}

export interface ClockSettings {
  mode?: ClockMode;
  /** Start time; default DEFAULT_CLOCK_START when frozen, the wall clock's now when running. */
  start?: Date | string | number | undefined;
  /** Wall clock of the running mode (tests pass their own); default Date.now. */
  wall?: () => number;
}

/** The one VirtualClock implementation (the class name stays from when it was frozen only). */
export class ManualClock implements VirtualClock {
  readonly mode: ClockMode;
  readonly #wall: () => number;
  readonly #start: Date | string | number | undefined;
  /** Frozen: the time itself. Running: the offset added to the wall clock. */
  #value: number;

  constructor(start?: Date | string | number, settings: Omit<ClockSettings, 'start'> = {}) {
    this.mode = settings.mode ?? 'frozen';
    if (this.mode !== 'frozen' && this.mode !== 'running') {
      throw new SimulatorError(
        'INVALID_OPTIONS',
        `clockMode must be 'frozen' or 'running', got ${JSON.stringify(String(this.mode).slice(0, 40))}`,
      );
    }
    this.#wall = settings.wall ?? Date.now;
    this.#start = start;
    this.#value = 0;
    this.reset();
  }

  /** Epoch milliseconds of the virtual now (a @goskit/core Clock). */
  now(): number {
    return this.mode === 'frozen' ? this.#value : this.#wall() + this.#value;
  }

  /** The virtual now as a Date. */
  date(): Date {
    return new Date(this.now());
  }

  /** @deprecated Use `now()`, which returns epoch milliseconds too. */
  nowMs(): number {
    return this.now();
  }

  advance(durationIsoOrMs: string | number): void {
    const delta = parseDuration(durationIsoOrMs);
    const target = this.now() + delta;
    if (!(target >= MIN_CLOCK_MS && target <= MAX_CLOCK_MS)) {
      throw new SimulatorError(
        'INVALID_DURATION',
        `advancing by ${JSON.stringify(String(durationIsoOrMs).slice(0, 40))} leaves the clock's range ${ISO_MIN} … ${ISO_MAX}`,
      );
    }
    this.#settle(target);
  }

  set(date: Date | string | number): void {
    this.#settle(toClockMs(date));
  }

  /** Back to the start: the configured time (or, running without one, the wall clock's now). */
  reset(): void {
    if (this.#start !== undefined) {
      this.#settle(toClockMs(this.#start));
    } else if (this.mode === 'frozen') {
      this.#settle(toClockMs(DEFAULT_CLOCK_START));
    } else {
      this.#value = 0;
    }
  }

  #settle(targetMs: number): void {
    this.#value = this.mode === 'frozen' ? targetMs : targetMs - this.#wall();
  }
}
