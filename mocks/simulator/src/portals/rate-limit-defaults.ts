/**
 * Default throttling of the real portals, for the portal modules to reuse. Figures come from
 * /shared/reference (VK: 3 req/s per user token, 20 per community token, error 6 in a 200 body;
 * ESIA/EPGU: HTTP 429, Retry-After). Where a portal publishes no number, the figure is goskit's own
 * conservative guess and says so; vendors override per portal with createSimulator({ rateLimits }).
 */
import { http429, inBodyError } from '../engine/responses.js';
import type { PortalRateLimit } from '../engine/types.js';

export type PortalWithRateLimitDefaults =
  | 'esia'
  | 'epgu'
  | 'vk'
  | 'vkCommunity'
  | 'vkid'
  | 'paragraf'
  | 'gospochta';

export const PORTAL_RATE_LIMITS: Readonly<Record<PortalWithRateLimitDefaults, PortalRateLimit>> = {
  /** Not published; 429 + Retry-After in seconds as gateways in front of ESIA send. */
  esia: { ratePerSecond: 10, burst: 20, respond: http429({ retryAfter: 'seconds' }) },
  /** EPGU answers a bare 429 (reference/esia.md §4); rate not published. */
  epgu: { ratePerSecond: 10, burst: 20, respond: http429({ retryAfter: 'seconds' }) },
  /** VK API: user/service token 3 req/s → error 6 «Too many requests per second» with HTTP 200. */
  vk: { ratePerSecond: 3, burst: 3, respond: inBodyError({ errorCode: 6 }) },
  /** VK community tokens: 20 req/s. */
  vkCommunity: { ratePerSecond: 20, burst: 20, respond: inBodyError({ errorCode: 6 }) },
  /** VK ID OAuth endpoints: not published; OAuth-style JSON error. */
  vkid: {
    ratePerSecond: 5,
    burst: 10,
    respond: http429({
      retryAfter: 'seconds',
      body: { error: 'too_many_requests', error_description: 'Too many requests' },
    }),
  },
  /** Параграф and Госпочта publish nothing: goskit's own contract. */
  paragraf: { ratePerSecond: 5, burst: 10, respond: http429({ retryAfter: 'seconds' }) },
  gospochta: { ratePerSecond: 5, burst: 10, respond: http429({ retryAfter: 'http-date' }) },
};
