export interface BackoffOptions {
  /** Delay scale of the first retry, ms. Default 300. */
  baseMs: number;
  /** Upper bound of any computed delay, ms. Default 20 000. */
  capMs: number;
}

/**
 * Full-jitter exponential backoff (AWS "Exponential Backoff and Jitter"): a uniform pick in
 * [0, min(cap, base·2^(retry-1))). Jitter spreads clients that failed together.
 * `retry` counts from 1; `random` returns [0, 1).
 */
export function fullJitterDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
