import { InvalidOptionsError } from '@goskit/core';
import { signParameters } from './client-secret.js';
import { type EsiaContext, joinScopes } from './context.js';
import { requestScope } from './scope-names.js';
import { clientAuthentication, postTokenRequest } from './token-endpoint.js';
import { buildTokens, type EsiaTokens } from './tokens.js';

export interface RefreshOptions {
  /** The scopes of the original login. Default: the client's scopes. */
  scopes?: readonly string[];
  scopeOrg?: readonly string[] | string;
}

/**
 * grant_type=refresh_token at v3/te. The signed string is [unconfirmed] in ESIA: 'ilimurzin'
 * (as v2/ac) by default, 'aisgorod' (… + refresh_token) by option. ESIA rotates refresh tokens:
 * keep the new one.
 */
export async function refreshTokens(
  context: EsiaContext,
  refreshToken: string,
  options: RefreshOptions = {},
): Promise<EsiaTokens> {
  if (typeof refreshToken !== 'string' || refreshToken.length === 0) {
    throw new InvalidOptionsError('refresh() needs the refresh_token of an offline login');
  }
  const client = context.options;
  const scope = requestScope(options.scopes ?? client.scopes);
  const scopeOrg = joinScopes(options.scopeOrg ?? client.scopeOrg);
  const state = context.randomUUID();
  const signed = await signParameters(context, {
    flow: 'refresh_token',
    refreshVariant: client.refreshSignedString ?? 'ilimurzin',
    scope,
    scopeOrg,
    state,
    redirectUri: client.redirectUri,
    refreshToken,
  });
  const body = await postTokenRequest(context, '/aas/oauth2/v3/te', {
    ...clientAuthentication(context, signed, state),
    refresh_token: refreshToken,
    grant_type: 'refresh_token',
    redirect_uri: client.redirectUri,
    scope,
    ...(scopeOrg === '' ? {} : { scope_org: scopeOrg }),
  });
  return buildTokens(context, body);
}

/**
 * grant_type=client_credentials: a token for the system itself (e.g. `prm_chg?oid=…` Digital
 * Profile updates, organisation scopes). Signed string client_id + scope + timestamp + state + redirect_uri.
 */
export async function clientCredentials(
  context: EsiaContext,
  scopes: readonly string[] | string,
): Promise<EsiaTokens> {
  const client = context.options;
  const scope = requestScope(scopes);
  if (scope === '') {
    throw new InvalidOptionsError('clientCredentials() needs a scope');
  }
  const state = context.randomUUID();
  const signed = await signParameters(context, {
    flow: 'client_credentials',
    scope,
    state,
    redirectUri: client.redirectUri,
  });
  const body = await postTokenRequest(context, '/aas/oauth2/v3/te', {
    ...clientAuthentication(context, signed, state),
    grant_type: 'client_credentials',
    redirect_uri: client.redirectUri,
    scope,
  });
  return buildTokens(context, body);
}
