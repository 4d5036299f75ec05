/**
 * Wraps an order route: the token (401), the system's admission (403 access_denied_system), the
 * system's request limits (429), the person's consent (403 access_denied_person_permissions), an
 * announced body over the upload limit (400 bad_request), then the route; EpguRejection → its answer.
 * Everything but the limits needs no body, so the standalone server runs it before reading a large
 * upload (checksHeadersFirst): a push without a valid token, or announcing 60 MB, is refused unread.
 */
import { checksHeadersFirst } from '../../engine/request-body.js';
import type { RouteContext, SimResponse } from '../../engine/types.js';
import { consentingCaller, type EpguCaller, type IdentifiedToken, identify, isResponse } from './auth.js';
import { badRequest, EpguRejection, epguError } from './errors.js';
import type { ResolvedEpguOptions } from './options.js';
import { takeRequest } from './request-limits.js';
import type { EpguState } from './state.js';
import { admittedSystem, type EpguSystemRecord } from './systems.js';

/** The caller with its system's record (services, limits). */
export interface GuardedCaller extends EpguCaller {
  system: EpguSystemRecord;
}

export type GuardedHandler = (
  ctx: RouteContext<EpguState>,
  caller: GuardedCaller,
) => SimResponse | Promise<SimResponse>;

/** Room for multipart framing and the small fields beside an upload's file. */
export const MULTIPART_ALLOWANCE = 64 * 1024;

export interface GuardOptions {
  /** An upload route's limit: a Content-Length over it (plus framing) is refused before reading. */
  maxFileBytes?: number;
}

function admit(ctx: RouteContext<EpguState>, identified: IdentifiedToken): EpguSystemRecord | SimResponse {
  const system = admittedSystem(ctx.state, identified.clientId);
  return system ?? epguError(403, 'access_denied_system', 'Доступ запрещен для системы');
}

function announcedTooLarge(ctx: RouteContext<EpguState>, guard: GuardOptions): SimResponse | undefined {
  if (guard.maxFileBytes === undefined) {
    return undefined;
  }
  const declared = Number(ctx.request.headers['content-length']);
  if (!Number.isFinite(declared) || declared <= guard.maxFileBytes + MULTIPART_ALLOWANCE) {
    return undefined;
  }
  return badRequest(
    `file: the request body announces ${declared} bytes; the file may have at most ${guard.maxFileBytes}`,
  ).toResponse();
}

export function guarded(options: ResolvedEpguOptions, handler: GuardedHandler, guard: GuardOptions = {}) {
  const check = async (ctx: RouteContext<EpguState>): Promise<SimResponse | undefined> => {
    const identified = await identify(ctx, options);
    if (isResponse(identified)) {
      return identified;
    }
    const system = admit(ctx, identified);
    if (isResponse(system)) {
      return system;
    }
    const caller = consentingCaller(identified, options, ctx.sim.clock.now());
    return isResponse(caller) ? caller : announcedTooLarge(ctx, guard);
  };
  return checksHeadersFirst(check, async (ctx: RouteContext<EpguState>): Promise<SimResponse> => {
    const identified = await identify(ctx, options);
    if (isResponse(identified)) {
      return identified;
    }
    const system = admit(ctx, identified);
    if (isResponse(system)) {
      return system;
    }
    const now = ctx.sim.clock.now();
    const refusal = takeRequest(ctx.state, `system:${system.clientId}`, system.limits, now);
    if (refusal) {
      return refusal;
    }
    const caller = consentingCaller(identified, options, now);
    if (isResponse(caller)) {
      return caller;
    }
    const tooLarge = announcedTooLarge(ctx, guard);
    if (tooLarge) {
      return tooLarge;
    }
    try {
      return await handler(ctx, { ...caller, system });
    } catch (error) {
      if (error instanceof EpguRejection) {
        return error.toResponse();
      }
      throw error;
    }
  });
}
