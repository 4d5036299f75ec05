import { type Clock, warnDeprecated } from '@goskit/core';
import { CryptoError } from '../errors.js';

export interface ClaimsPolicy {
  /** Accepted `iss` value(s). */
  issuer?: string | readonly string[];
  /** Accepted `aud` value(s); the token must name at least one. */
  audience?: string | readonly string[];
  /** Allowed clock skew in seconds for exp / nbf / iat. Default 30. */
  clockToleranceSec?: number;
  /** What time it is: a clock (`{ now(): number }`, the simulator's fits). Default: the system clock. */
  clock?: Clock;
  /**
   * @deprecated Renamed `clock` — `clock: { now: () => ms }`, or `{ now: () => fixedMs }` for a fixed
   * instant; `now` (Date, epoch ms or a function) goes away in the next minor release.
   */
  now?: Date | number | (() => number);
  /** Reject tokens whose `iat` is older than this many seconds. */
  maxTokenAgeSec?: number;
  /** Claims that must be present. `exp` is required unless `requireExpiration: false`. */
  requiredClaims?: readonly string[];
  requireExpiration?: boolean;
}

/** The policy's idea of now: `clock`, else the deprecated `now` (warned once), else the system time. */
export function currentTimeMs(policy: Pick<ClaimsPolicy, 'clock' | 'now'>): number {
  if (policy.clock !== undefined) {
    if (typeof policy.clock?.now !== 'function') {
      throw new CryptoError(
        'INVALID_INPUT',
        'clock must be an object with a now() method returning epoch ms',
      );
    }
    return policy.clock.now();
  }
  const now = policy.now;
  if (now === undefined) {
    return Date.now();
  }
  warnDeprecated(
    undefined,
    'GOSKIT_DEP_NOW_verifyJwt',
    "verifyJwt/validateClaims: the 'now' option is renamed 'clock' — pass clock: { now: () => ms }; 'now' goes away in the next minor release",
  );
  if (typeof now === 'function') {
    return now();
  }
  return now instanceof Date ? now.getTime() : now;
}

function list(value: string | readonly string[] | undefined): readonly string[] | undefined {
  return typeof value === 'string' ? [value] : value;
}

function numericClaim(payload: Record<string, unknown>, name: string): number | undefined {
  const value = payload[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CryptoError('TOKEN_CLAIM_INVALID', `"${name}" claim must be a number`);
  }
  return value;
}

/**
 * Registered-claim checks (RFC 7519 §4.1) done the same way for every algorithm, GOST included.
 * Messages name the claim, never its value (a `sub` may be a personal identifier).
 */
export function validateClaims(payload: Record<string, unknown>, policy: ClaimsPolicy): void {
  const tolerance = policy.clockToleranceSec ?? 30;
  const nowSec = Math.floor(currentTimeMs(policy) / 1000);
  const required = [...(policy.requiredClaims ?? []), ...((policy.requireExpiration ?? true) ? ['exp'] : [])];
  for (const claim of required) {
    if (payload[claim] === undefined) {
      throw new CryptoError('TOKEN_CLAIM_INVALID', `Missing required "${claim}" claim`);
    }
  }
  const exp = numericClaim(payload, 'exp');
  const nbf = numericClaim(payload, 'nbf');
  const iat = numericClaim(payload, 'iat');
  if (exp !== undefined && exp <= nowSec - tolerance) {
    throw new CryptoError('TOKEN_EXPIRED', 'Token has expired ("exp")');
  }
  if (nbf !== undefined && nbf > nowSec + tolerance) {
    throw new CryptoError('TOKEN_NOT_YET_VALID', 'Token is not valid yet ("nbf")');
  }
  if (policy.maxTokenAgeSec !== undefined) {
    if (iat === undefined) {
      throw new CryptoError('TOKEN_CLAIM_INVALID', 'Missing "iat" claim needed for maxTokenAgeSec');
    }
    if (nowSec - iat > policy.maxTokenAgeSec + tolerance) {
      throw new CryptoError('TOKEN_EXPIRED', 'Token is older than maxTokenAgeSec ("iat")');
    }
    if (iat > nowSec + tolerance) {
      throw new CryptoError('TOKEN_NOT_YET_VALID', 'Token was issued in the future ("iat")');
    }
  }
  const issuers = list(policy.issuer);
  if (issuers && (typeof payload.iss !== 'string' || !issuers.includes(payload.iss))) {
    throw new CryptoError('TOKEN_CLAIM_INVALID', 'Unexpected "iss" claim');
  }
  const audiences = list(policy.audience);
  if (audiences) {
    const aud = payload.aud;
    const given: readonly unknown[] = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
    if (!given.some((value) => typeof value === 'string' && audiences.includes(value))) {
      throw new CryptoError('TOKEN_CLAIM_INVALID', 'Unexpected "aud" claim');
    }
  }
}
