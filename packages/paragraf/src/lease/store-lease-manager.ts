/**
 * Leases over a core `KeyValueStore`: a grant is `setIfAbsent(lease key, {owner, token}, ttl)` —
 * atomic in every store, so two runners never both get the key. The fencing token is claimed the
 * same way (`setIfAbsent` on `fence:<n>`, the first free n above the last counter), so tokens only
 * grow. Renew and release are check-then-write: safe while the holder renews well before the TTL
 * (the runner renews at a third of it); a store with atomic compare-and-set (Redis) closes that gap.
 */
import type { KeyValueStore } from '@goskit/core';
import { ParagrafError } from '../errors/paragraf-error.js';
import type { LeaseManager } from './lease.js';

interface LeaseRecord {
  owner: string;
  token: number;
}

/** How long claimed fencing numbers are remembered: far beyond any lease. */
const FENCE_TTL_MS = 7 * 24 * 3600 * 1000;

export function createStoreLeaseManager(options: {
  store: KeyValueStore;
  keyPrefix?: string;
  owner?: string;
}): LeaseManager {
  const store = options.store;
  const prefix = options.keyPrefix ?? 'paragraf:lease:';
  const owner = options.owner ?? globalThis.crypto.randomUUID();

  const nextToken = async (key: string): Promise<number> => {
    const counterKey = `${prefix}${key}:fence`;
    let candidate = (((await store.get(counterKey)) as number | undefined) ?? 0) + 1;
    for (let tries = 0; tries < 1000; tries++, candidate++) {
      if (await store.setIfAbsent(`${counterKey}:${candidate}`, owner, { ttlMs: FENCE_TTL_MS })) {
        await store.set(counterKey, candidate);
        return candidate;
      }
    }
    throw new ParagrafError('LEASE_LOST', `Could not claim a fencing token for ${key}`);
  };

  return {
    async acquire(key, ttlMs) {
      if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
        throw new ParagrafError(
          'INVALID_ARGUMENT',
          `Lease TTL must be a positive number of ms, got ${ttlMs}`,
        );
      }
      const leaseKey = `${prefix}${key}`;
      const claim: LeaseRecord = { owner, token: 0 };
      if (!(await store.setIfAbsent(leaseKey, claim, { ttlMs }))) {
        return undefined;
      }
      const token = await nextToken(key);
      const record: LeaseRecord = { owner, token };
      await store.set(leaseKey, record, { ttlMs });
      const ours = async (): Promise<boolean> => {
        const current = (await store.get(leaseKey)) as LeaseRecord | undefined;
        return current !== undefined && current.owner === owner && current.token === token;
      };
      return {
        key,
        token,
        async renew(nextTtlMs) {
          if (!(await ours())) {
            return false;
          }
          await store.set(leaseKey, record, { ttlMs: nextTtlMs });
          return true;
        },
        async release() {
          if (await ours()) {
            await store.delete(leaseKey);
          }
        },
      };
    },
  };
}
