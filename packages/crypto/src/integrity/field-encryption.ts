import { CryptoError } from '../errors.js';
import { fromBase64Url, fromUtf8, toArrayBufferView, toBase64Url, utf8 } from './bytes.js';

/** A 256-bit AES key: 32 raw bytes or an AES-GCM CryptoKey from `importFieldKey`. */
export type FieldKey = Uint8Array | CryptoKey;

export interface FieldCipherOptions {
  /** Additional authenticated data, e.g. the record id and field name, binding the ciphertext to its place. */
  aad?: Uint8Array | string;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Imports 32 raw bytes as a non-extractable AES-256-GCM key. */
export async function importFieldKey(raw: Uint8Array): Promise<CryptoKey> {
  if (raw.length !== 32) {
    throw new CryptoError('INVALID_INPUT', `AES-256 key must be 32 bytes, got ${raw.length}`);
  }
  return globalThis.crypto.subtle.importKey('raw', toArrayBufferView(raw), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

async function resolveKey(key: FieldKey): Promise<CryptoKey> {
  return key instanceof Uint8Array ? importFieldKey(key) : key;
}

function aadParams(options: FieldCipherOptions): { additionalData?: Uint8Array<ArrayBuffer> } {
  if (options.aad === undefined) {
    return {};
  }
  return {
    additionalData: toArrayBufferView(typeof options.aad === 'string' ? utf8(options.aad) : options.aad),
  };
}

/**
 * Encrypts one field with AES-256-GCM and a fresh random 96-bit IV.
 * Result: `v1.<base64url iv>.<base64url ciphertext+tag>` — the version prefix lets the format change later.
 */
export async function encryptField(
  value: string | Uint8Array,
  key: FieldKey,
  options: FieldCipherOptions = {},
): Promise<string> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plaintext = typeof value === 'string' ? utf8(value) : value;
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, ...aadParams(options) },
    await resolveKey(key),
    toArrayBufferView(plaintext),
  );
  return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(ciphertext))}`;
}

/** Decrypts to bytes. Wrong key, wrong AAD or any tampering → CryptoError('DECRYPTION_FAILED'). */
export async function decryptFieldBytes(
  token: string,
  key: FieldKey,
  options: FieldCipherOptions = {},
): Promise<Uint8Array> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) {
    throw new CryptoError('INVALID_INPUT', 'Encrypted field is not in the v1.<iv>.<ciphertext> format');
  }
  let iv: Uint8Array;
  let sealed: Uint8Array;
  try {
    iv = fromBase64Url(parts[1] as string);
    sealed = fromBase64Url(parts[2] as string);
  } catch (cause) {
    throw new CryptoError('INVALID_INPUT', 'Encrypted field has malformed base64url', { cause });
  }
  if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) {
    throw new CryptoError('INVALID_INPUT', 'Encrypted field has a wrong IV or ciphertext length');
  }
  const cryptoKey = await resolveKey(key);
  try {
    const plaintext = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: toArrayBufferView(iv), ...aadParams(options) },
      cryptoKey,
      toArrayBufferView(sealed),
    );
    return new Uint8Array(plaintext);
  } catch (cause) {
    throw new CryptoError(
      'DECRYPTION_FAILED',
      'Encrypted field failed authentication (wrong key, AAD or data)',
      {
        cause,
      },
    );
  }
}

/** Decrypts a field written from a string. */
export async function decryptField(
  token: string,
  key: FieldKey,
  options: FieldCipherOptions = {},
): Promise<string> {
  return fromUtf8(await decryptFieldBytes(token, key, options));
}
