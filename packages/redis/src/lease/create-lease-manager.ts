/**
 * Leases with fencing tokens on Redis: at most one instance runs a chat sync or a Параграф task at
 * a time, a crashed holder's lease simply expires, and a holder that stalled past its ttl is told
 * (LeaseLostError, an aborted signal) instead of silently running alongside the next one.
 */
import { AbortError, type Clock, InvalidOptionsError } from '@goskit/core';
import { type ConnectRedisOptions, connectRedis, type RedisSource } from '../connection/connect-redis.js';
import { checkKey, checkPrefix } from '../connection/keys.js';
import type { RedisConnection } from '../connection/redis-connection.js';
import { GoskitRedisError } from '../errors/goskit-redis-error.js';
import { LeaseLostError } from '../errors/lease-lost-error.js';
import { RedisCommandError } from '../errors/redis-command-error.js';
import { heldLease, type Lease, type LeaseKeys } from './lease.js';
import { ACQUIRE_LEASE } from './lease-scripts.js';

export interface LeaseManagerOptions extends ConnectRedisOptions {
  /** A redis:// URL, your node-redis or ioredis client, or a `connectRedis()` connection. */
  redis: RedisSource;
  /** Namespace of the lease keys. Default 'goskit:lease:'. */
  prefix?: string;
  /** This instance's id in the lease value. Default: a random UUID per manager. */
  owner?: string;
  /** Local time for `expiresAt`. Default: the system clock. */
  clock?: Clock;
}

export interface AcquireLeaseOptions {
  /** How long the lease lasts unless renewed, ms. */
  ttlMs: number;
  /** Keep trying this long while another instance holds it, ms. Default 0 (one try). */
  waitMs?: number;
  /** Pause between tries while waiting, ms. Default min(250, ttlMs / 4). */
  retryEveryMs?: number;
  signal?: AbortSignal;
}

export interface RunWithLeaseOptions extends AcquireLeaseOptions {
  /** Renew this often while the task runs, ms. Default ttlMs / 3. */
  renewEveryMs?: number;
}

export type LeaseRun<T> = { ran: true; value: T; fencingToken: number } | { ran: false };

export interface LeaseHolder {
  owner: string;
  fencingToken: number;
  /** Time left, ms. */
  ttlMs: number;
}

export interface LeaseManager {
  readonly owner: string;
  readonly connection: RedisConnection;
  /** The lease, or undefined when another instance holds it (after `waitMs`). */
  acquire(name: string, options: AcquireLeaseOptions): Promise<Lease | undefined>;
  /**
   * Runs `task` under the lease, renewing it; `signal` aborts when the lease is lost (renew failed
   * or Redis stayed unreachable until the lease would have expired). `{ ran: false }` when busy.
   */
  run<T>(
    name: string,
    task: (lease: Lease, signal: AbortSignal) => Promise<T>,
    options: RunWithLeaseOptions,
  ): Promise<LeaseRun<T>>;
  /** Who holds `name` now, if anyone. */
  holder(name: string): Promise<LeaseHolder | undefined>;
  /** The highest fencing token issued for `name` (0 when never acquired). */
  latestFencingToken(name: string): Promise<number>;
  close(): Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError('Waiting for a lease was aborted', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function positive(field: string, value: number | undefined): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 1)) {
    throw new InvalidOptionsError(`${field} must be a number of milliseconds >= 1, got ${value}`);
  }
  return value;
}

