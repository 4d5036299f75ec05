/**
 * core's `TokenProvider` shared by every instance: the token lives in Redis, and a refresh lease
 * makes sure only one instance asks the portal for a new one while the others wait for it and pick
 * it up (a refresh token that rotates — ESIA's does — survives only if it is used once). Within an
 * instance, callers share one refresh as with core's `createTokenProvider`.
 *
 * Redis down: a token this instance still holds and that has not expired is used; otherwise the
 * call fails with RedisUnavailableError (default) or, with `whenUnavailable: 'fetch-locally'`, the
 * instance refreshes on its own (accepting that another may do the same).
 */
import {
  type Clock,
  type FetchedToken,
  InvalidOptionsError,
  type Logger,
  TokenExpiredError,
  type TokenFetchReason,
  type TokenProvider,
} from '@goskit/core';
import { type ConnectRedisOptions, connectRedis, type RedisSource } from '../connection/connect-redis.js';
import { checkKey, checkPrefix } from '../connection/keys.js';
import type { RedisConnection } from '../connection/redis-connection.js';
import { GoskitRedisError } from '../errors/goskit-redis-error.js';
import { isRedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { createLeaseManager } from '../lease/create-lease-manager.js';
import { RedisStore } from '../store/redis-store.js';
import type { ValueCodec } from '../store/value-codec.js';

/** What is shared: the token, its expiry, and whatever `fetchToken` needs next time (a refresh token). */
export interface SharedToken<D = unknown> {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
  /** E.g. ESIA's rotating refresh token or the whole token set. Stored with the token. */
  data: D | undefined;
  /** Changes with every refresh. */
  version: string;
  /** Epoch ms of the refresh that produced it. */
  fetchedAt: number;
}

export interface FetchedSharedToken<D = unknown> extends FetchedToken {
  data?: D;
}

export interface SharedTokenProviderOptions<D = unknown> extends ConnectRedisOptions {
  /** A redis:// URL, your node-redis or ioredis client, or a `connectRedis()` connection. */
  redis: RedisSource;
  /** Which token: one name per credential (e.g. `esia:system`, `esia:user:<oid>`). */
  name: string;
  /**
   * Gets a new token. `previous` is the shared record (its `data` holds what you stored: the refresh
   * token the last instance received). Called by one instance at a time per name.
   */
  fetchToken: (
    reason: TokenFetchReason,
    previous: SharedToken<D> | undefined,
  ) => Promise<FetchedSharedToken<D>>;
  /** Refresh this long before expiry (capped at half the lifetime). Default 5 min. */
  refreshAheadMs?: number;
  /** The refresh lease: how long one instance may take to refresh before another may try, ms. Default 30 000. */
  leaseMs?: number;
  /** How long a caller waits for another instance's refresh, ms. Default leaseMs + 5000. */
  waitTimeoutMs?: number;
  /** How often a waiting instance looks for the new token, ms. Default 50. */
  pollMs?: number;
  /**
   * How long the record stays in Redis after the token expires, ms: its `data` (a refresh token)
   * is what the next refresh needs. Default 24 h.
   */
  keepAfterExpiryMs?: number;
  /** Namespace. Default 'goskit:token:'. */
  prefix?: string;
  /**
   * Redis down with no valid token in hand: 'fail' (default) throws RedisUnavailableError;
   * 'fetch-locally' refreshes in this instance alone.
   */
  whenUnavailable?: 'fail' | 'fetch-locally';
  /**
   * How the record is stored. Default: tagged JSON. Tokens are secrets: pass a codec that encrypts
   * (e.g. with @goskit/crypto's field encryption) when Redis is not trusted with them.
   */
  codec?: ValueCodec<SharedToken<D>>;
  clock?: Clock;
  logger?: Partial<Logger>;
}

export interface SharedTokenProvider<D = unknown> extends TokenProvider {
  /** The shared record as Redis holds it now. */
  read(): Promise<SharedToken<D> | undefined>;
  /** Stores a token you already have (after a login) for every instance. */
  seed(token: FetchedSharedToken<D>): Promise<SharedToken<D>>;
  /** Removes the shared token everywhere (logout); `clear()` does this in the background. */
  clearShared(): Promise<void>;
  readonly connection: RedisConnection;
  close(): Promise<void>;
}

interface Current<D> {
  record: SharedToken<D>;
  refreshAt: number;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function positive(field: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new InvalidOptionsError(`${field} must be a positive number of milliseconds, got ${value}`);
  }
  return value;
}

export function createSharedTokenProvider<D = unknown>(
  options: SharedTokenProviderOptions<D>,
): SharedTokenProvider<D> {
  if (typeof options.fetchToken !== 'function') {
    throw new InvalidOptionsError('fetchToken must be a function');
  }
  const name = checkKey('name', options.name);
  const prefix = checkPrefix(options.prefix ?? 'goskit:token:');
  const clock = options.clock ?? { now: () => Date.now() };
  const refreshAheadMs = options.refreshAheadMs ?? 300_000;
  const leaseMs = positive('leaseMs', options.leaseMs ?? 30_000);
  const waitTimeoutMs = positive('waitTimeoutMs', options.waitTimeoutMs ?? leaseMs + 5000);
  const pollMs = positive('pollMs', options.pollMs ?? 50);
  const whenUnavailable = options.whenUnavailable ?? 'fail';
  const keepAfterExpiryMs = options.keepAfterExpiryMs ?? 86_400_000;
  if (!(Number.isFinite(keepAfterExpiryMs) && keepAfterExpiryMs >= 0)) {
    throw new InvalidOptionsError('keepAfterExpiryMs must be a number of milliseconds >= 0');
  }
  const connection = connectRedis(options.redis, options);
  const store = new RedisStore<SharedToken<D>>({
    redis: connection,
    prefix,
    ...(options.codec ? { codec: options.codec } : {}),
  });
  const leases = createLeaseManager({ redis: connection, prefix: `${prefix}lease:` });
  const recordKey = `{${name}}:record`;

  let current: Current<D> | undefined;
  let pending: Promise<SharedToken<D>> | undefined;

  const refreshAtOf = (record: SharedToken<D>) =>
    record.expiresAt - Math.min(refreshAheadMs, Math.max(0, (record.expiresAt - record.fetchedAt) / 2));
  const adopt = (record: SharedToken<D>): SharedToken<D> => {
    if (!current || current.record.version !== record.version) {
      current = { record, refreshAt: refreshAtOf(record) };
    }
    return record;
  };
  const fresh = (record: SharedToken<D> | undefined): record is SharedToken<D> =>
    record !== undefined && clock.now() < refreshAtOf(record);
  const usable = (record: SharedToken<D> | undefined): record is SharedToken<D> =>
    record !== undefined && clock.now() < record.expiresAt;

  const toRecord = (fetched: FetchedSharedToken<D>, fetchedAt: number): SharedToken<D> => {
    const expiresAt = typeof fetched.expiresAt === 'number' ? fetched.expiresAt : fetched.expiresAt.getTime();
    if (typeof fetched.token !== 'string' || fetched.token.length === 0 || !Number.isFinite(expiresAt)) {
      throw new InvalidOptionsError('fetchToken must return { token: non-empty string, expiresAt }');
    }
    return {
      token: fetched.token,
      expiresAt,
      data: fetched.data,
      version: globalThis.crypto.randomUUID(),
      fetchedAt,
    };
  };

  const write = async (record: SharedToken<D>) => {
    const ttlMs = record.expiresAt + keepAfterExpiryMs - clock.now();
    if (ttlMs > 0) {
      await store.set(recordKey, record, { ttlMs });
    }
  };

  /** One instance refreshes under the lease; the others watch the record until it changes. */
  const refreshShared = async (
    reason: TokenFetchReason,
    stale: SharedToken<D> | undefined,
  ): Promise<SharedToken<D>> => {
    const started = clock.now();
    const isNewer = (record: SharedToken<D> | undefined): record is SharedToken<D> =>
      record !== undefined && record.version !== stale?.version && usable(record);
    for (;;) {
      const outcome = await leases.run(
        name,
        async (_lease, lost) => {
          // Someone may have refreshed between our read and our lease.
          const latest = await store.get(recordKey);
          if (isNewer(latest)) {
            return latest;
          }
          const fetchedAt = clock.now();
          const record = toRecord(await options.fetchToken(reason, latest ?? stale), fetchedAt);
          if (lost.aborted) {
            // Our lease ran out while fetching: another instance may be refreshing now. Use the token,
            // do not overwrite theirs.
            options.logger?.warn?.('token refresh outlived its lease; the new token was not shared', {
              name,
            });
            return record;
          }
          await write(record);
          return record;
        },
        { ttlMs: leaseMs },
      );
      if (outcome.ran) {
        return outcome.value;
      }
      // Another instance holds the lease: wait for its token.
      await delay(pollMs);
      const latest = await store.get(recordKey);
      if (isNewer(latest)) {
        return latest;
      }
      if (clock.now() - started > waitTimeoutMs) {
        throw new GoskitRedisError(
          'REFRESH_WAIT_TIMEOUT',
          `Waited ${waitTimeoutMs} ms for another instance to refresh token "${name.slice(0, 80)}"`,
          {
            hint: {
              ru: 'Другой экземпляр держит аренду обновления токена и не записал новый токен.',
              en: 'Another instance holds the refresh lease and has not stored a new token.',
            },
          },
        );
      }
    }
  };

  const refreshLocally = async (reason: TokenFetchReason, stale: SharedToken<D> | undefined) =>
    toRecord(await options.fetchToken(reason, stale), clock.now());

  /** Single flight inside the instance. */
  const refresh = (reason: TokenFetchReason, stale: SharedToken<D> | undefined): Promise<SharedToken<D>> => {
    pending ??= (async () => {
      try {
        return adopt(await refreshShared(reason, stale));
      } catch (error) {
        if (isRedisUnavailableError(error) && whenUnavailable === 'fetch-locally') {
          options.logger?.warn?.('Redis unavailable: refreshing the token in this instance alone', { name });
          return adopt(await refreshLocally(reason, stale));
        }
        throw error;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };

  const readShared = async (): Promise<SharedToken<D> | undefined> => {
    const record = await store.get(recordKey);
    return record === undefined ? undefined : adopt(record);
  };

  const valid = (record: SharedToken<D>): string => {
    if (usable(record)) {
      return record.token;
    }
    throw new TokenExpiredError();
  };

  return {
    connection,
    async getToken() {
      if (current && clock.now() < current.refreshAt) {
        return current.record.token;
      }
      if (pending) {
        return valid(await pending);
      }
      let shared: SharedToken<D> | undefined;
      try {
        shared = await readShared();
      } catch (error) {
        if (isRedisUnavailableError(error) && current && usable(current.record)) {
          return current.record.token; // still valid: no need to ask anyone
        }
        if (!(isRedisUnavailableError(error) && whenUnavailable === 'fetch-locally')) {
          throw error;
        }
      }
      if (fresh(shared)) {
        return shared.token;
      }
      const stale = shared ?? current?.record;
      const at = clock.now();
      const reason: TokenFetchReason = stale ? (at < stale.expiresAt ? 'expiring' : 'expired') : 'initial';
      try {
        return valid(await refresh(reason, stale));
      } catch (error) {
        // A failed refresh-ahead is not fatal while the old token still works.
        if (stale && usable(stale)) {
          return stale.token;
        }
        throw error;
      }
    },
    async forceRefresh(rejectedToken) {
      const shared = await readShared().catch((error: unknown) => {
        if (isRedisUnavailableError(error) && whenUnavailable === 'fetch-locally') {
          return undefined;
        }
        throw error;
      });
      if (rejectedToken !== undefined && shared && shared.token !== rejectedToken && usable(shared)) {
        return shared.token; // another instance already replaced the rejected token
      }
      // The current token was refused: a newer one is what we wait for, whatever its expiry says.
      const stale = shared ?? current?.record;
      return valid(await refresh('forced', stale));
    },
    clear() {
      current = undefined;
      store.delete(recordKey).catch((error: unknown) => {
        options.logger?.warn?.('could not remove the shared token', {
          error: error instanceof GoskitRedisError ? error.code : 'unknown',
        });
      });
    },
    peek() {
      return current ? { token: current.record.token, expiresAt: current.record.expiresAt } : undefined;
    },
    read: () => store.get(recordKey),
    async seed(token) {
      const record = adopt(toRecord(token, clock.now()));
      await write(record);
      return record;
    },
    async clearShared() {
      current = undefined;
      await store.delete(recordKey);
    },
    close: () => connection.close(),
  };
}
