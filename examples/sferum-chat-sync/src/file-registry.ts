/**
 * The school system's chat registry in a JSON file, so that a second run of the CLI knows the chats
 * the first one made (and a run killed half-way leaves its create intents for the next one). Every
 * write replaces the file through a temporary file and a rename, one write at a time. A stand-in for
 * the school system's database; `KeyValueChatRegistry` over Redis is the multi-instance choice.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type ChatRegistry, MemoryChatRegistry, type RegistryEntry } from '@goskit/sferum';

interface RegistryFile {
  version: 1;
  scopes: Record<string, Record<string, RegistryEntry>>;
}

/** The package's in-memory registry, written to the file after every change. */
export class FileChatRegistry implements ChatRegistry {
  readonly #path: string;
  readonly #memory = new MemoryChatRegistry();
  readonly #scopeNames = new Set<string>();
  #writes: Promise<void> = Promise.resolve();

  /** Reads an existing file; call `open()` rather than the constructor. */
  static async open(path: string): Promise<FileChatRegistry> {
    const registry = new FileChatRegistry(path);
    if (existsSync(path)) {
      const data = JSON.parse(readFileSync(path, 'utf8')) as RegistryFile;
      if (data.version !== 1 || typeof data.scopes !== 'object' || data.scopes === null) {
        throw new Error(`${path} is not a chat registry file (version 1)`);
      }
      for (const [scope, entries] of Object.entries(data.scopes)) {
        registry.#scopeNames.add(scope);
        for (const entry of Object.values(entries)) {
          await registry.#memory.put(scope, entry);
        }
      }
    }
    return registry;
  }

  private constructor(path: string) {
    this.#path = path;
  }

  list(scope: string): Promise<RegistryEntry[]> {
    return this.#memory.list(scope);
  }

  get(scope: string, key: string): Promise<RegistryEntry | undefined> {
    return this.#memory.get(scope, key);
  }

  async put(scope: string, entry: RegistryEntry): Promise<void> {
    this.#scopeNames.add(scope);
    await this.#memory.put(scope, entry);
    await this.#save();
  }

  async remove(scope: string, key: string): Promise<boolean> {
    const removed = await this.#memory.remove(scope, key);
    if (removed) {
      await this.#save();
    }
    return removed;
  }

  #save(): Promise<void> {
    this.#writes = this.#writes.then(async () => {
      const scopes: RegistryFile['scopes'] = {};
      for (const scope of this.#scopeNames) {
        scopes[scope] = Object.fromEntries(
          (await this.#memory.list(scope)).map((entry) => [entry.key, entry]),
        );
      }
      const temporary = `${this.#path}.tmp`;
      writeFileSync(temporary, `${JSON.stringify({ version: 1, scopes } satisfies RegistryFile, null, 2)}\n`);
      renameSync(temporary, this.#path);
    });
    return this.#writes;
  }
}
