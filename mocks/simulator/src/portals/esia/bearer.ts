/**
 * Bearer access tokens on /rs/**: only tokens this simulator issued, unexpired on the virtual clock,
 * of a live session. 401 (with WWW-Authenticate) otherwise; 403 when the scope or the subject is wrong.
 * REST error bodies are `{ code, message }` [unconfirmed shape].
 */
import { json } from '../../engine/responses.js';
import type { RouteContext, SimResponse } from '../../engine/types.js';
import { verifyOwnJwt } from './jwt.js';
import type { ResolvedEsiaOptions } from './options.js';
import { scopeNames } from './scopes.js';
import { signingKey } from './signing-keys.js';
import type { EsiaState } from './state.js';

export interface BearerGrant {
  oid: string | undefined;
  clientId: string;
  scopes: Set<string>;
}

export function restError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): SimResponse {
  return json({ code, message }, status, headers);
}

export async function authenticateBearer(
  ctx: RouteContext<EsiaState>,
  options: ResolvedEsiaOptions,
): Promise<BearerGrant | SimResponse> {
  const header = ctx.request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    return restError(401, 'UNAUTHORIZED', 'Bearer access token required', { 'www-authenticate': 'Bearer' });
  }
  const key = await signingKey(ctx.sim.seed, options.tokenAlg);
  const verified = await verifyOwnJwt(key, match[1] as string, 'access', ctx.sim.clock.now());
  const sid = verified?.payload['urn:esia:sid'];
  if (!verified || typeof sid !== 'string' || ctx.state.sessions.get(sid)?.ended) {
    return restError(401, 'UNAUTHORIZED', 'Access token is invalid, expired or revoked', {
      'www-authenticate': 'Bearer error="invalid_token"',
    });
  }
  const subject = verified.payload['urn:esia:sbj_id'];
  return {
    oid: subject === undefined ? undefined : String(subject),
    clientId: String(verified.payload.client_id),
    scopes: new Set(scopeNames(String(verified.payload.scope ?? ''))),
  };
}

/** 403 unless the token holds one of `needed`; names the scopes in the message. */
export function requireScope(grant: BearerGrant, needed: readonly string[]): SimResponse | undefined {
  if (needed.some((scope) => grant.scopes.has(scope))) {
    return undefined;
  }
  return restError(
    403,
    'FORBIDDEN',
    `Access token lacks a scope for this resource: one of ${needed.join(', ')}`,
  );
}
