/**
 * `ChatRegistry` over core's `KeyValueStore` (Redis through @goskit/redis): one record per chat and
 * an index of keys per scope. The index is written before a new record and cleaned after a removal,
 * so a crash between the two leaves an index key without a record (skipped), never a record that
 * `list` cannot find. Writers of one scope are serialised by the sync lock.
 */
import type { KeyValueStore } from '@goskit/core';
import type { ChatRegistry, RegistryEntry } from './registry.js';

export interface KeyValueChatRegistryOptions {
  /** Default 'goskit:sferum:registry:'. */
  prefix?: string;
}

export class KeyValueChatRegistry implements ChatRegistry {
  readonly #store: KeyValueStore;
  readonly #prefix: string;
  /** Index updates of a scope, one after another (chats of one apply run in parallel). */
  readonly #indexQueue = new Map<string, Promise<unknown>>();

  constructor(store: KeyValueStore, options: KeyValueChatRegistryOptions = {}) {
    this.#store = store;
    this.#prefix = options.prefix ?? 'goskit:sferum:registry:';
  }

  async list(scope: string): Promise<RegistryEntry[]> {
    const keys = await this.#index(scope);
    const entries: RegistryEntry[] = [];
    for (const key of keys) {
      const entry = await this.get(scope, key);
      if (entry) {
        entries.push(entry);
      }
    }
    return entries;
  }

  async get(scope: string, key: string): Promise<RegistryEntry | undefined> {
    const value = await this.#store.get(this.#entryKey(scope, key));
    return isEntry(value) ? structuredClone(value) : undefined;
  }

  async put(scope: string, entry: RegistryEntry): Promise<void> {
    await this.#updateIndex(scope, (keys) => (keys.includes(entry.key) ? undefined : [...keys, entry.key]));
    await this.#store.set(this.#entryKey(scope, entry.key), structuredClone(entry));
  }

  async remove(scope: string, key: string): Promise<boolean> {
    const removed = await this.#store.delete(this.#entryKey(scope, key));
    await this.#updateIndex(scope, (keys) =>
      keys.includes(key) ? keys.filter((other) => other !== key) : undefined,
    );
    return removed;
  }

  /** Read-modify-write of the index, queued per scope; `change` returns undefined for "no change". */
  async #updateIndex(scope: string, change: (keys: string[]) => string[] | undefined): Promise<void> {
    const previous = this.#indexQueue.get(scope) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const updated = change(await this.#index(scope));
        if (updated !== undefined) {
          await this.#store.set(this.#indexKey(scope), updated);
        }
      });
    this.#indexQueue.set(scope, next);
    try {
      await next;
    } finally {
      if (this.#indexQueue.get(scope) === next) {
        this.#indexQueue.delete(scope);
      }
    }
  }

  async #index(scope: string): Promise<string[]> {
    const value = await this.#store.get(this.#indexKey(scope));
    return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
  }

  #indexKey(scope: string): string {
    return `${this.#prefix}${scope}:index`;
  }

  #entryKey(scope: string, key: string): string {
    return `${this.#prefix}${scope}:chat:${key}`;
  }
}

function isEntry(value: unknown): value is RegistryEntry {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const entry = value as Record<string, unknown>;
  return typeof entry.key === 'string' && typeof entry.state === 'string' && typeof entry.title === 'string';
}
