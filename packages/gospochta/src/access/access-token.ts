/**
 * Verifies a Gospochta access token with @goskit/crypto's `verifyJwt`: a strict algorithm allow-list
 * (RS256, ES256, GOST3410_2012_256 — never 'none' or HMAC), the signature against the portal's keys,
 * `iss`, `aud`, `exp` (required) with clock tolerance, then the role: one of operator, client, admin.
 */
import { CryptoError, type JwtKeyResolver, verifyJwt } from '@goskit/crypto';
import { TokenInvalidError } from '../errors/token-invalid-error.js';
import { effectivePermissions, isRole, type Permission, type Role } from './roles.js';

export type AccessTokenAlgorithm = 'RS256' | 'ES256' | 'GOST3410_2012_256';
export const ACCESS_TOKEN_ALGORITHMS: readonly AccessTokenAlgorithm[] = [
  'RS256',
  'ES256',
  'GOST3410_2012_256',
];

export interface AccessTokenPolicy {
  keys: JwtKeyResolver;
  issuer: string | readonly string[];
  audience: string | readonly string[];
  algorithms: readonly AccessTokenAlgorithm[];
  clockToleranceSec: number;
  now: () => number;
}

/** What a verified token says about its bearer. */
export interface AccessTokenClaims {
  subject: string;
  clientId: string | undefined;
  role: Role;
  permissions: ReadonlySet<Permission>;
  expiresAt: Date;
  issuedAt: Date | undefined;
  tokenId: string | undefined;
}

export async function verifyAccessToken(
  token: string,
  policy: AccessTokenPolicy,
): Promise<AccessTokenClaims> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await verifyJwt(token, {
      algorithms: policy.algorithms,
      keys: policy.keys,
      issuer: policy.issuer,
      audience: policy.audience,
      clockToleranceSec: policy.clockToleranceSec,
      clock: { now: policy.now },
      requiredClaims: ['sub', 'role'],
      requireExpiration: true,
    }));
  } catch (error) {
    if (error instanceof CryptoError) {
      throw new TokenInvalidError(error.code, error.message, { cause: error });
    }
    throw error;
  }
  if (!isRole(payload.role)) {
    throw new TokenInvalidError('ROLE_UNKNOWN', 'the token role is none of operator, client, admin');
  }
  const claimed = Array.isArray(payload.permissions)
    ? payload.permissions.filter((p): p is string => typeof p === 'string')
    : typeof payload.scope === 'string' && payload.scope.includes(':')
      ? payload.scope.split(/\s+/)
      : undefined;
  return {
    subject: String(payload.sub),
    clientId: typeof payload.client_id === 'string' ? payload.client_id : undefined,
    role: payload.role,
    permissions: effectivePermissions(payload.role, claimed),
    expiresAt: new Date((payload.exp as number) * 1000),
    issuedAt: typeof payload.iat === 'number' ? new Date(payload.iat * 1000) : undefined,
    tokenId: typeof payload.jti === 'string' ? payload.jti : undefined,
  };
}
