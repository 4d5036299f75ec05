/** Persisted state of one token bucket: tokens left and when they were last refilled (ms). */
export interface BucketState {
  tokens: number;
  updatedAt: number;
}

export interface BucketConfig {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket capacity: how many calls may go at once after a quiet period. */
  burst: number;
}

export interface BucketDecision {
  allowed: boolean;
  /** State to store back (also when refused: the refill is kept). */
  state: BucketState;
  /** When refused, how long until `cost` tokens are available. 0 when allowed. */
  retryAfterMs: number;
}

/**
 * Pure token-bucket step on an injected clock, shared by the client limiter (wall clock) and the
 * simulator (virtual clock). Pure so a shared store can apply it atomically.
 */
export function takeToken(
  state: BucketState | undefined,
  config: BucketConfig,
  now: number,
  cost = 1,
): BucketDecision {
  if (!(config.ratePerSecond > 0) || !(config.burst >= 1)) {
    throw new RangeError(
      `token bucket needs ratePerSecond > 0 and burst >= 1, got ${JSON.stringify(config)}`,
    );
  }
  const previous = state ?? { tokens: config.burst, updatedAt: now };
  const elapsed = Math.max(0, now - previous.updatedAt);
  const tokens = Math.min(config.burst, previous.tokens + (elapsed * config.ratePerSecond) / 1000);
  if (tokens >= cost) {
    return { allowed: true, state: { tokens: tokens - cost, updatedAt: now }, retryAfterMs: 0 };
  }
  const retryAfterMs = Math.ceil(((cost - tokens) * 1000) / config.ratePerSecond);
  return { allowed: false, state: { tokens, updatedAt: now }, retryAfterMs };
}
