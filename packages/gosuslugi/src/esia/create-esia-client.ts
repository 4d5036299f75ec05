import {
  type AuthorizationUrl,
  type AuthorizationUrlOptions,
  authorizationUrl,
} from './authorization-url.js';
import { createEsiaContext } from './context.js';
import type { ResolvedEsiaEnvironment } from './environment.js';
import { type CallbackInput, type CallbackResult, handleCallback } from './handle-callback.js';
import { logoutUrl } from './logout-url.js';
import type { EsiaClientOptions } from './options.js';
import { createPersonClient, type EsiaPersonClient } from './person/person-client.js';
import { clientCredentials, type RefreshOptions, refreshTokens } from './refresh.js';
import { createSession, type EsiaSession, type EsiaSessionOptions } from './session.js';
import type { EsiaTokens } from './tokens.js';

export interface EsiaClient {
  readonly environment: ResolvedEsiaEnvironment;
  readonly clientId: string;
  /** The `/aas/oauth2/v2/ac` URL to send the browser to, and its state. */
  authorizationUrl(options?: AuthorizationUrlOptions): Promise<AuthorizationUrl>;
  /** Finishes the login from the callback URL or query; verified tokens. */
  handleCallback(urlOrQuery: CallbackInput): Promise<CallbackResult>;
  /** New tokens for a refresh_token (offline access). */
  refresh(refreshToken: string, options?: RefreshOptions): Promise<EsiaTokens>;
  /** A token for the system itself. */
  clientCredentials(scope: readonly string[] | string): Promise<EsiaTokens>;
  /** `/idp/ext/Logout` URL ending the ESIA session. */
  logoutUrl(options?: { redirectUrl?: string }): string;
  /** Tokens with auto-refresh (single-flight). */
  session(tokens: EsiaTokens, options?: EsiaSessionOptions): EsiaSession;
  /** Person data of the session's user (or of a bare access token). */
  person(auth: EsiaSession | string, oid?: string | number): EsiaPersonClient;
}

/**
 * ESIA (Gosuslugi) client: v2/ac + v3/te with GOST client_secret, verified tokens, refresh,
 * person data. Pending logins live in `stateStore`, so any instance sharing it can finish a flow.
 *
 * @example
 * const esia = createEsiaClient({ environment: 'test', clientId: 'MYSYS', redirectUri, signer,
 *   scopes: ['openid', 'fullname'], tokenKeys: { certificates: [esiaCertPem] } });
 * const { url } = await esia.authorizationUrl();           // redirect the browser there
 * const tokens = await esia.handleCallback(request.url);    // on the callback
 * const person = await esia.person(esia.session(tokens)).get();
 */
export function createEsiaClient(options: EsiaClientOptions): EsiaClient {
  const context = createEsiaContext(options);
  return {
    environment: context.environment,
    clientId: options.clientId,
    authorizationUrl: (urlOptions) => authorizationUrl(context, urlOptions),
    handleCallback: (input) => handleCallback(context, input),
    refresh: (token, refreshOptions) => refreshTokens(context, token, refreshOptions),
    clientCredentials: (scope) => clientCredentials(context, scope),
    logoutUrl: (logoutOptions) => logoutUrl(context, logoutOptions),
    session: (tokens, sessionOptions) => createSession(context, tokens, sessionOptions),
    person: (auth, oid) => createPersonClient(context, auth, oid),
  };
}
