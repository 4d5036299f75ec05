/**
 * Token buckets per portal and key on the VIRTUAL clock (takeToken from @goskit/core), answering
 * the way the portal does (429 + Retry-After, or VK's error 6 in a 200 body).
 */
import { type BucketState, takeToken } from '@goskit/core';
import { hash128 } from './random.js';
import { http429 } from './responses.js';
import type { BucketSettings, PortalDefinition, PortalRateLimit, SimRequest, SimResponse } from './types.js';

/** Buckets kept at most; see check(). */
export const MAX_BUCKETS = 10_000;

/**
 * A 128-bit fingerprint (cyrb128) so raw tokens never sit in snapshots or the dashboard, and two tokens
 * practically never share a bucket (a 32-bit hash collided after ~65 000 tokens). Pure JS: the browser
 * entry has no node:crypto.
 */
export function fingerprint(text: string): string {
  return hash128(text)
    .map((lane) => lane.toString(36).padStart(7, '0'))
    .join('');
}

/** Default key: bearer/access token, then client id, then remote address. */
export function defaultRateLimitKey(request: SimRequest): string {
  const authorization = request.headers.authorization;
  if (authorization) {
    return `token:${fingerprint(authorization.replace(/^\w+\s+/, ''))}`;
  }
  const accessToken = request.query.get('access_token');
  if (accessToken) {
    return `token:${fingerprint(accessToken)}`;
  }
  const clientId = request.query.get('client_id');
  if (clientId) {
    return `client:${clientId}`;
  }
  return `ip:${request.remoteAddress ?? 'local'}`;
}

/**
 * The last Authorization header and its key, per limiter: a load test repeats one token (ESIA's are
 * ~900 characters) millions of times, and comparing strings is far cheaper than hashing again.
 */
class LastKeyMemo {
  #authorization = '';
  #key = '';

  keyOf(request: SimRequest): string {
    const authorization = request.headers.authorization;
    if (!authorization) {
      return defaultRateLimitKey(request);
    }
    if (authorization !== this.#authorization) {
      this.#key = defaultRateLimitKey(request);
      this.#authorization = authorization;
    }
    return this.#key;
  }
}

export class RateLimiter {
  readonly #overrides: Record<string, Partial<BucketSettings>>;
  /** Effective limit per portal definition (overrides are fixed for the limiter's life). */
  readonly #limits = new WeakMap<
    PortalDefinition,
    { source: PortalRateLimit | undefined; limit: PortalRateLimit | undefined }
  >();
  #buckets = new Map<string, BucketState>();
  readonly #memo = new LastKeyMemo();

  constructor(overrides: Record<string, Partial<BucketSettings>> = {}) {
    this.#overrides = overrides;
  }

  /** The effective limit of a portal, or undefined when it does not throttle. */
  limitOf(portal: PortalDefinition): PortalRateLimit | undefined {
    let cached = this.#limits.get(portal);
    // Keyed on the portal's own limit object too, so a definition given a new one is not stale.
    if (cached === undefined || cached.source !== portal.rateLimit) {
      cached = { source: portal.rateLimit, limit: this.#computeLimit(portal) };
      this.#limits.set(portal, cached);
    }
    return cached.limit;
  }

  #computeLimit(portal: PortalDefinition): PortalRateLimit | undefined {
    const override = this.#overrides[portal.name];
    if (!portal.rateLimit && !override) {
      return undefined;
    }
    // A portal without limits of its own, throttled only because the user asked: 429 + Retry-After.
    const base: PortalRateLimit = portal.rateLimit ?? { ratePerSecond: 10, burst: 10, respond: http429() };
    return { ...base, ...override };
  }

  /** Takes a token; returns the portal's refusal when the bucket is empty. */
  check(
    portal: PortalDefinition,
    operation: string,
    request: SimRequest,
    now: number,
  ): SimResponse | undefined {
    const limit = this.limitOf(portal);
    if (!limit || limit.exempt?.includes(operation)) {
      return undefined;
    }
    const key = `${portal.name}\u0000${limit.key === undefined ? this.#memo.keyOf(request) : limit.key(request)}`;
    const decision = takeToken(this.#buckets.get(key), limit, now);
    if (!this.#buckets.has(key) && this.#buckets.size >= MAX_BUCKETS) {
      // A load test with a fresh token per request must not grow memory without bound: drop the
      // oldest bucket (Map keeps insertion order); a forgotten key simply starts full again.
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) {
        this.#buckets.delete(oldest);
      }
    }
    this.#buckets.set(key, decision.state);
    if (decision.allowed) {
      return undefined;
    }
    return limit.respond({ request, retryAfterMs: decision.retryAfterMs, now: new Date(now) });
  }

  /** The portal's own throttling answer, used by the flaky scenario's 429 bursts. */
  refusal(
    portal: PortalDefinition | undefined,
    request: SimRequest,
    retryAfterMs: number,
    now: number,
  ): SimResponse {
    const respond = (portal && this.limitOf(portal)?.respond) ?? http429();
    return respond({ request, retryAfterMs, now: new Date(now) });
  }

  exportState(): Record<string, BucketState> {
    return Object.fromEntries([...this.#buckets].map(([key, state]) => [key, { ...state }]));
  }

  importState(state: Record<string, BucketState>): void {
    this.#buckets = new Map(Object.entries(state).map(([key, value]) => [key, { ...value }]));
  }

  clear(): void {
    this.#buckets.clear();
  }
}
