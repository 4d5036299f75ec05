import { z } from 'zod';
import { EsiaError } from '../errors/esia-error.js';
import type { EsiaContext } from './context.js';
import { verifyEsiaToken } from './verify-tokens.js';

/** v3/te 200 body. `expires_in` is a number in most clients, a string in one [unconfirmed]: both accepted. */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  id_token: z.string().min(1).optional(),
  refresh_token: z.string().min(1).optional(),
  state: z.string().optional(),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});
export type TokenResponse = z.output<typeof tokenResponseSchema>;

/** Verified ESIA tokens. */
export interface EsiaTokens {
  accessToken: string;
  idToken: string | undefined;
  /** Only with accessType 'offline'. */
  refreshToken: string | undefined;
  tokenType: 'Bearer';
  expiresAt: Date;
  /** The user's ESIA oid (`urn:esia:sbj_id`); undefined for client_credentials tokens. */
  oid: string | undefined;
  /** Granted scope names without the `?oid=` suffix. */
  scopes: string[];
  /** Granted scopes exactly as ESIA wrote them (`fullname?oid=1000`). */
  grantedScopes: string[];
  /** ESIA session id (`urn:esia:sid`). */
  sid: string | undefined;
  claims: { access: Record<string, unknown>; id: Record<string, unknown> | undefined };
}

/** Tokens of a signed-in user: `oid` is always known. */
export interface EsiaUserTokens extends EsiaTokens {
  oid: string;
}

function oidOf(access: Record<string, unknown>, id: Record<string, unknown> | undefined): string | undefined {
  const value =
    access['urn:esia:sbj_id'] ??
    id?.sub ??
    (id?.['urn:esia:sbj'] as Record<string, unknown> | undefined)?.oid;
  return typeof value === 'number' || (typeof value === 'string' && value.length > 0)
    ? String(value)
    : undefined;
}

/** Verifies both tokens and assembles EsiaTokens. */
export async function buildTokens(context: EsiaContext, body: TokenResponse): Promise<EsiaTokens> {
  const access = await verifyEsiaToken(body.access_token, 'access', context.verification);
  const id =
    body.id_token === undefined
      ? undefined
      : await verifyEsiaToken(body.id_token, 'id', context.verification);
  const oid = oidOf(access, id);
  if (
    id &&
    access['urn:esia:sbj_id'] !== undefined &&
    id.sub !== undefined &&
    String(id.sub) !== String(access['urn:esia:sbj_id'])
  ) {
    throw new EsiaError('TOKEN_INVALID', 'ESIA access token and id_token name different users', {
      reason: 'TOKEN_CLAIM_INVALID',
    });
  }
  const granted = typeof access.scope === 'string' ? access.scope.split(/\s+/).filter(Boolean) : [];
  const exp = typeof access.exp === 'number' ? access.exp * 1000 : undefined;
  const expiresAt = exp ?? context.now() + (body.expires_in ?? 3600) * 1000;
  const sid = access['urn:esia:sid'] ?? id?.['urn:esia:sid'];
  return {
    accessToken: body.access_token,
    idToken: body.id_token,
    refreshToken: body.refresh_token,
    tokenType: 'Bearer',
    expiresAt: new Date(expiresAt),
    oid,
    scopes: [...new Set(granted.map((scope) => scope.replace(/\?.*$/, '')))],
    grantedScopes: granted,
    sid: typeof sid === 'string' ? sid : undefined,
    claims: { access, id },
  };
}
