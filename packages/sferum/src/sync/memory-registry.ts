/** `ChatRegistry` in memory: copies in and out, so a caller's object never aliases the stored one. */
import type { ChatRegistry, RegistryEntry } from './registry.js';

export class MemoryChatRegistry implements ChatRegistry {
  readonly #scopes = new Map<string, Map<string, RegistryEntry>>();

  async list(scope: string): Promise<RegistryEntry[]> {
    return [...(this.#scopes.get(scope)?.values() ?? [])].map((entry) => structuredClone(entry));
  }

  async get(scope: string, key: string): Promise<RegistryEntry | undefined> {
    const entry = this.#scopes.get(scope)?.get(key);
    return entry ? structuredClone(entry) : undefined;
  }

  async put(scope: string, entry: RegistryEntry): Promise<void> {
    let entries = this.#scopes.get(scope);
    if (!entries) {
      entries = new Map();
      this.#scopes.set(scope, entries);
    }
    entries.set(entry.key, structuredClone(entry));
  }

  async remove(scope: string, key: string): Promise<boolean> {
    return this.#scopes.get(scope)?.delete(key) ?? false;
  }
}
