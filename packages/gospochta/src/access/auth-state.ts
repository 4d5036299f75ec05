/**
 * The client's token: fetched from the token endpoint by the configured grant, verified
 * (verifyAccessToken), cached by core's single-flight `createTokenProvider` and refreshed ahead of
 * expiry; the verified claims (role, permissions) are kept beside it for local permission checks.
 */
import { createTokenProvider, InvalidOptionsError, type TokenProvider, type Transport } from '@goskit/core';
import type { AccessTokenClaims, AccessTokenPolicy } from './access-token.js';
import { verifyAccessToken } from './access-token.js';
import type { GospochtaAuth } from './auth-options.js';
import { requestToken, type TokenRequestForm } from './token-endpoint.js';

export interface AuthState {
  readonly tokenProvider: TokenProvider;
  /** The claims of the current token (fetching one when there is none yet). */
  claims(): Promise<AccessTokenClaims | undefined>;
  /** The claims of the current token without fetching; undefined before the first token. */
  peekClaims(): AccessTokenClaims | undefined;
}

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

function checkCredentials(auth: { clientId?: unknown; clientSecret?: unknown }): void {
  if (typeof auth.clientId !== 'string' || auth.clientId.length === 0) {
    throw new InvalidOptionsError('auth.clientId is required');
  }
  if (typeof auth.clientSecret !== 'string' || auth.clientSecret.length === 0) {
    throw new InvalidOptionsError('auth.clientSecret is required');
  }
}

export function createAuthState(
  auth: GospochtaAuth,
  tokenTransport: Transport,
  tokenPath: string,
  policy: AccessTokenPolicy | undefined,
  refreshAheadMs: number,
): AuthState {
  let latest: { token: string; claims: AccessTokenClaims } | undefined;

  const verify = async (token: string): Promise<AccessTokenClaims | undefined> => {
    if (!policy) {
      return undefined;
    }
    if (latest?.token === token) {
      return latest.claims;
    }
    const claims = await verifyAccessToken(token, policy);
    latest = { token, claims };
    return claims;
  };

  if (auth.type === 'token_provider') {
    if (!auth.tokenProvider || typeof auth.tokenProvider.getToken !== 'function') {
      throw new InvalidOptionsError('auth.tokenProvider must be a core TokenProvider');
    }
    const provider = auth.tokenProvider;
    return {
      tokenProvider: provider,
      claims: async () => verify(await provider.getToken()),
      peekClaims: () => latest?.claims,
    };
  }
  if (auth.type !== 'client_credentials' && auth.type !== 'esia') {
    throw new InvalidOptionsError("auth.type must be 'client_credentials', 'esia' or 'token_provider'");
  }
  checkCredentials(auth);
  if (
    auth.type === 'esia' &&
    typeof auth.esia !== 'function' &&
    typeof auth.esia?.getAccessToken !== 'function'
  ) {
    throw new InvalidOptionsError(
      'auth.esia must be an EsiaSession or a function returning an ESIA access token',
    );
  }
  const scope = auth.permissions && auth.permissions.length > 0 ? auth.permissions.join(' ') : undefined;

  const form = async (): Promise<TokenRequestForm> => {
    if (auth.type === 'client_credentials') {
      return { grant_type: 'client_credentials', ...(scope ? { scope } : {}) };
    }
    const subject = typeof auth.esia === 'function' ? await auth.esia() : await auth.esia.getAccessToken();
    return {
      grant_type: TOKEN_EXCHANGE,
      subject_token: subject,
      subject_token_type: ACCESS_TOKEN_TYPE,
      requested_token_type: ACCESS_TOKEN_TYPE,
      ...(scope ? { scope } : {}),
    };
  };

  const tokenProvider = createTokenProvider({
    refreshAheadMs,
    clock: { now: policy?.now ?? Date.now },
    async fetchToken() {
      const issuedAt = (policy?.now ?? Date.now)();
      const body = await requestToken(tokenTransport, tokenPath, auth, await form());
      const claims = await verify(body.access_token);
      return { token: body.access_token, expiresAt: claims?.expiresAt ?? issuedAt + body.expires_in * 1000 };
    },
  });
  return {
    tokenProvider,
    claims: async () => verify(await tokenProvider.getToken()),
    peekClaims: () => latest?.claims,
  };
}
