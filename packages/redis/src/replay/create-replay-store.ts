/**
 * A replay cache for webhook verification shared by every instance: @goskit/crypto's
 * `createWebhookVerifier(secret, { replayStore })` calls `setIfAbsent(id, true, { ttlMs })`, which
 * here is one `SET NX PX` — two instances receiving the same delivery cannot both accept it. Redis
 * down: `setIfAbsent` throws, so the webhook is refused (fail closed), never accepted unchecked.
 */
import type { KeyValueStore } from '@goskit/core';
import type { ConnectRedisOptions, RedisSource } from '../connection/connect-redis.js';
import { RedisStore } from '../store/redis-store.js';

export interface ReplayStoreOptions extends ConnectRedisOptions {
  redis: RedisSource;
  /** Namespace. Default 'goskit:replay:'. */
  prefix?: string;
}

export interface ReplayStore extends KeyValueStore<unknown> {
  /** True the first time `id` is seen within `ttlMs`, false for a repeat. */
  firstSeen(id: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export function createReplayStore(options: ReplayStoreOptions): ReplayStore {
  const store = new RedisStore<unknown>({ ...options, prefix: options.prefix ?? 'goskit:replay:' });
  return {
    get: (key) => store.get(key),
    set: (key, value, writeOptions) => store.set(key, value, writeOptions),
    setIfAbsent: (key, value, writeOptions) => store.setIfAbsent(key, value, writeOptions),
    take: (key) => store.take(key),
    delete: (key) => store.delete(key),
    clear: () => store.clear(),
    firstSeen: (id, ttlMs) => store.setIfAbsent(id, true, { ttlMs }),
    close: () => store.close(),
  };
}
