/**
 * A person's sign-in: the browser goes to ESIA (through @goskit/gosuslugi's public client), ESIA
 * returns the authorization code to the system's callback, gosuslugi redeems it with the system's GOST
 * signature and verifies the tokens, and the resulting ESIA session becomes the subject token the
 * Gospochta client exchanges (and re-exchanges, ahead of expiry) for its own access token.
 */
import type {
  AuthorizationUrl,
  AuthorizationUrlOptions,
  CallbackInput,
  EsiaClient,
  EsiaSession,
  EsiaSessionOptions,
} from '@goskit/gosuslugi';
import type { EsiaPersonAuth } from './auth-options.js';
import type { Permission } from './roles.js';

export interface EsiaSignInOptions {
  /** The system's Gospochta client credentials (it exchanges the person's ESIA token). */
  clientId: string;
  clientSecret: string;
  permissions?: readonly Permission[];
  /** Passed to `esia.session()`: refresh-ahead, `onRefresh` to persist rotated ESIA tokens. */
  session?: EsiaSessionOptions;
}

export interface EsiaSignInResult {
  /** Ready for `createGospochtaClient({ auth })`. */
  auth: EsiaPersonAuth;
  /** The person's ESIA oid. */
  oid: string;
  /** The ESIA session behind `auth` (persist `session.tokens` to resume later). */
  session: EsiaSession;
  /** What the application attached in authorizationUrl({ data }). */
  data: unknown;
}

export interface EsiaSignIn {
  /** ESIA's authorization URL — redirect the browser there. */
  authorizationUrl(options?: AuthorizationUrlOptions): Promise<AuthorizationUrl>;
  /** On the callback: ESIA's code is redeemed and verified by gosuslugi; returns the person's Gospochta auth. */
  complete(callback: CallbackInput): Promise<EsiaSignInResult>;
}

export function esiaSignIn(esia: EsiaClient, options: EsiaSignInOptions): EsiaSignIn {
  return {
    authorizationUrl: (urlOptions) => esia.authorizationUrl(urlOptions),
    async complete(callback) {
      const tokens = await esia.handleCallback(callback);
      const session = esia.session(tokens, options.session);
      return {
        auth: {
          type: 'esia',
          clientId: options.clientId,
          clientSecret: options.clientSecret,
          esia: session,
          ...(options.permissions ? { permissions: options.permissions } : {}),
        },
        oid: tokens.oid,
        session,
        data: tokens.data,
      };
    },
  };
}
