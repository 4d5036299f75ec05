/** How a portal throttles and how it answers when it does. */
import type { SimRequest, SimResponse } from './request.js';

export interface BucketSettings {
  ratePerSecond: number;
  burst: number;
}

export interface RateLimitRefusal {
  request: SimRequest;
  retryAfterMs: number;
  /** Virtual now. */
  now: Date;
}

export interface PortalRateLimit extends BucketSettings {
  /** Bucket key per request: token, client id, remote address…; default by token then address. */
  key?: (request: SimRequest) => string;
  /** The portal's own answer when refused (http429(...) or inBodyError(...)). */
  respond: (refusal: RateLimitRefusal) => SimResponse;
  /** Operations that are never throttled (health pages, login forms). */
  exempt?: string[];
}
