/**
 * How a Gospochta client gets its access token. A system signs in with its own credentials; a person
 * signs in at ESIA (through @goskit/gosuslugi) and the system exchanges the person's ESIA access token
 * for a Gospochta token (RFC 8693). Either way the token is verified and refreshed ahead of expiry.
 */
import type { TokenProvider } from '@goskit/core';
import type { Permission } from './roles.js';

/** An organisation's system: OAuth client credentials. */
export interface ClientCredentialsAuth {
  type: 'client_credentials';
  clientId: string;
  clientSecret: string;
  /** Narrow the token to these permissions (space-joined `scope`). Default: the role's. */
  permissions?: readonly Permission[];
}

/**
 * A person: the system (its clientId/clientSecret) exchanges the person's ESIA access token. Pass an
 * @goskit/gosuslugi `EsiaSession` (its token is refreshed by ESIA's own rules) or any function that
 * returns a current ESIA access token.
 */
export interface EsiaPersonAuth {
  type: 'esia';
  clientId: string;
  clientSecret: string;
  esia: { getAccessToken(): Promise<string> } | (() => Promise<string>);
  permissions?: readonly Permission[];
}

/** A token provider you manage yourself (its tokens are still verified when `verifyTokens` is on). */
export interface ProvidedTokenAuth {
  type: 'token_provider';
  tokenProvider: TokenProvider;
}

export type GospochtaAuth = ClientCredentialsAuth | EsiaPersonAuth | ProvidedTokenAuth;
