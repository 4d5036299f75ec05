/**
 * Issues the JWTs with the headers and claims of real ESIA tokens (reference §1 "JWTs"): the
 * authorization code (exp = iat + 240 s), the access token (sbt 'access') and the id_token (sbt 'id').
 * Times come from the virtual clock. Every issued token carries a fresh `jti`, so a refresh (or a
 * second client_credentials call) on a frozen clock still returns a new token, as a real provider does.
 * A token issued under consents (`permissions`) carries them in a `permissions` claim, their scopes
 * in `scope`, and lives `permissionTokenTtlSeconds` (a day, as go-api-epgu states) instead of
 * `accessTtlSeconds` [goskit's claim shape; unconfirmed].
 */
import type { Persona, RouteContext } from '../../engine/types.js';
import { consentScopes } from './consents.js';
import { signJwt } from './jwt.js';
import { issuerFor, type ResolvedEsiaOptions } from './options.js';
import { type GrantedPermission, permissionsClaim } from './permissions.js';
import { personaByOid } from './personas.js';
import { grantedScope } from './scopes.js';
import { signingKey } from './signing-keys.js';
import type { EsiaState, IssuedCode, PendingAuthorization } from './state.js';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** `urn:esia:sbj` of the code: level PR for a confirmed account, P for a simplified one. */
function codeSubject(persona: Persona | undefined, oid: string): Record<string, unknown> {
  const subject: Record<string, unknown> = {
    'urn:esia:sbj:lvl': persona?.trusted === false ? 'P' : 'PR',
    'urn:esia:sbj:typ': 'P',
    'urn:esia:sbj:oid': Number(oid),
    'urn:esia:sbj:nam': `OID.${oid}`,
  };
  if (persona?.trusted !== false) {
    subject['urn:esia:sbj:is_tru'] = true;
  }
  return subject;
}

/** Creates the session and the single-use code for a consented request. */
export async function issueCode(
  ctx: RouteContext<EsiaState>,
  options: ResolvedEsiaOptions,
  pending: PendingAuthorization & { oid: string },
  permissions: readonly GrantedPermission[] = [],
): Promise<string> {
  const now = ctx.sim.clock.now();
  const sid = ctx.sim.random.uuid();
  const authTimeMs = pending.authTimeMs ?? now;
  ctx.state.sessions.set(sid, {
    sid,
    oid: pending.oid,
    clientId: pending.clientId,
    createdMs: now,
    ended: false,
  });
  const key = await signingKey(ctx.sim.seed, options.tokenAlg);
  const iat = seconds(now);
  const code = await signJwt(
    key,
    'authorization_code',
    {
      iss: issuerFor(options, ctx.request.baseUrl),
      'urn:esia:client:state': pending.state,
      auth_mthd: 'PWD',
      'urn:esia:sbj': codeSubject(personaByOid(ctx.sim.demo, pending.oid), pending.oid),
      params: {},
      client_id: pending.clientId,
      acr: { '2fa': 'otp' },
      nbf: iat,
      scope: grantedScope(pending.scope, pending.oid),
      auth_time: seconds(authTimeMs),
      'urn:esia:sid': sid,
      exp: iat + options.codeTtlSeconds,
      iat,
    },
    true,
  );
  const record: IssuedCode = {
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    scope: pending.scope,
    scopeOrg: pending.scopeOrg,
    accessType: pending.accessType,
    oid: pending.oid,
    sid,
    authTimeMs,
    expMs: (iat + options.codeTtlSeconds) * 1000,
    used: false,
  };
  if (pending.codeChallenge) {
    record.codeChallenge = { ...pending.codeChallenge };
  }
  if (permissions.length > 0) {
    record.permissions = permissions.map((permission) => ({ ...permission }));
  }
  ctx.state.codes.set(code.slice(code.lastIndexOf('.') + 1), record);
  return code;
}

export interface TokenGrant {
  clientId: string;
  scope: string;
  /** Absent for client_credentials (no user). */
  oid?: string;
  sid: string;
  authTimeMs: number;
  /** Consents the token carries (active ones only). */
  permissions?: readonly GrantedPermission[] | undefined;
  /** No id_token even with a user (a system's renewal of a consent token: nobody logged in). */
  withoutIdToken?: boolean;
}

export interface IssuedTokens {
  accessToken: string;
  idToken?: string;
  /** Lifetime of the access token, seconds (`expires_in`). */
  expiresIn: number;
}

/** The scope claim: the granted scope (`name?oid=`) plus the consents' scopes. */
function scopeClaim(grant: TokenGrant): string {
  const base = grant.oid === undefined ? grant.scope : grantedScope(grant.scope, grant.oid);
  const items = base.split(' ').filter((item) => item !== '');
  const extra = consentScopes(grant.permissions ?? []).map((scope) =>
    grant.oid === undefined ? scope : grantedScope(scope, grant.oid),
  );
  return [...new Set([...items, ...extra])].join(' ');
}

export async function issueTokens(
  ctx: RouteContext<EsiaState>,
  options: ResolvedEsiaOptions,
  grant: TokenGrant,
): Promise<IssuedTokens> {
  const key = await signingKey(ctx.sim.seed, options.tokenAlg);
  const iat = seconds(ctx.sim.clock.now());
  const iss = issuerFor(options, ctx.request.baseUrl);
  const permissions = grant.permissions ?? [];
  const expiresIn = permissions.length > 0 ? options.permissionTokenTtlSeconds : options.accessTtlSeconds;
  const exp = iat + expiresIn;
  const access: Record<string, unknown> = {
    jti: ctx.sim.random.uuid(),
    nbf: iat,
    scope: scopeClaim(grant),
    iss,
    'urn:esia:sid': grant.sid,
    exp,
    iat,
    client_id: grant.clientId,
  };
  if (grant.oid !== undefined) {
    access['urn:esia:sbj_id'] = Number(grant.oid);
  }
  if (permissions.length > 0) {
    access.permissions = permissionsClaim(permissions);
  }
  const accessToken = await signJwt(key, 'access', access, false);
  if (grant.oid === undefined || grant.withoutIdToken) {
    return { accessToken, expiresIn };
  }
  const persona = personaByOid(ctx.sim.demo, grant.oid);
  const subject: Record<string, unknown> = {
    typ: 'P',
    oid: Number(grant.oid),
    nam: `OID.${grant.oid}`,
    lvl: persona?.trusted === false ? 'P' : 'PR',
  };
  if (persona?.trusted !== false) {
    subject.is_tru = true;
  }
  const idToken = await signJwt(
    key,
    'id',
    {
      jti: ctx.sim.random.uuid(),
      aud: grant.clientId,
      sub: Number(grant.oid),
      nbf: iat,
      amr: 'PWD',
      'urn:esia:amd': 'PWD',
      auth_time: seconds(grant.authTimeMs),
      iss,
      'urn:esia:sid': grant.sid,
      'urn:esia:sbj': subject,
      exp,
      iat,
    },
    false,
  );
  return { accessToken, idToken, expiresIn };
}
