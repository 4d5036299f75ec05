/**
 * The Redis lease manager in the two shapes goskit's portal packages take, so several instances share
 * them without this package depending on either (both are structural):
 * - `taskLeases(manager)` → @goskit/paragraf's `LeaseManager` (the task runner's one run per school),
 *   `{ key, token, renew(ttl): boolean, release() }`;
 * - `syncLock(manager)` → @goskit/sferum's `SyncLock` (one apply per school), a release function —
 *   released atomically, unlike the key-value lock, which can delete a successor's lock after a TTL.
 */
import { LeaseLostError } from '../errors/lease-lost-error.js';
import type { LeaseManager } from './create-lease-manager.js';

export interface TaskLease {
  readonly key: string;
  /** The fencing token: grows with every grant of the key. */
  readonly token: number;
  /** False when the lease was lost (expired and taken, or released). */
  renew(ttlMs: number): Promise<boolean>;
  release(): Promise<void>;
}

export interface TaskLeases {
  acquire(key: string, ttlMs: number): Promise<TaskLease | undefined>;
}

export function taskLeases(manager: LeaseManager): TaskLeases {
  return {
    async acquire(key, ttlMs) {
      const lease = await manager.acquire(key, { ttlMs });
      if (lease === undefined) {
        return undefined;
      }
      return {
        key,
        token: lease.fencingToken,
        async renew(nextTtlMs) {
          try {
            await lease.renew(nextTtlMs);
            return true;
          } catch (error) {
            if (error instanceof LeaseLostError) {
              return false;
            }
            throw error;
          }
        },
        async release() {
          await lease.release();
        },
      };
    },
  };
}

export interface SyncLockShape {
  acquire(scope: string, ttlMs: number): Promise<(() => Promise<void>) | undefined>;
}

export function syncLock(manager: LeaseManager): SyncLockShape {
  return {
    async acquire(scope, ttlMs) {
      const lease = await manager.acquire(scope, { ttlMs });
      if (lease === undefined) {
        return undefined;
      }
      return async () => {
        await lease.release();
      };
    },
  };
}