export function createLeaseManager(options: LeaseManagerOptions): LeaseManager {
  const prefix = checkPrefix(options.prefix ?? 'goskit:lease:');
  const owner = options.owner ?? globalThis.crypto.randomUUID();
  if (typeof owner !== 'string' || owner.length === 0 || owner.length > 200) {
    throw new InvalidOptionsError('owner must be a non-empty string of at most 200 characters');
  }
  const clock = options.clock;
  const now = clock ? () => clock.now() : () => Date.now();
  const connection = connectRedis(options.redis, options);
  // One hash tag per name: both keys land in one Redis Cluster slot.
  const keysOf = (name: string): LeaseKeys => {
    checkKey('lease name', name);
    return { held: `${prefix}{${name}}:held`, fence: `${prefix}{${name}}:fence` };
  };

  const tryOnce = async (name: string, keys: LeaseKeys, ttlMs: number) => {
    const reply = await connection.run(
      ACQUIRE_LEASE,
      [keys.held, keys.fence],
      [owner, String(Math.ceil(ttlMs))],
      {
        operation: 'lease.acquire',
      },
    );
    if (!Array.isArray(reply) || typeof reply[1] !== 'number') {
      throw new RedisCommandError('lease.acquire', 'ERR unexpected reply');
    }
    return reply[0] === 1 ? heldLease(connection, keys, name, owner, reply[1], ttlMs, now) : undefined;
  };

  const acquire = async (name: string, acquireOptions: AcquireLeaseOptions): Promise<Lease | undefined> => {
    const keys = keysOf(name);
    const ttlMs = positive('ttlMs', acquireOptions.ttlMs);
    const waitMs = acquireOptions.waitMs ?? 0;
    const retryMs = acquireOptions.retryEveryMs ?? Math.max(1, Math.min(250, ttlMs / 4));
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (acquireOptions.signal?.aborted) {
        throw new AbortError('Waiting for a lease was aborted', { cause: acquireOptions.signal.reason });
      }
      const lease = await tryOnce(name, keys, ttlMs);
      if (lease || Date.now() + retryMs > deadline) {
        return lease;
      }
      await sleep(retryMs, acquireOptions.signal);
    }
  };

  const run = async <T>(
    name: string,
    task: (lease: Lease, signal: AbortSignal) => Promise<T>,
    runOptions: RunWithLeaseOptions,
  ): Promise<LeaseRun<T>> => {
    const lease = await acquire(name, runOptions);
    if (!lease) {
      return { ran: false };
    }
    const ttlMs = runOptions.ttlMs;
    const every = positive('renewEveryMs', runOptions.renewEveryMs ?? Math.max(1, Math.floor(ttlMs / 3)));
    const lost = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const renewLoop = () => {
      timer = setTimeout(async () => {
        try {
          // A renew never outlives the lease: past its end the lease is lost whatever Redis says.
          const left = lease.expiresAt - now();
          if (left <= 0) {
            throw new LeaseLostError(name, lease.fencingToken, 'renew');
          }
          await lease.renew(ttlMs, Math.min(connection.timeoutMs, left));
        } catch (error) {
          // Unreachable Redis: keep trying while the lease may still be ours; lost once it cannot be.
          const retryable = error instanceof GoskitRedisError && error.code !== 'LEASE_LOST';
          if (!retryable || now() + every >= lease.expiresAt) {
            lost.abort(error);
            return;
          }
        }
        if (!lost.signal.aborted) {
          renewLoop();
        }
      }, every);
    };
    renewLoop();
    try {
      const value = await task(lease, lost.signal);
      return { ran: true, value, fencingToken: lease.fencingToken };
    } finally {
      clearTimeout(timer);
      if (!lost.signal.aborted) {
        await lease.release().catch(() => false); // it expires by itself if Redis is unreachable
      }
    }
  };

  return {
    owner,
    connection,
    acquire,
    run,
    async holder(name) {
      const keys = keysOf(name);
      const [value, ttl] = await Promise.all([
        connection.send(['GET', keys.held], { operation: 'lease.holder' }),
        connection.send(['PTTL', keys.held], { operation: 'lease.holder' }),
      ]);
      if (typeof value !== 'string') {
        return undefined;
      }
      const split = value.lastIndexOf(':');
      return {
        owner: value.slice(0, split),
        fencingToken: Number(value.slice(split + 1)),
        ttlMs: typeof ttl === 'number' ? Math.max(0, ttl) : 0,
      };
    },
    async latestFencingToken(name) {
      const value = await connection.send(['GET', keysOf(name).fence], { operation: 'lease.fence' });
      return typeof value === 'string' ? Number(value) : 0;
    },
    close: () => connection.close(),
  };
}
