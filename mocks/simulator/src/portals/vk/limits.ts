/**
 * VK's per-token limits: the engine's limiter holds the community tier (20 req/s, keyed by token,
 * answering 6 «Too many requests per second» in a 200 body); user and service tokens also pass the
 * portal's own 3 req/s bucket (the engine gives one rate per portal). Both run on the virtual clock.
 */
import { takeToken } from '@goskit/core';
import { fingerprint } from '../../engine/rate-limiter.js';
import type { RateLimitRefusal, SimRequest, SimResponse } from '../../engine/types.js';
import { errorBody, errorResponse } from './envelope.js';
import { VkApiFailure } from './errors.js';
import { readCall } from './params.js';
import type { VkState } from './state.js';
import type { Caller } from './tokens.js';

const MAX_USER_BUCKETS = 10_000;

/** The method a VK request names (`/method/messages.send` → 'messages.send'). */
export function methodOf(request: SimRequest): string {
  return request.path.startsWith('/method/') ? request.path.slice('/method/'.length) : request.path;
}

/**
 * One bucket per token (fingerprinted: raw tokens never sit in snapshots), else per address. Each key
 * function remembers its last token, as the engine's default key does: a client repeats one token.
 */
export function vkRateLimitKey(): (request: SimRequest) => string {
  let last: { token: string; key: string } | undefined;
  return (request) => {
    const { token } = readCall(request);
    if (token === undefined) {
      return `ip:${request.remoteAddress ?? 'local'}`;
    }
    // Stryker disable next-line ConditionalExpression: equivalent — recomputing the fingerprint of the same token gives the same key (the memo only saves work)
    if (last?.token !== token) {
      last = { token, key: `token:${fingerprint(token)}` };
    }
    return last.key;
  };
}

/** Error 6 with the request's params echoed, as VK answers. */
export function vkTooManyRequests(refusal: RateLimitRefusal): SimResponse {
  const { request } = refusal;
  return errorResponse(errorBody(new VkApiFailure(6), methodOf(request), readCall(request).params));
}

/** The 3 req/s tier of user and service tokens; throws 6 when the bucket is empty. */
export function takeUserTier(state: VkState, caller: Caller, ratePerSecond: number, nowMs: number): void {
  if (caller.kind === 'community') {
    return;
  }
  const key = fingerprint(caller.token);
  const decision = takeToken(state.userBuckets.get(key), { ratePerSecond, burst: ratePerSecond }, nowMs);
  if (!state.userBuckets.has(key) && state.userBuckets.size >= MAX_USER_BUCKETS) {
    const oldest = state.userBuckets.keys().next().value;
    // Stryker disable next-line ConditionalExpression: equivalent — the map holds MAX_USER_BUCKETS keys here, so its first key exists
    if (oldest !== undefined) {
      state.userBuckets.delete(oldest);
    }
  }
  state.userBuckets.set(key, decision.state);
  if (!decision.allowed) {
    throw new VkApiFailure(6);
  }
}
