/**
 * Bearer checks of the order endpoints. 'esia' mode asks the identity service (the simulator's ESIA
 * portal) whether it issued the token and it is unexpired on the virtual clock; a logout in ESIA is
 * not seen here (the service verifies tokens, not sessions). 'any-bearer'
 * decodes the JWT payload without checking the signature. Missing or unreadable token → bare 401;
 * no api-order scope → 403 access_denied_person_permissions.
 */

import { decodeJwtUnverified } from '@goskit/crypto';
import type { RouteContext, SimResponse } from '../../engine/types.js';
import { identityService, scopeNames } from '../../services/identity.js';
import { bare, epguError } from './errors.js';
import { API_ORDER_SCOPES, type ResolvedEpguOptions } from './options.js';
import type { EpguState } from './state.js';

export interface EpguCaller {
  /** ESIA oid (`urn:esia:sbj_id`, else `sub`). */
  userId: string;
  /** The raw token, for per-token limits (never logged). */
  token: string;
}

/** goskit's own diagnostic header on 401s (the real portal says nothing). */
export const REASON_HEADER = 'x-goskit-reason';

interface TokenFacts {
  subject: unknown;
  scopes: string[];
}

/** 'esia' mode: a token the identity service (the simulator's ESIA) issued and that has not expired. */
async function fromIdentityProvider(
  ctx: RouteContext<EpguState>,
  token: string,
): Promise<TokenFacts | undefined> {
  const grant = await ctx.sim.service(identityService).verifyAccessToken(token);
  return grant === undefined ? undefined : { subject: grant.oid, scopes: grant.scopes };
}

/** 'any-bearer' mode: any JWT whose payload reads and whose `exp` (if any) is in the future. */
function fromAnyBearer(token: string, nowMs: number): TokenFacts | undefined {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwtUnverified(token).payload;
  } catch {
    return undefined;
  }
  if (typeof payload.exp === 'number' && payload.exp * 1000 <= nowMs) {
    return undefined;
  }
  return {
    subject: payload['urn:esia:sbj_id'] ?? payload.sub,
    scopes: scopeNames(typeof payload.scope === 'string' ? payload.scope : ''),
  };
}

export async function authenticate(
  ctx: RouteContext<EpguState>,
  options: ResolvedEpguOptions,
): Promise<EpguCaller | SimResponse> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.request.headers.authorization ?? '');
  if (!match) {
    return bare(401, { [REASON_HEADER]: 'no Bearer token' });
  }
  const token = match[1] as string;
  const facts =
    options.auth === 'esia'
      ? await fromIdentityProvider(ctx, token)
      : fromAnyBearer(token, ctx.sim.clock.now());
  if (!facts) {
    // The real 401 has no body; this header tells a developer why (e.g. auth 'esia' without esiaPortal()).
    return bare(401, {
      [REASON_HEADER]:
        options.auth === 'esia'
          ? "not an unexpired access token of this simulator's ESIA portal (auth: 'esia')"
          : "not a JWT with a readable, unexpired payload (auth: 'any-bearer')",
    });
  }
  const scopes = new Set(facts.scopes);
  if (!API_ORDER_SCOPES.some((scope) => scopes.has(scope))) {
    return epguError(
      403,
      'access_denied_person_permissions',
      'Токен не содержит разрешения на работу с заявлениями (scope http://lk.gosuslugi.ru/api-order, APIPGU)',
    );
  }
  const subject = facts.subject;
  if (typeof subject !== 'string' && typeof subject !== 'number') {
    return epguError(403, 'access_denied_user', 'Токен не выдан пользователю (нет urn:esia:sbj_id)');
  }
  return { userId: String(subject), token };
}

export const isResponse = (value: unknown): value is SimResponse =>
  typeof value === 'object' && value !== null && 'status' in value && 'headers' in value;
