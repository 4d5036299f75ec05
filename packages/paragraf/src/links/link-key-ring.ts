/**
 * Keys that encrypt community tokens at rest (AES-256-GCM via @goskit/crypto): one current key that
 * encrypts, older ones kept by id to decrypt what they wrote, so keys can rotate. Each encryption
 * uses a fresh random 96-bit IV (encryptField); `maxEncryptionsPerKey` keeps a key well below the
 * 2³² random-IV bound, after which saving asks for a new key rather than risking a nonce repeat.
 */
import { type FieldKey, importFieldKey } from '@goskit/crypto';
import { ParagrafError } from '../errors/paragraf-error.js';

export interface LinkKey {
  /** Stored next to every ciphertext: which key to decrypt with. */
  id: string;
  /** 32 raw bytes or an AES-GCM CryptoKey. */
  key: FieldKey;
}

export interface LinkKeyRing {
  /** The key new links are encrypted with. */
  current: LinkKey;
  /** Older keys, to read links written before a rotation. */
  previous?: readonly LinkKey[];
  /** Default 2³⁰ (random IVs stay safe far beyond; this is the margin). */
  maxEncryptionsPerKey?: number;
}

const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export class ResolvedKeyRing {
  readonly #keys = new Map<string, Promise<CryptoKey>>();
  readonly #currentId: string;
  readonly #max: number;
  #used = 0;

  constructor(ring: LinkKeyRing) {
    for (const entry of [ring.current, ...(ring.previous ?? [])]) {
      if (!KEY_ID.test(entry.id)) {
        throw new ParagrafError(
          'INVALID_ARGUMENT',
          'A link key id must be 1–64 Latin letters, digits, "_", "." or "-"',
        );
      }
      if (this.#keys.has(entry.id)) {
        throw new ParagrafError('INVALID_ARGUMENT', `Link key id "${entry.id}" is used twice`);
      }
      const key = entry.key;
      if (key instanceof Uint8Array && key.length !== 32) {
        throw new ParagrafError('INVALID_ARGUMENT', `Link key "${entry.id}" must be 32 bytes (AES-256)`);
      }
      this.#keys.set(entry.id, key instanceof Uint8Array ? importFieldKey(key) : Promise.resolve(key));
    }
    this.#currentId = ring.current.id;
    this.#max = ring.maxEncryptionsPerKey ?? 2 ** 30;
  }

  /** The key to encrypt with now; counts the use. */
  async forEncryption(): Promise<{ id: string; key: CryptoKey }> {
    if (this.#used >= this.#max) {
      throw new ParagrafError(
        'INVALID_ARGUMENT',
        `Link key "${this.#currentId}" reached its encryption limit; rotate to a new key`,
      );
    }
    this.#used++;
    return { id: this.#currentId, key: await (this.#keys.get(this.#currentId) as Promise<CryptoKey>) };
  }

  async forDecryption(id: string): Promise<CryptoKey | undefined> {
    return this.#keys.get(id);
  }

  get currentId(): string {
    return this.#currentId;
  }
}
