/**
 * Wraps an order route: Bearer check, the hourly limit, and EpguRejection → `{ code, message }`.
 * The Bearer check needs no body, so the standalone server runs it before reading a large upload
 * (checksHeadersFirst): a push without a valid token is refused unread.
 */
import { checksHeadersFirst } from '../../engine/request-body.js';
import type { RouteContext, SimResponse } from '../../engine/types.js';
import { authenticate, type EpguCaller, isResponse } from './auth.js';
import { EpguRejection } from './errors.js';
import { takeHourly } from './hourly-limit.js';
import type { ResolvedEpguOptions } from './options.js';
import type { EpguState } from './state.js';

export type GuardedHandler = (
  ctx: RouteContext<EpguState>,
  caller: EpguCaller,
) => SimResponse | Promise<SimResponse>;

export function guarded(options: ResolvedEpguOptions, handler: GuardedHandler) {
  const check = async (ctx: RouteContext<EpguState>): Promise<SimResponse | undefined> => {
    const caller = await authenticate(ctx, options);
    return isResponse(caller) ? caller : undefined;
  };
  return checksHeadersFirst(check, async (ctx: RouteContext<EpguState>): Promise<SimResponse> => {
    const caller = await authenticate(ctx, options);
    if (isResponse(caller)) {
      return caller;
    }
    const refusal = takeHourly(ctx.state, caller.token, options.perHour, ctx.sim.clock.now());
    if (refusal) {
      return refusal;
    }
    try {
      return await handler(ctx, caller);
    } catch (error) {
      if (error instanceof EpguRejection) {
        return error.toResponse();
      }
      throw error;
    }
  });
}
