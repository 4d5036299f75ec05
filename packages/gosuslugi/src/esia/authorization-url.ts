import { InvalidOptionsError } from '@goskit/core';
import { signParameters } from './client-secret.js';
import { type EsiaContext, joinScopes } from './context.js';
import { savePending } from './pending-request.js';
import { createPkcePair, type EsiaPkceMethod, pkceMethod } from './pkce.js';
import { requestScope } from './scope-names.js';

export interface AuthorizationUrlOptions {
  /** Your own state (a UUID is generated otherwise). It becomes the key of the pending request. */
  state?: string;
  /** Overrides the client's default scopes for this login. */
  scopes?: readonly string[];
  scopeOrg?: readonly string[] | string;
  accessType?: 'online' | 'offline';
  /** Digital Profile consent (`permissions`, already base64url-encoded). */
  permissions?: string;
  /** Overrides the client's `pkce` option for this login. */
  pkce?: boolean | EsiaPkceMethod;
  /** Stored with the pending request and returned by handleCallback (e.g. the page to go back to). */
  data?: unknown;
}

export interface AuthorizationUrl {
  url: string;
  state: string;
}

/**
 * Builds the `/aas/oauth2/v2/ac` URL (or legacy `/aas/oauth2/ac`) with a fresh timestamp and the
 * signed client_secret, and stores the pending request under its state.
 */
export async function authorizationUrl(
  context: EsiaContext,
  options: AuthorizationUrlOptions = {},
): Promise<AuthorizationUrl> {
  const { options: client } = context;
  const legacy = client.legacy?.v1 === true;
  const state = options.state ?? context.randomUUID();
  if (state.length === 0 || state.length > 200) {
    throw new InvalidOptionsError('state must be 1..200 characters');
  }
  const scope = requestScope(options.scopes ?? client.scopes);
  if (scope === '') {
    throw new InvalidOptionsError('scopes must not be empty');
  }
  const scopeOrg = joinScopes(options.scopeOrg ?? client.scopeOrg);
  const accessType = options.accessType ?? client.accessType ?? 'online';
  const redirectUri = client.redirectUri;
  const signed = await signParameters(
    context,
    legacy ? { flow: 'v1', scope, state } : { flow: 'v2/ac', scope, scopeOrg, state, redirectUri },
  );
  const params = new URLSearchParams();
  params.set('client_id', client.clientId);
  params.set('client_secret', signed.client_secret);
  if (signed.client_certificate_hash !== undefined) {
    params.set('client_certificate_hash', signed.client_certificate_hash);
  }
  params.set('redirect_uri', redirectUri);
  params.set('scope', scope);
  if (scopeOrg !== '') {
    params.set('scope_org', scopeOrg);
  }
  params.set('response_type', 'code');
  params.set('state', state);
  params.set('timestamp', signed.timestamp);
  params.set('access_type', accessType);
  if (options.permissions !== undefined) {
    params.set('permissions', options.permissions);
  }
  const method = pkceMethod(options.pkce ?? client.pkce);
  const pkce = method === undefined ? undefined : await createPkcePair(method);
  if (pkce) {
    params.set('code_challenge', pkce.challenge);
    params.set('code_challenge_method', pkce.method);
  }
  await savePending(context, state, {
    flow: legacy ? 'v1' : 'v2',
    scope,
    scopeOrg,
    redirectUri,
    accessType,
    createdAt: context.now(),
    ...(pkce ? { codeVerifier: pkce.verifier } : {}),
    ...(options.data === undefined ? {} : { data: options.data }),
  });
  const path = legacy ? '/aas/oauth2/ac' : '/aas/oauth2/v2/ac';
  return { url: `${context.environment.baseUrl}${path}?${params.toString()}`, state };
}
