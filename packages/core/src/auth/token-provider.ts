import { TokenExpiredError } from '../errors/token-expired-error.js';
import type { Logger } from '../log/logger.js';
import { type Clock, clockFrom } from '../util/clock.js';
import { raceAbort } from '../util/race-abort.js';

/** Why a token is being fetched — lets `fetchToken` pick a grant (refresh_token vs client credentials). */
export type TokenFetchReason = 'initial' | 'expiring' | 'expired' | 'forced';

export interface FetchedToken {
  token: string;
  /** Expiry as epoch ms or Date. */
  expiresAt: number | Date;
}

export interface TokenProviderOptions {
  fetchToken: (reason: TokenFetchReason) => Promise<FetchedToken>;
  /** Refresh this long before expiry (capped at half the token's lifetime). Default 5 min. */
  refreshAheadMs?: number;
  /** What time it is (expiry checks). Default: the system clock; the simulator's clock fits as it is. */
  clock?: Clock;
  /** @deprecated Renamed `clock` (`clock: { now }`); `now` goes away in the next minor release. */
  now?: () => number;
  /** Where the deprecation warning of `now` goes. Default: a Node DeprecationWarning. */
  logger?: Partial<Logger>;
}

/** Options of one wait for a token. */
export interface TokenWaitOptions {
  /**
   * Stops this caller's wait (the transport passes its call's signal: total deadline + abort). The
   * shared fetch goes on for the other callers.
   */
  signal?: AbortSignal | undefined;
}

export interface TokenProvider {
  /**
   * A valid token; refreshes (single-flight) when missing, expired or about to expire. The transport
   * passes its call's signal; a provider of your own may ignore it (the transport stops waiting anyway).
   */
  getToken(options?: TokenWaitOptions): Promise<string>;
  /**
   * Fetches a new token now. Pass the token the portal rejected: when a newer one already replaced
   * it (another caller refreshed first), that one is returned instead of fetching again.
   */
  forceRefresh(rejectedToken?: string, options?: TokenWaitOptions): Promise<string>;
  /** Forget the current token (e.g. on logout). An in-flight fetch still lands unless superseded. */
  clear(): void;
  /** Current token and expiry, without refreshing. */
  peek(): { token: string; expiresAt: number } | undefined;
}

interface Current {
  token: string;
  expiresAt: number;
  refreshAt: number;
}

/**
 * Single-flight token cache (smithy memoizeIdentityProvider + jose reload sequence): concurrent
 * callers share one fetch, refresh happens ahead of expiry, and every fetch carries a sequence
 * number so an older, slower fetch can never overwrite a newer token.
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const clock = clockFrom(options, 'createTokenProvider', options.logger);
  const now = () => clock.now();
  const refreshAheadMs = options.refreshAheadMs ?? 300_000;
  let current: Current | undefined;
  let pending: Promise<void> | undefined;
  let pendingSeq = 0;
  let startedSeq = 0;
  let appliedSeq = 0;

  const start = (reason: TokenFetchReason): Promise<void> => {
    const seq = ++startedSeq;
    const fetchedAt = now();
    const run = (async () => {
      const result = await options.fetchToken(reason);
      if (seq <= appliedSeq) {
        return; // a newer fetch already landed
      }
      appliedSeq = seq;
      const expiresAt = typeof result.expiresAt === 'number' ? result.expiresAt : result.expiresAt.getTime();
      const ahead = Math.min(refreshAheadMs, Math.max(0, (expiresAt - fetchedAt) / 2));
      current = { token: result.token, expiresAt, refreshAt: expiresAt - ahead };
    })();
    pending = run;
    pendingSeq = seq;
    const settle = () => {
      if (pending === run) {
        pending = undefined;
      }
    };
    run.then(settle, settle);
    return run;
  };

  /** Awaits the newest in-flight fetch, following any that superseded it meanwhile. */
  const settled = async (): Promise<void> => {
    let awaited: Promise<void> | undefined;
    while (pending && pending !== awaited) {
      awaited = pending;
      try {
        await awaited;
      } catch (error) {
        if (pending && pending !== awaited) {
          continue; // a newer fetch is running; its outcome decides
        }
        throw error;
      }
    }
  };

  // An in-flight fetch older than the applied token cannot produce anything newer: do not join it.
  const useful = (): boolean => pending !== undefined && pendingSeq > appliedSeq;

  const valid = (): string => {
    if (current && now() < current.expiresAt) {
      return current.token;
    }
    throw new TokenExpiredError();
  };

  return {
    async getToken(waitOptions) {
      const at = now();
      if (current && at < current.refreshAt) {
        return current.token;
      }
      if (!useful()) {
        start(current ? (at < current.expiresAt ? 'expiring' : 'expired') : 'initial');
      }
      const signal = waitOptions?.signal;
      try {
        await raceAbort(settled(), signal);
      } catch (error) {
        if (signal?.aborted) {
          throw error; // this caller stopped waiting: no fallback to an old token
        }
        // A failed refresh-ahead is not fatal while the old token still works.
        if (current && now() < current.expiresAt) {
          return current.token;
        }
        throw error;
      }
      return valid();
    },
    async forceRefresh(rejectedToken, waitOptions) {
      if (rejectedToken !== undefined) {
        if (current && current.token !== rejectedToken && now() < current.expiresAt) {
          return current.token;
        }
        if (!useful()) {
          start('forced');
        }
      } else {
        start('forced');
      }
      await raceAbort(settled(), waitOptions?.signal);
      return valid();
    },
    clear() {
      current = undefined;
      appliedSeq = startedSeq; // anything in flight was asked for before the clear
    },
    peek() {
      return current ? { token: current.token, expiresAt: current.expiresAt } : undefined;
    },
  };
}
