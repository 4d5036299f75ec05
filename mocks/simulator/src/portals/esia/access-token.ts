/**
 * For OTHER portals (EPGU…) that accept ESIA access tokens: verifies a token this simulator's ESIA
 * portal issued (signature with the per-seed key named by the header's alg, sbt 'access', unexpired on
 * the virtual clock). Session revocation is ESIA's own business and is not checked here.
 */
import { fromBase64Url } from '@goskit/crypto';
import type { SimulatorRuntime } from '../../engine/types.js';
import type { IdentityGrant, IdentityPermission } from '../../services/identity.js';
import { verifyOwnJwt } from './jwt.js';
import type { EsiaTokenAlg } from './options.js';
import { scopeNames } from './scopes.js';
import { signingKey } from './signing-keys.js';

/** What a verified ESIA access token grants: the identity service's grant. */
export type EsiaAccessGrant = IdentityGrant;

const ALGS: readonly EsiaTokenAlg[] = ['RS256', 'GOST3410_2012_256'];

export async function verifyEsiaAccessToken(
  runtime: Pick<SimulatorRuntime, 'seed' | 'clock'>,
  token: string,
): Promise<EsiaAccessGrant | undefined> {
  let alg: unknown;
  try {
    alg = JSON.parse(new TextDecoder().decode(fromBase64Url(token.split('.')[0] ?? ''))).alg;
  } catch {
    return undefined;
  }
  if (!ALGS.includes(alg as EsiaTokenAlg)) {
    return undefined;
  }
  const key = await signingKey(runtime.seed, alg as EsiaTokenAlg);
  const verified = await verifyOwnJwt(key, token, 'access', runtime.clock.now());
  if (!verified) {
    return undefined;
  }
  const { payload } = verified;
  const scope = String(payload.scope ?? '');
  return {
    oid: payload['urn:esia:sbj_id'] === undefined ? undefined : String(payload['urn:esia:sbj_id']),
    clientId: String(payload.client_id),
    scopes: scopeNames(scope),
    scope,
    sid: String(payload['urn:esia:sid']),
    expiresAt: new Date(Number(payload.exp) * 1000),
    permissions: readPermissionsClaim(payload.permissions),
  };
}

const names = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.flatMap((item) => {
        const name = (item as { sysname?: unknown } | null)?.sysname;
        return typeof name === 'string' ? [name] : [];
      })
    : [];

/**
 * The `permissions` claim (permissions.ts `permissionsClaim`) as the identity service's consents.
 * Tolerant: anything unreadable is left out, so a portal sees no consent rather than a crash.
 */
export function readPermissionsClaim(claim: unknown): IdentityPermission[] {
  if (!Array.isArray(claim)) {
    return [];
  }
  return claim.flatMap((item) => {
    if (item === null || typeof item !== 'object') {
      return [];
    }
    const record = item as Record<string, unknown>;
    if (typeof record.sysname !== 'string') {
      return [];
    }
    return [
      {
        sysname: record.sysname,
        responsibleObject: typeof record.responsibleObject === 'string' ? record.responsibleObject : '',
        scopes: names(record.scopes),
        purposes: names(record.purposes),
        actions: names(record.actions),
        expiresAt: new Date(typeof record.exp === 'number' ? record.exp * 1000 : 0),
      },
    ];
  });
}
