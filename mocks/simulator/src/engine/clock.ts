import { parseDuration } from './duration.js';
import { SimulatorError } from './errors.js';
import type { VirtualClock } from './types.js';

export const DEFAULT_CLOCK_START = '2026-09-01T09:00:00+03:00';

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

/** Time that moves only when told to: tests stay deterministic and rate limits refill on demand. */
export class ManualClock implements VirtualClock {
  #ms: number;

  constructor(start: Date | string | number = DEFAULT_CLOCK_START) {
    this.#ms = toEpochMs(start);
  }

  now(): Date {
    return new Date(this.#ms);
  }

  nowMs(): number {
    return this.#ms;
  }

  advance(durationIsoOrMs: string | number): void {
    this.#ms += parseDuration(durationIsoOrMs);
  }

  set(date: Date | string | number): void {
    this.#ms = toEpochMs(date);
  }
}
