/**
 * Access tokens: JWTs the portal signs (RS256, ES256 or GOST3410_2012_256) with `iss` = the API base
 * the client called (so a token from the plain listener is no good on the TLS one), `aud`, `sub`,
 * `client_id`, `role`, optional narrower `permissions`, `iat`, `exp`, `jti` — and their verification
 * on every request: the allow-listed algorithm, the signature, issuer, audience and expiry on the
 * virtual clock.
 */
import { CryptoError, verifyJwt } from '@goskit/crypto';
import type { PortalRuntime } from '../../../engine/types.js';
import { tokenKey } from '../keys.js';
import type { ResolvedGospochtaOptions } from '../options.js';

export interface TokenClaims {
  sub: string;
  client_id: string;
  role: string;
  permissions?: string[];
  exp: number;
  iat: number;
  jti: string;
  [claim: string]: unknown;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'expired' | 'invalid'; message: string };

export async function issueAccessToken(
  runtime: PortalRuntime,
  options: ResolvedGospochtaOptions,
  issuer: string,
  claims: { sub: string; client_id: string; role: string; permissions?: string[] | undefined },
): Promise<{ token: string; expiresIn: number }> {
  const key = await tokenKey(runtime.seed, options.tokenAlg);
  const now = Math.floor(runtime.clock.now() / 1000);
  const payload = {
    iss: issuer,
    aud: options.audience,
    ...claims,
    iat: now,
    exp: now + options.tokenLifetimeSec,
    jti: runtime.random.uuid(),
  };
  return { token: await key.sign(payload), expiresIn: options.tokenLifetimeSec };
}

export async function checkAccessToken(
  runtime: PortalRuntime,
  options: ResolvedGospochtaOptions,
  issuer: string,
  token: string,
): Promise<TokenCheck> {
  if (token.length > 16_384) {
    return { ok: false, reason: 'invalid', message: 'the token is too long' };
  }
  const key = await tokenKey(runtime.seed, options.tokenAlg);
  try {
    const { payload } = await verifyJwt(token, {
      algorithms: [key.alg],
      keys: { resolve: async () => [key.verifyKey] },
      issuer,
      audience: options.audience,
      clockToleranceSec: 0,
      clock: runtime.clock,
      requiredClaims: ['sub', 'client_id', 'role'],
    });
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.client_id !== 'string' ||
      typeof payload.role !== 'string'
    ) {
      return { ok: false, reason: 'invalid', message: 'sub, client_id and role must be strings' };
    }
    return { ok: true, claims: payload as TokenClaims };
  } catch (error) {
    if (error instanceof CryptoError && error.code === 'TOKEN_EXPIRED') {
      return { ok: false, reason: 'expired', message: 'the access token has expired' };
    }
    return {
      ok: false,
      reason: 'invalid',
      // Stryker disable next-line all: verifyJwt throws CryptoError only; the other text words a bug in it
      message: error instanceof CryptoError ? `token refused: ${error.code}` : 'token refused',
    };
  }
}
