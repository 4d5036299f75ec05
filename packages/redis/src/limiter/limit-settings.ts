/**
 * The settings of one limiter key: per-key overrides on top of the defaults, validated the way
 * core's limiter validates them. Overrides are looked up as own properties only, so keys such as
 * `__proto__` or `constructor` get the defaults instead of Object.prototype's members.
 */
import { InvalidOptionsError, type LimitConfig } from '@goskit/core';

export type LimitOverrides = Record<string, Partial<LimitConfig>>;

export function resolveLimit(
  defaults: LimitConfig,
  overrides: LimitOverrides | undefined,
  key: string,
): Required<LimitConfig> {
  const override = overrides && Object.hasOwn(overrides, key) ? overrides[key] : undefined;
  const ratePerSecond = override?.ratePerSecond ?? defaults.ratePerSecond;
  const config = {
    ratePerSecond,
    burst: override?.burst ?? defaults.burst ?? Math.max(1, Math.ceil(ratePerSecond)),
    maxConcurrency: override?.maxConcurrency ?? defaults.maxConcurrency ?? Number.POSITIVE_INFINITY,
  };
  if (
    !(Number.isFinite(config.ratePerSecond) && config.ratePerSecond > 0) ||
    !(Number.isFinite(config.burst) && config.burst >= 1) ||
    !(config.maxConcurrency >= 1)
  ) {
    throw new InvalidOptionsError(
      `rate limit for "${key.slice(0, 80)}" needs ratePerSecond > 0, burst >= 1, maxConcurrency >= 1`,
    );
  }
  return config;
}
