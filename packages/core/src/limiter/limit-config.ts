import { InvalidOptionsError } from '../errors/invalid-options-error.js';

export interface LimitConfig {
  /** Calls started per second, sustained. */
  ratePerSecond: number;
  /** Calls that may start at once after a quiet period. Default: `ceil(ratePerSecond)`. */
  burst?: number;
  /** Calls in flight at the same time. Default: unlimited. */
  maxConcurrency?: number;
}

/** The settings of one key: per-key overrides on top of the defaults, validated. */
export function resolveLimitConfig(
  options: LimitConfig & { keys?: Record<string, Partial<LimitConfig>> | undefined },
  key: string,
): Required<LimitConfig> {
  const override = options.keys?.[key];
  const ratePerSecond = override?.ratePerSecond ?? options.ratePerSecond;
  const config = {
    ratePerSecond,
    burst: override?.burst ?? options.burst ?? Math.max(1, Math.ceil(ratePerSecond)),
    maxConcurrency: override?.maxConcurrency ?? options.maxConcurrency ?? Number.POSITIVE_INFINITY,
  };
  if (!(config.ratePerSecond > 0) || !(config.burst >= 1) || !(config.maxConcurrency >= 1)) {
    throw new InvalidOptionsError(
      `rate limit for "${key}" needs ratePerSecond > 0, burst >= 1, maxConcurrency >= 1`,
    );
  }
  return config;
}
