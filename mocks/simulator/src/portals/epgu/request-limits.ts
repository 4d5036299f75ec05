/**
 * EPGU's request limits (spec, Приложение 3): per system, across all its users and services, per
 * calendar minute, hour, day, month and year (footnote 10: «календарных (астрономических)
 * промежутков»; days, months and years in Moscow time [unconfirmed]). A request counts in every
 * window or in none: a refused one is not counted. Refusal: bare 429 with Retry-After = seconds
 * until the full window ends. Counters live in the portal state (snapshots keep them).
 */
import type { SimResponse } from '../../engine/types.js';
import { bare } from './errors.js';
import type { ResolvedLimits } from './options.js';
import type { EpguState } from './state.js';

type Period = 'minute' | 'hour' | 'day' | 'month' | 'year';

const PERIODS: readonly [Period, keyof ResolvedLimits][] = [
  ['minute', 'perMinute'],
  ['hour', 'perHour'],
  ['day', 'perDay'],
  ['month', 'perMonth'],
  ['year', 'perYear'],
];

const MSK_MS = 3 * 3_600_000;

/** Start and end (epoch ms) of the calendar period holding `nowMs`. */
export function calendarWindow(period: Period, nowMs: number): { startMs: number; endMs: number } {
  if (period === 'minute' || period === 'hour') {
    const size = period === 'minute' ? 60_000 : 3_600_000;
    const startMs = Math.floor(nowMs / size) * size;
    return { startMs, endMs: startMs + size };
  }
  const local = new Date(nowMs + MSK_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const day = local.getUTCDate();
  const [start, end] =
    period === 'day'
      ? [Date.UTC(year, month, day), Date.UTC(year, month, day + 1)]
      : period === 'month'
        ? [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1)]
        : [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
  return { startMs: start - MSK_MS, endMs: end - MSK_MS };
}

/** Keys (systems, addresses) whose counters are kept at most; the oldest are forgotten first. */
export const MAX_LIMIT_KEYS = 10_000;

/**
 * Counts one request of `key` (a system, or an address for dictionaries) or answers 429 when a
 * window is full.
 */
export function takeRequest(
  state: EpguState,
  key: string,
  limits: ResolvedLimits,
  nowMs: number,
): SimResponse | undefined {
  let counters = state.requestCounts.get(key);
  if (counters === undefined) {
    if (state.requestCounts.size >= MAX_LIMIT_KEYS) {
      const oldest = state.requestCounts.keys().next().value;
      if (oldest !== undefined) {
        state.requestCounts.delete(oldest);
      }
    }
    counters = {};
    state.requestCounts.set(key, counters);
  }
  const windows = PERIODS.map(([period, field]) => ({ period, field, ...calendarWindow(period, nowMs) }));
  let retryAfterMs = 0;
  for (const window of windows) {
    const counter = counters[window.period];
    const count = counter !== undefined && counter.startMs === window.startMs ? counter.count : 0;
    if (count >= limits[window.field]) {
      retryAfterMs = Math.max(retryAfterMs, window.endMs - nowMs);
    }
  }
  if (retryAfterMs > 0) {
    return bare(429, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) });
  }
  for (const window of windows) {
    const counter = counters[window.period];
    if (counter !== undefined && counter.startMs === window.startMs) {
      counter.count += 1;
    } else {
      counters[window.period] = { startMs: window.startMs, count: 1 };
    }
  }
  return undefined;
}
