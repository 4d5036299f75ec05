/**
 * Bearer checks of the order endpoints. 'esia' mode verifies the token as an access token of THIS
 * simulator's ESIA portal (its seeded signing key, either algorithm, `exp` on the virtual clock); a
 * logout in the ESIA portal is not seen here (portals do not read each other's state). 'any-bearer'
 * decodes the JWT payload without checking the signature. Missing or unreadable token → bare 401;
 * no api-order scope → 403 access_denied_person_permissions.
 */

import { fromBase64Url } from '@goskit/crypto';
import type { RouteContext, SimResponse } from '../../engine/types.js';
import { verifyOwnJwt } from '../esia/jwt.js';
import { scopeNames } from '../esia/scopes.js';
import { signingKey } from '../esia/signing-keys.js';
import { bare, epguError } from './errors.js';
import { API_ORDER_SCOPES, type ResolvedEpguOptions } from './options.js';
import type { EpguState } from './state.js';

export interface EpguCaller {
  /** ESIA oid (`urn:esia:sbj_id`, else `sub`). */
  userId: string;
  /** The raw token, for per-token limits (never logged). */
  token: string;
}

const decoder = new TextDecoder();

/** goskit's own diagnostic header on 401s (the real portal says nothing). */
export const REASON_HEADER = 'x-goskit-reason';

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(decoder.decode(fromBase64Url(part ?? '')));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function esiaPayload(
  ctx: RouteContext<EpguState>,
  token: string,
): Promise<Record<string, unknown> | undefined> {
  const alg = decodePart(token.split('.')[0])?.alg;
  if (alg !== 'RS256' && alg !== 'GOST3410_2012_256') {
    return undefined;
  }
  const key = await signingKey(ctx.sim.seed, alg);
  return (await verifyOwnJwt(key, token, 'access', ctx.sim.clock.nowMs()))?.payload;
}

function anyBearerPayload(token: string, nowMs: number): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return undefined;
  }
  const payload = decodePart(parts[1]);
  if (payload && typeof payload.exp === 'number' && payload.exp * 1000 <= nowMs) {
    return undefined;
  }
  return payload;
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
  const payload =
    options.auth === 'esia' ? await esiaPayload(ctx, token) : anyBearerPayload(token, ctx.sim.clock.nowMs());
  if (!payload) {
    // The real 401 has no body; this header tells a developer why (e.g. auth 'esia' without esiaPortal()).
    return bare(401, {
      [REASON_HEADER]:
        options.auth === 'esia'
          ? "not an unexpired access token of this simulator's ESIA portal (auth: 'esia')"
          : "not a JWT with a readable, unexpired payload (auth: 'any-bearer')",
    });
  }
  const scopes = new Set(scopeNames(typeof payload.scope === 'string' ? payload.scope : ''));
  if (!API_ORDER_SCOPES.some((scope) => scopes.has(scope))) {
    return epguError(
      403,
      'access_denied_person_permissions',
      'Токен не содержит разрешения на работу с заявлениями (scope http://lk.gosuslugi.ru/api-order, APIPGU)',
    );
  }
  const subject = payload['urn:esia:sbj_id'] ?? payload.sub;
  if (typeof subject !== 'string' && typeof subject !== 'number') {
    return epguError(403, 'access_denied_user', 'Токен не выдан пользователю (нет urn:esia:sbj_id)');
  }
  return { userId: String(subject), token };
}

export const isResponse = (value: unknown): value is SimResponse =>
  typeof value === 'object' && value !== null && 'status' in value && 'headers' in value;
