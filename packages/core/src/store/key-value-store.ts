/** Options for writes: `ttlMs` makes the entry expire; omitted means it lives until deleted. */
export interface StoreWriteOptions {
  ttlMs?: number;
}

/**
 * Async key-value store with TTL. Used for OAuth state, limiter buckets, dedupe and replay caches.
 * The in-memory implementation serves one process; a shared implementation (Redis) lets several
 * instances cooperate — every method is async so both fit.
 */
export interface KeyValueStore<V = unknown> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, options?: StoreWriteOptions): Promise<void>;
  /** Writes only when the key is absent (or expired). Returns true when written — atomic, for replay checks. */
  setIfAbsent(key: string, value: V, options?: StoreWriteOptions): Promise<boolean>;
  /** Reads and removes in one step — for single-use values such as OAuth state. */
  take(key: string): Promise<V | undefined>;
  delete(key: string): Promise<boolean>;
  clear(): Promise<void>;
}
