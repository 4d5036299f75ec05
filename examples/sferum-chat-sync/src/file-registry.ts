/**
 * The school system's chat registry in a JSON file, so that a second run of the CLI knows the chats
 * the first one made (and a run killed half-way leaves its create intents for the next one). Every
 * write replaces the file through a temporary file and a rename, one write at a time. A stand-in for
 * the school system's database; `KeyValueChatRegistry` over Redis is the multi-instance choice.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ChatRegistry, RegistryEntry } from '@goskit/sferum';

interface RegistryFile {
  version: 1;
  scopes: Record<string, Record<string, RegistryEntry>>;
}

export class FileChatRegistry implements ChatRegistry {
  readonly #path: string;
  readonly #scopes = new Map<string, Map<string, RegistryEntry>>();
  #writes: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.#path = path;
    if (existsSync(path)) {
      const data = JSON.parse(readFileSync(path, 'utf8')) as RegistryFile;
      if (data.version !== 1 || typeof data.scopes !== 'object' || data.scopes === null) {
        throw new Error(`${path} is not a chat registry file (version 1)`);
      }
      for (const [scope, entries] of Object.entries(data.scopes)) {
        this.#scopes.set(scope, new Map(Object.entries(entries)));
      }
    }
  }

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
    await this.#save();
  }

  async remove(scope: string, key: string): Promise<boolean> {
    const removed = this.#scopes.get(scope)?.delete(key) ?? false;
    if (removed) {
      await this.#save();
    }
    return removed;
  }

  #save(): Promise<void> {
    this.#writes = this.#writes.then(() => {
      const scopes: RegistryFile['scopes'] = {};
      for (const [scope, entries] of this.#scopes) {
        scopes[scope] = Object.fromEntries(entries);
      }
      const temporary = `${this.#path}.tmp`;
      writeFileSync(temporary, `${JSON.stringify({ version: 1, scopes } satisfies RegistryFile, null, 2)}\n`);
      renameSync(temporary, this.#path);
    });
    return this.#writes;
  }
}
