import { type Clock, clockFrom } from '../util/clock.js';
import type { KeyValueStore, StoreWriteOptions } from './key-value-store.js';

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  /** What time it is (TTLs). Default: the system clock; the simulator's clock fits as it is. */
  clock?: Clock;
  /** @deprecated Renamed `clock` (`clock: { now }`); `now` goes away in the next minor release. */
  now?: () => number;
  /** Upper bound on entries; the oldest are evicted first. Default 100 000. */
  maxEntries?: number;
}

/** In-process `KeyValueStore`: TTL checked lazily on read, bounded by `maxEntries` (insertion order). */
export class MemoryStore<V = unknown> implements KeyValueStore<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #clock: Clock;
  readonly #maxEntries: number;

  constructor(options: MemoryStoreOptions = {}) {
    this.#clock = clockFrom(options, 'MemoryStore');
    this.#maxEntries = options.maxEntries ?? 100_000;
  }

  get size(): number {
    return this.#entries.size;
  }

  async get(key: string): Promise<V | undefined> {
    return this.#live(key)?.value;
  }

  async set(key: string, value: V, options?: StoreWriteOptions): Promise<void> {
    this.#write(key, value, options);
  }

  async setIfAbsent(key: string, value: V, options?: StoreWriteOptions): Promise<boolean> {
    if (this.#live(key)) {
      return false;
    }
    this.#write(key, value, options);
    return true;
  }

  async take(key: string): Promise<V | undefined> {
    const entry = this.#live(key);
    if (entry) {
      this.#entries.delete(key);
    }
    return entry?.value;
  }

  async delete(key: string): Promise<boolean> {
    return this.#entries.delete(key);
  }

  async clear(): Promise<void> {
    this.#entries.clear();
  }

  #live(key: string): Entry<V> | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.#clock.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #write(key: string, value: V, options?: StoreWriteOptions): void {
    const ttl = options?.ttlMs;
    if (ttl !== undefined && (!Number.isFinite(ttl) || ttl <= 0)) {
      throw new RangeError(`ttlMs must be a positive number of milliseconds, got ${ttl}`);
    }
    this.#entries.delete(key);
    this.#entries.set(key, {
      value,
      expiresAt: ttl === undefined ? Number.POSITIVE_INFINITY : this.#clock.now() + ttl,
    });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.#entries.delete(oldest);
    }
  }
}
