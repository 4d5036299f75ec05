/**
 * GET /aas/oauth2/v2/ac — the authorization request. Until the redirect target is known to belong to
 * the client, errors are an HTML page, never a redirect (RFC 6749 §4.1.2.1: no open redirector):
 * redirect_uri usable, client_id present (007014) and known (007005), redirect_uri registered (007023).
 * Then, redirecting to the registered URI: mandatory parameters (007014), response_type (007012),
 * access_type (007003), timestamp (007015), certificate hash and GOST client_secret (007053),
 * scopes (007006), the consents of `permissions` (ESIA-0367xx, permissions.ts); then a pending
 * request and 302 to the login page.
 */
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import {
  checkCertificateHash,
  checkCertificateValidity,
  checkClientSecret,
  checkTimestamp,
} from './checks.js';
import { clientAllowsScope } from './clients.js';
import { EsiaRejection } from './errors.js';
import { param } from './form.js';
import type { ResolvedEsiaOptions } from './options.js';
import { parsePermissions, type RequestedPermission } from './permissions.js';
import { isRegisteredRedirect, parseRedirectUri } from './redirect-uri.js';
import { errorPage, errorRedirect, redirect } from './redirects.js';
import { isKnownScope, scopeNames } from './scopes.js';
import type { EsiaClientRecord, EsiaState, PendingAuthorization } from './state.js';

export const V2_MANDATORY = [
  'client_id',
  'client_secret',
  'client_certificate_hash',
  'redirect_uri',
  'scope',
  'response_type',
  'state',
  'timestamp',
] as const;

export interface AuthorizeCheck {
  client: EsiaClientRecord;
  redirectUri: string;
  state: string;
}

/** Steps common to v1 and v2: returns the error answer, or the client and redirect target. */
export function precheckAuthorize(
  ctx: RouteContext<EsiaState>,
  options: ResolvedEsiaOptions,
  mandatory: readonly string[],
): SimResponse | AuthorizeCheck {
  const query = ctx.request.query;
  const redirectUri = param(query, 'redirect_uri');
  const state = param(query, 'state');
  if (redirectUri === undefined) {
    return errorPage(new EsiaRejection('007014', 'redirect_uri'));
  }
  if (!parseRedirectUri(redirectUri)) {
    return errorPage(new EsiaRejection('007003'));
  }
  const clientId = param(query, 'client_id');
  if (clientId === undefined) {
    return errorPage(new EsiaRejection('007014', 'client_id'));
  }
  const client = ctx.state.clients.get(clientId);
  if (!client) {
    return errorPage(new EsiaRejection('007005'));
  }
  if (!isRegisteredRedirect(redirectUri, client.redirectUris, options.redirectUriMatch)) {
    return errorPage(new EsiaRejection('007023'));
  }
  // From here on redirect_uri is the client's own: errors go back to it, as ESIA does.
  const missing = mandatory.find((name) => param(query, name) === undefined);
  if (missing) {
    return errorRedirect(redirectUri, new EsiaRejection('007014', missing), state);
  }
  if (query.get('response_type') !== 'code') {
    return errorRedirect(redirectUri, new EsiaRejection('007012'), state);
  }
  const accessType = query.get('access_type');
  if (accessType !== null && accessType !== 'online' && accessType !== 'offline') {
    return errorRedirect(redirectUri, new EsiaRejection('007003'), state);
  }
  const stale = checkTimestamp(
    query.get('timestamp') as string,
    ctx.sim.clock.now(),
    options.timestampSkewMinutes,
  );
  if (stale) {
    return errorRedirect(redirectUri, stale, state);
  }
  return { client, redirectUri, state: state as string };
}

/** 007006 for unknown scopes or scopes the client may not ask for. */
export function checkScopes(
  client: EsiaClientRecord,
  scope: string,
  scopeOrg: string,
): EsiaRejection | undefined {
  const names = [...scopeNames(scope), ...scopeNames(scopeOrg)];
  const bad = names.find((name) => !isKnownScope(name) || !clientAllowsScope(client, name));
  return bad === undefined && names.length > 0 ? undefined : new EsiaRejection('007006');
}

/** Stores the pending request and answers 302 to the login page. */
export function startLogin(
  ctx: RouteContext<EsiaState>,
  check: AuthorizeCheck,
  flow: 'v1' | 'v2',
  permissions?: RequestedPermission[],
): SimResponse {
  const query = ctx.request.query;
  const id = ctx.sim.random.uuid();
  const pending: PendingAuthorization = {
    id,
    flow,
    clientId: check.client.clientId,
    redirectUri: check.redirectUri,
    // scope is mandatory on v1 and v2.
    scope: query.get('scope') as string,
    scopeOrg: query.get('scope_org') ?? '',
    state: check.state,
    accessType: query.get('access_type') === 'offline' ? 'offline' : 'online',
    createdMs: ctx.sim.clock.now(),
  };
  const challenge = query.get('code_challenge');
  if (challenge) {
    pending.codeChallenge = { value: challenge, method: query.get('code_challenge_method') ?? 'S256' };
  }
  if (permissions !== undefined) {
    pending.permissions = permissions;
  }
  ctx.state.requests.set(id, pending);
  return redirect(`${ctx.request.baseUrl}/login?rid=${encodeURIComponent(id)}`);
}

export function authorizeRoute(options: ResolvedEsiaOptions): RouteDefinition<EsiaState> {
  return {
    method: 'GET',
    path: '/aas/oauth2/v2/ac',
    operation: 'authorize',
    handler: (ctx) => {
      const check = precheckAuthorize(ctx, options, V2_MANDATORY);
      if ('status' in check) {
        return check;
      }
      const query = ctx.request.query;
      const hashRejection =
        checkCertificateHash(check.client, query.get('client_certificate_hash') as string) ??
        checkCertificateValidity(check.client, ctx.sim.clock.now());
      const secretRejection =
        hashRejection ??
        checkClientSecret(
          check.client,
          query.get('client_secret') as string,
          {
            flow: 'v2/ac',
            clientId: check.client.clientId,
            scope: query.get('scope') as string,
            scopeOrg: query.get('scope_org') ?? '',
            timestamp: query.get('timestamp') as string,
            state: check.state,
            redirectUri: check.redirectUri,
          },
          options.signatureByteOrder,
        );
      const rejection =
        secretRejection ??
        checkScopes(check.client, query.get('scope') as string, query.get('scope_org') ?? '');
      if (rejection) {
        return errorRedirect(check.redirectUri, rejection, check.state);
      }
      const encoded = param(query, 'permissions');
      const permissions = encoded === undefined ? undefined : parsePermissions(encoded);
      if (permissions instanceof EsiaRejection) {
        return errorRedirect(check.redirectUri, permissions, check.state);
      }
      const notAllowed = permissions
        ?.flatMap((permission) => permission.scopes)
        .find((scope) => !clientAllowsScope(check.client, scope));
      if (notAllowed !== undefined) {
        return errorRedirect(check.redirectUri, new EsiaRejection('007006'), check.state);
      }
      return startLogin(ctx, check, 'v2', permissions);
    },
  };
}
