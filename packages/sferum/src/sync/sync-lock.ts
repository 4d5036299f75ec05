/**
 * One apply per school at a time. The default lock lives in the sync object (one process); a lock
 * over a shared `KeyValueStore` (Redis) covers several instances: `setIfAbsent` with a TTL, so a
 * crashed holder frees the school when the TTL ends.
 */
import type { KeyValueStore } from '@goskit/core';

export interface SyncLock {
  /** A release function, or undefined when another run holds the scope. */
  acquire(scope: string, ttlMs: number): Promise<(() => Promise<void>) | undefined>;
}

export function memorySyncLock(): SyncLock {
  const held = new Set<string>();
  return {
    async acquire(scope) {
      if (held.has(scope)) {
        return undefined;
      }
      held.add(scope);
      return async () => {
        held.delete(scope);
      };
    },
  };
}

export function keyValueSyncLock(store: KeyValueStore, prefix = 'goskit:sferum:lock:'): SyncLock {
  return {
    async acquire(scope, ttlMs) {
      const owner = crypto.randomUUID();
      const key = prefix + scope;
      if (!(await store.setIfAbsent(key, owner, { ttlMs }))) {
        return undefined;
      }
      return async () => {
        // Not atomic: a holder whose TTL ran out could delete a successor's lock in this gap; keep
        // the TTL well above a school's apply time.
        if ((await store.get(key)) === owner) {
          await store.delete(key);
        }
      };
    },
  };
}
