/**
 * POST /aas/oauth2/v3/te — the token endpoint (form body). Authenticates the client (known id,
 * certificate hash, timestamp, GOST client_secret over the grant's signed string), then exchanges an
 * authorization code, a refresh token, or issues a client_credentials token (with `prm_chg?oid=`, a
 * renewal of the person's consent token). Errors: 400 JSON `{ error, error_description: 'ESIA-0070xx: …', state }`.
 */

import type { EsiaSignedFields } from '@goskit/crypto';
import { ownEntry } from '../../engine/request-body.js';
import { json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { checkScopes } from './authorize.js';
import {
  checkCertificateHash,
  checkCertificateValidity,
  checkClientSecretAny,
  checkPkcs7Secret,
  checkTimestamp,
} from './checks.js';
import { activeConsents } from './consents.js';
import { EsiaRejection } from './errors.js';
import { param, readForm } from './form.js';
import { verifyOwnJwt } from './jwt.js';
import type { ResolvedEsiaOptions } from './options.js';
import { checkPkce } from './pkce.js';
import { scopeItems, scopeNames } from './scopes.js';
import { signingKey } from './signing-keys.js';
import type { EsiaClientRecord, EsiaState } from './state.js';
import { issueTokens, type TokenGrant } from './tokens.js';

const COMMON_MANDATORY = [
  'client_id',
  'grant_type',
  'client_secret',
  'client_certificate_hash',
  'state',
  'timestamp',
  'token_type',
];
export function tokenError(rejection: EsiaRejection, state: string | undefined): SimResponse {
  // An undefined state is left out of the JSON.
  return json({ ...rejection.info, state }, 400, { 'cache-control': 'no-store' });
}

const sameScope = (a: string, b: string) => scopeNames(a).sort().join(' ') === scopeNames(b).sort().join(' ');

export interface TokenExchange {
  ctx: RouteContext<EsiaState>;
  options: ResolvedEsiaOptions;
  form: URLSearchParams;
  client: EsiaClientRecord;
  /** The fields every signed string shares. */
  base: { clientId: string; scope: string; scopeOrg: string; timestamp: string; state: string };
  /** v2/v3: raw GOST over any of the variants; v1: PKCS#7 over the v1 string (variants ignored). */
  checkSecret(variants: EsiaSignedFields[]): Promise<EsiaRejection | undefined>;
  flow: 'v1' | 'v2';
}

/** Answers 200 with the tokens; a refresh token when the grant allows it. */
export async function tokenResponse(
  exchange: TokenExchange,
  grant: TokenGrant,
  refresh: { oid: string; redirectUri: string; scopeOrg: string; offline: boolean } | undefined,
): Promise<SimResponse> {
  const { ctx, options } = exchange;
  const tokens = await issueTokens(ctx, options, grant);
  // No id_token without a person: an undefined one is left out of the JSON.
  const body: Record<string, unknown> = { access_token: tokens.accessToken, id_token: tokens.idToken };
  const wantsRefresh =
    options.refreshTokens === 'always' || (options.refreshTokens === 'offline' && refresh?.offline);
  if (refresh && wantsRefresh) {
    const refreshToken = ctx.sim.random.uuid();
    ctx.state.refreshTokens.set(refreshToken, {
      clientId: grant.clientId,
      sid: grant.sid,
      oid: refresh.oid,
      scope: grant.scope,
      scopeOrg: refresh.scopeOrg,
      redirectUri: refresh.redirectUri,
      authTimeMs: grant.authTimeMs,
      revoked: false,
      ...(grant.permissions === undefined
        ? {}
        : { permissionTypes: grant.permissions.map((permission) => permission.sysname) }),
    });
    body.refresh_token = refreshToken;
  }
  body.state = exchange.base.state;
  body.token_type = 'Bearer';
  body.expires_in = tokens.expiresIn;
  return json(body, 200, { 'cache-control': 'no-store' });
}

async function authorizationCode(exchange: TokenExchange): Promise<SimResponse | EsiaRejection> {
  const { ctx, options, form, client, base } = exchange;
  const code = form.get('code') as string;
  const redirectUri = form.get('redirect_uri') as string;
  const secret = await exchange.checkSecret([{ flow: 'v3/te', ...base, redirectUri, code }]);
  if (secret) {
    return secret;
  }
  const key = await signingKey(ctx.sim.seed, options.tokenAlg);
  const verified = await verifyOwnJwt(key, code, 'authorization_code', ctx.sim.clock.now());
  const issued = verified ? ctx.state.codes.get(verified.signature) : undefined;
  if (!issued || (issued.used && options.singleUseCodes) || issued.clientId !== client.clientId) {
    return new EsiaRejection('007011');
  }
  if (issued.redirectUri !== redirectUri) {
    return new EsiaRejection('007011');
  }
  if (!sameScope(issued.scope, base.scope) || !sameScope(issued.scopeOrg, base.scopeOrg)) {
    return new EsiaRejection('007006');
  }
  // The token request must carry a NEW state, not the one of the authorization request.
  if (options.requireNewState && verified?.payload['urn:esia:client:state'] === base.state) {
    return new EsiaRejection('007003');
  }
  const pkce = await checkPkce(issued.codeChallenge, param(form, 'code_verifier'));
  if (pkce) {
    return pkce;
  }
  issued.used = true;
  if (ctx.state.sessions.get(issued.sid)?.ended) {
    return new EsiaRejection('007011');
  }
  return tokenResponse(
    exchange,
    {
      clientId: client.clientId,
      scope: issued.scope,
      oid: issued.oid,
      sid: issued.sid,
      authTimeMs: issued.authTimeMs,
      permissions: issued.permissions,
    },
    { oid: issued.oid, redirectUri, scopeOrg: issued.scopeOrg, offline: issued.accessType === 'offline' },
  );
}

async function refreshToken(exchange: TokenExchange): Promise<SimResponse | EsiaRejection> {
  const { ctx, options, form, client, base } = exchange;
  const token = form.get('refresh_token') as string;
  const redirectUri = param(form, 'redirect_uri');
  const variants: EsiaSignedFields[] = [];
  if (options.refreshSignedString !== 'aisgorod' && redirectUri !== undefined) {
    variants.push({ flow: 'refresh_token', refreshVariant: 'ilimurzin', ...base, redirectUri });
  }
  if (options.refreshSignedString !== 'ilimurzin') {
    variants.push({ flow: 'refresh_token', refreshVariant: 'aisgorod', ...base, refreshToken: token });
  }
  if (variants.length === 0 && exchange.flow === 'v2') {
    return new EsiaRejection('007014', 'redirect_uri');
  }
  const secret = await exchange.checkSecret(variants);
  if (secret) {
    return secret;
  }
  const grant = ctx.state.refreshTokens.get(token);
  if (
    !grant ||
    grant.revoked ||
    grant.clientId !== client.clientId ||
    ctx.state.sessions.get(grant.sid)?.ended
  ) {
    return new EsiaRejection('007011');
  }
  // Rotation: the used refresh token dies, the answer carries a new one.
  grant.revoked = true;
  // Consents the person has since let lapse are not carried over.
  const permissions =
    grant.permissionTypes === undefined
      ? []
      : activeConsents(ctx.state, client.clientId, grant.oid, ctx.sim.clock.now(), grant.permissionTypes);
  return tokenResponse(
    exchange,
    {
      clientId: client.clientId,
      scope: grant.scope,
      oid: grant.oid,
      sid: grant.sid,
      authTimeMs: grant.authTimeMs,
      ...(permissions.length > 0 ? { permissions } : {}),
    },
    { oid: grant.oid, redirectUri: grant.redirectUri, scopeOrg: grant.scopeOrg, offline: true },
  );
}

async function clientCredentials(exchange: TokenExchange): Promise<SimResponse | EsiaRejection> {
  const { ctx, form, client, base } = exchange;
  const secret = await exchange.checkSecret([
    { flow: 'client_credentials', ...base, redirectUri: form.get('redirect_uri') as string },
  ]);
  if (secret) {
    return secret;
  }
  const scopes = checkScopes(client, base.scope, base.scopeOrg);
  if (scopes) {
    return scopes;
  }
  const now = ctx.sim.clock.now();
  const renewal = consentRenewal(ctx, client.clientId, base.scope, now);
  if (renewal !== undefined) {
    return renewal instanceof EsiaRejection ? renewal : tokenResponse(exchange, renewal, undefined);
  }
  return tokenResponse(
    exchange,
    { clientId: client.clientId, scope: base.scope, sid: ctx.sim.random.uuid(), authTimeMs: now },
    undefined,
  );
}

const RENEWAL_PREFIX = 'prm_chg?oid=';

/** `prm_chg?oid=<oid>` in a client_credentials scope: the oid, or undefined when absent. */
function renewalOid(scope: string): string | undefined | EsiaRejection {
  const items = scopeItems(scope).filter((item) => item.startsWith('prm_chg'));
  if (items.length === 0) {
    return undefined;
  }
  const item = items[0] as string;
  const oid = item.slice(RENEWAL_PREFIX.length);
  return items.length === 1 && item.startsWith(RENEWAL_PREFIX) && /^\d{1,15}$/.test(oid)
    ? oid
    : new EsiaRejection('007006');
}

/**
 * A system renewing a person's consent token without a login (go-api-epgu `TokenUpdate`): scope
 * `prm_chg?oid=<oid>` → a token for that person carrying their active consents to this system, or
 * ESIA-007019 when there are none [unconfirmed code]. Undefined when the scope is not a renewal.
 */
function consentRenewal(
  ctx: RouteContext<EsiaState>,
  clientId: string,
  scope: string,
  nowMs: number,
): TokenGrant | EsiaRejection | undefined {
  const oid = renewalOid(scope);
  if (oid === undefined || oid instanceof EsiaRejection) {
    return oid;
  }
  const permissions = activeConsents(ctx.state, clientId, oid, nowMs);
  if (permissions.length === 0) {
    return new EsiaRejection(
      '007019',
      undefined,
      `no unexpired consent of OID ${oid} to system ${clientId}: the person must sign in and consent again`,
    );
  }
  return {
    clientId,
    scope: 'openid',
    oid,
    sid: ctx.sim.random.uuid(),
    authTimeMs: nowMs,
    permissions,
    withoutIdToken: true,
  };
}

interface Grant {
  /** Mandatory on top of the endpoint's own (TokenEndpointSpec.mandatory). */
  mandatory: readonly string[];
  exchange: (exchange: TokenExchange) => Promise<SimResponse | EsiaRejection>;
}

const GRANTS: Record<string, Grant> = {
  authorization_code: { mandatory: ['code', 'redirect_uri', 'scope'], exchange: authorizationCode },
  refresh_token: { mandatory: ['refresh_token', 'scope'], exchange: refreshToken },
  client_credentials: { mandatory: ['scope', 'redirect_uri'], exchange: clientCredentials },
};

/** The checks every grant shares; returns the exchange or the rejection. */
function authenticateTokenRequest(
  ctx: RouteContext<EsiaState>,
  options: ResolvedEsiaOptions,
  form: URLSearchParams,
  mandatory: readonly string[],
  flow: 'v1' | 'v2',
): TokenExchange | EsiaRejection {
  const missing = mandatory.find((name) => param(form, name) === undefined);
  if (missing) {
    return new EsiaRejection('007014', missing);
  }
  const client = ctx.state.clients.get(form.get('client_id') as string);
  if (!client) {
    return new EsiaRejection('007005');
  }
  // token_type is mandatory on both token endpoints.
  if (form.get('token_type') !== 'Bearer') {
    return new EsiaRejection('007003');
  }
  const hash = form.get('client_certificate_hash');
  const hashRejection = hash === null ? undefined : checkCertificateHash(client, hash);
  if (hashRejection) {
    return hashRejection;
  }
  const stale = checkTimestamp(
    form.get('timestamp') as string,
    ctx.sim.clock.now(),
    options.timestampSkewMinutes,
  );
  if (stale) {
    return stale;
  }
  const secret = form.get('client_secret') as string;
  const base = {
    clientId: client.clientId,
    // Every grant has scope among its mandatory parameters.
    scope: form.get('scope') as string,
    scopeOrg: form.get('scope_org') ?? '',
    timestamp: form.get('timestamp') as string,
    state: form.get('state') as string,
  };
  return {
    ctx,
    options,
    form,
    client,
    flow,
    base,
    checkSecret: async (variants) =>
      checkCertificateValidity(client, ctx.sim.clock.now()) ??
      (flow === 'v1'
        ? checkPkcs7Secret(client, secret, base)
        : checkClientSecretAny(client, secret, variants, options.signatureByteOrder)),
  };
}

/** What differs between the v3/te and the legacy v1 /te endpoints. */
export interface TokenEndpointSpec {
  path: string;
  operation: string;
  /** Mandatory for every grant; each grant adds its own (GRANTS). */
  mandatory: readonly string[];
  flow: 'v1' | 'v2';
}

/** A token endpoint: grant type check, client authentication, then the grant's exchange. */
export function tokenEndpointRoute(
  options: ResolvedEsiaOptions,
  spec: TokenEndpointSpec,
): RouteDefinition<EsiaState> {
  return {
    method: 'POST',
    path: spec.path,
    operation: spec.operation,
    handler: async (ctx) => {
      const form = readForm(ctx.request);
      const state = param(form, 'state');
      const grantType = param(form, 'grant_type');
      const grant = grantType === undefined ? undefined : ownEntry(GRANTS, grantType);
      if (grantType !== undefined && !grant) {
        return tokenError(new EsiaRejection('007009'), state);
      }
      // Without grant_type, its own absence is the refusal (grant_type is among spec.mandatory).
      const mandatory = grant === undefined ? spec.mandatory : [...spec.mandatory, ...grant.mandatory];
      const exchange = authenticateTokenRequest(ctx, options, form, mandatory, spec.flow);
      if (exchange instanceof EsiaRejection) {
        return tokenError(exchange, state);
      }
      const result = await (grant as Grant).exchange(exchange);
      return result instanceof EsiaRejection ? tokenError(result, state) : result;
    },
  };
}

export function tokenRoute(options: ResolvedEsiaOptions): RouteDefinition<EsiaState> {
  return tokenEndpointRoute(options, {
    path: '/aas/oauth2/v3/te',
    operation: 'token',
    mandatory: COMMON_MANDATORY,
    flow: 'v2',
  });
}
