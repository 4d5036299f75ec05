/**
 * One held lease: its fencing token, renew and release. Renew and release never assume: when the
 * key no longer holds our value (expired, taken over) they report it — renew throws LeaseLostError,
 * release answers false.
 */
import type { RedisConnection } from '../connection/redis-connection.js';
import { LeaseLostError } from '../errors/lease-lost-error.js';
import { RELEASE_LEASE, RENEW_LEASE } from './lease-scripts.js';

export interface Lease {
  readonly name: string;
  /** Who holds it: the manager's owner id. */
  readonly owner: string;
  /**
   * Grows with every acquisition of this name. Pass it along with every write the lease guards; the
   * resource keeps the highest token it has seen and refuses lower ones.
   */
  readonly fencingToken: number;
  /** When the lease ends unless renewed, epoch ms by this process' clock (an estimate: Redis decides). */
  readonly expiresAt: number;
  /**
   * Extends the lease to `ttlMs` from now (default: its ttl). Throws LeaseLostError when it is gone.
   * `timeoutMs` bounds this call (default: the connection's deadline).
   */
  renew(ttlMs?: number, timeoutMs?: number): Promise<void>;
  /** Gives it up; false when it was no longer ours. */
  release(): Promise<boolean>;
  /** Asks Redis whether the lease is still ours. */
  isHeld(): Promise<boolean>;
}

export interface LeaseKeys {
  held: string;
  fence: string;
}

export function heldLease(
  connection: RedisConnection,
  keys: LeaseKeys,
  name: string,
  owner: string,
  fencingToken: number,
  ttlMs: number,
  now: () => number,
): Lease {
  const value = `${owner}:${fencingToken}`;
  let expiresAt = now() + ttlMs;
  return {
    name,
    owner,
    fencingToken,
    get expiresAt() {
      return expiresAt;
    },
    async renew(nextTtlMs = ttlMs, timeoutMs = connection.timeoutMs) {
      const started = now();
      const renewed = await connection.run(RENEW_LEASE, [keys.held], [value, String(Math.ceil(nextTtlMs))], {
        operation: 'lease.renew',
        timeoutMs,
      });
      if (renewed !== 1) {
        throw new LeaseLostError(name, fencingToken, 'renew');
      }
      expiresAt = started + nextTtlMs;
    },
    async release() {
      const released = await connection.run(RELEASE_LEASE, [keys.held], [value], {
        operation: 'lease.release',
      });
      expiresAt = now();
      return released === 1;
    },
    async isHeld() {
      return (await connection.send(['GET', keys.held], { operation: 'lease.check' })) === value;
    },
  };
}
