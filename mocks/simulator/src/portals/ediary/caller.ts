/**
 * Who calls the feed: the Bearer token is an ESIA access token (through the identity service). A
 * token with a person (`oid`) is a parent; one without (client credentials) is the school's system
 * and must carry the feed's scope. Anything else is 401; a system without the scope is 403.
 */
import { json } from '../../engine/responses.js';
import type { RouteContext, SimResponse } from '../../engine/types.js';
import { identityService } from '../../services/identity.js';
import type { EdiaryState } from './state.js';

/** The scope the school's system needs (goskit's own name, like the feed). */
export const EDIARY_FEED_SCOPE = 'http://ediary-feed.goskit.test/records';

export type Caller = { kind: 'parent'; oid: string; clientId: string } | { kind: 'system'; clientId: string };

export const problem = (status: number, code: string, message: string): SimResponse =>
  json({ code, message }, status);

const BEARER = /^Bearer\s+(\S{1,8192})$/i;

/** The caller, or the 401/403 answer. */
export async function callerOf(
  ctx: RouteContext<EdiaryState>,
  allowed: readonly Caller['kind'][],
): Promise<Caller | SimResponse> {
  const token = BEARER.exec(ctx.request.headers.authorization ?? '')?.[1];
  const grant =
    token === undefined ? undefined : await ctx.sim.service(identityService).verifyAccessToken(token);
  if (grant === undefined) {
    return problem(401, 'unauthorized', 'Нужен действующий токен ЕСИА (Authorization: Bearer …)');
  }
  const caller: Caller =
    grant.oid === undefined
      ? { kind: 'system', clientId: grant.clientId }
      : { kind: 'parent', oid: grant.oid, clientId: grant.clientId };
  if (caller.kind === 'system' && !grant.scopes.includes(EDIARY_FEED_SCOPE)) {
    return problem(403, 'scope_missing', `Системному токену нужна область ${EDIARY_FEED_SCOPE}`);
  }
  if (!allowed.includes(caller.kind)) {
    return problem(
      403,
      'forbidden',
      caller.kind === 'parent'
        ? 'Операция доступна только системе школы'
        : 'Операция доступна только родителю',
    );
  }
  return caller;
}

export function isResponse(value: unknown): value is SimResponse {
  return typeof value === 'object' && value !== null && 'status' in value && 'headers' in value;
}
