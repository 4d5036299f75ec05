import { createTokenProvider, InvalidOptionsError, type TokenProvider } from '@goskit/core';
import { EsiaError } from '../errors/esia-error.js';
import type { EsiaContext } from './context.js';
import { type RefreshOptions, refreshTokens } from './refresh.js';
import type { EsiaTokens } from './tokens.js';

export interface EsiaSessionOptions extends RefreshOptions {
  /** Called with every refreshed token set — persist it (ESIA rotates refresh tokens). */
  onRefresh?: (tokens: EsiaTokens) => void | Promise<void>;
  /** Refresh this long before expiry, ms. Default 5 min (capped at half the lifetime). */
  refreshAheadMs?: number;
}

/** A signed-in user's tokens with auto-refresh: concurrent callers share one refresh (single-flight). */
export interface EsiaSession {
  /** The latest token set. */
  readonly tokens: EsiaTokens;
  readonly oid: string | undefined;
  /** A valid access token, refreshed when expiring. */
  getAccessToken(): Promise<string>;
  /** Refreshes now (e.g. after a 401). */
  refresh(): Promise<EsiaTokens>;
  /** core's provider, for transports: `createTransport({ auth: session.tokenProvider })`. */
  readonly tokenProvider: TokenProvider;
}

/** Tokens read back from JSON (a session store) carry `expiresAt` as a string: accept that too. */
function revive(tokens: EsiaTokens): EsiaTokens {
  const raw = tokens.expiresAt as Date | string | number;
  const expiresAt = raw instanceof Date ? raw : new Date(raw);
  if (Number.isNaN(expiresAt.getTime())) {
    throw new InvalidOptionsError('session() needs tokens with a valid expiresAt');
  }
  return { ...tokens, expiresAt };
}

export function createSession(
  context: EsiaContext,
  initial: EsiaTokens,
  options: EsiaSessionOptions = {},
): EsiaSession {
  let tokens = revive(initial);
  let handedOut = false;
  const doRefresh = async (): Promise<EsiaTokens> => {
    const refreshToken = tokens.refreshToken;
    if (refreshToken === undefined) {
      throw new EsiaError('REFRESH_UNAVAILABLE', 'ESIA session has no refresh_token: log the user in again', {
        hint: {
          ru: 'refresh_token выдаётся только при access_type=offline.',
          en: 'A refresh_token is issued only with access_type=offline.',
        },
      });
    }
    const next = await refreshTokens(context, refreshToken, {
      ...(options.scopes
        ? { scopes: options.scopes }
        : tokens.scopes.length > 0
          ? { scopes: tokens.scopes }
          : {}),
      ...(options.scopeOrg === undefined ? {} : { scopeOrg: options.scopeOrg }),
    });
    // ESIA may not repeat the refresh token; keep the old one then.
    tokens = { ...next, refreshToken: next.refreshToken ?? refreshToken, oid: next.oid ?? tokens.oid };
    await options.onRefresh?.(tokens);
    return tokens;
  };
  const provider = createTokenProvider({
    clock: context.clock,
    ...(options.refreshAheadMs === undefined ? {} : { refreshAheadMs: options.refreshAheadMs }),
    fetchToken: async (reason) => {
      // The first call hands out the tokens we already have, without a request.
      if (reason === 'initial' && !handedOut && tokens.expiresAt.getTime() > context.now()) {
        handedOut = true;
        return { token: tokens.accessToken, expiresAt: tokens.expiresAt };
      }
      const next = await doRefresh();
      return { token: next.accessToken, expiresAt: next.expiresAt };
    },
  });
  return {
    get tokens() {
      return tokens;
    },
    get oid() {
      return tokens.oid;
    },
    getAccessToken: () => provider.getToken(),
    refresh: async () => {
      await provider.forceRefresh();
      return tokens;
    },
    tokenProvider: provider,
  };
}
