/**
 * The hourly half of EPGU's limits (reference §4: 2 000 req/min and 120 000 req/h per token). The
 * engine's token bucket enforces the per-minute figure; this fixed one-hour window per token, kept in
 * the portal state, enforces the hourly one. Refusal: bare 429 with Retry-After in seconds.
 */
import type { SimResponse } from '../../engine/types.js';
import { bare } from './errors.js';
import type { EpguState } from './state.js';

const HOUR_MS = 60 * 60 * 1000;

/** Cheap non-cryptographic fingerprint so raw tokens never sit in the state or snapshots. */
function fingerprint(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  }
  return (hash >>> 0).toString(36);
}

export function takeHourly(
  state: EpguState,
  token: string,
  limit: number,
  nowMs: number,
): SimResponse | undefined {
  const key = fingerprint(token);
  let window = state.hourly.get(key);
  if (!window || nowMs - window.startMs >= HOUR_MS) {
    window = { startMs: nowMs, count: 0 };
    state.hourly.set(key, window);
  }
  if (window.count >= limit) {
    const seconds = Math.max(1, Math.ceil((window.startMs + HOUR_MS - nowMs) / 1000));
    return bare(429, { 'retry-after': String(seconds) });
  }
  window.count += 1;
  return undefined;
}
