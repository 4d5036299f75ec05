import { CompactEncrypt, compactDecrypt } from 'jose';
import { CryptoError } from '../errors.js';
import { fromUtf8, utf8 } from '../integrity/bytes.js';
import { toCryptoError } from './jose-errors.js';

/** Key management: 'dir' for a shared 32-byte key, RSA-OAEP-256 or ECDH-ES+A256KW for a recipient's public key. */
export type FieldKeyManagement = 'dir' | 'RSA-OAEP-256' | 'ECDH-ES+A256KW';

export interface EncryptFieldsOptions {
  /** Default: 'dir' for Uint8Array keys, RSA-OAEP-256 for RSA keys, ECDH-ES+A256KW for EC/X25519 keys. */
  alg?: FieldKeyManagement;
  kid?: string;
}

const ALLOWED_ALGS: FieldKeyManagement[] = ['dir', 'RSA-OAEP-256', 'ECDH-ES+A256KW'];
const MAX_DEPTH = 8;

function defaultAlg(key: CryptoKey | Uint8Array): FieldKeyManagement {
  if (key instanceof Uint8Array) {
    if (key.length !== 32) {
      throw new CryptoError('INVALID_INPUT', `A256GCM direct key must be 32 bytes, got ${key.length}`);
    }
    return 'dir';
  }
  const name = key.algorithm.name;
  if (name === 'RSA-OAEP') {
    return 'RSA-OAEP-256';
  }
  if (name === 'ECDH' || name === 'X25519') {
    return 'ECDH-ES+A256KW';
  }
  if (name === 'AES-GCM') {
    return 'dir';
  }
  throw new CryptoError('UNSUPPORTED_ALGORITHM', `No JWE key management for a ${name} key`);
}

/** Walks a dotted path ('passport.number'); returns the parent object and final key if present. */
function locate(
  root: Record<string, unknown>,
  path: string,
): { parent: Record<string, unknown>; key: string } | undefined {
  const segments = path.split('.');
  if (segments.length > MAX_DEPTH || segments.some((segment) => segment === '' || segment === '__proto__')) {
    throw new CryptoError('INVALID_INPUT', `Bad field path ${JSON.stringify(path)}`);
  }
  let parent: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    parent = (parent as Record<string, unknown>)[segment];
    if (typeof parent !== 'object' || parent === null) {
      return undefined;
    }
  }
  const key = segments[segments.length - 1] as string;
  const record = parent as Record<string, unknown>;
  return Object.hasOwn(record, key) && record[key] !== undefined ? { parent: record, key } : undefined;
}

function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Returns a copy of `object` in which each listed field (dotted paths allowed) is replaced by a
 * compact JWE (enc A256GCM) of its JSON value. Absent fields are skipped. The original is not changed.
 */
export async function encryptFields<T extends Record<string, unknown>>(
  object: T,
  fields: readonly string[],
  key: CryptoKey | Uint8Array,
  options: EncryptFieldsOptions = {},
): Promise<T> {
  const alg = options.alg ?? defaultAlg(key);
  const copy = cloneJson(object);
  for (const path of fields) {
    const slot = locate(copy, path);
    if (!slot) {
      continue;
    }
    try {
      slot.parent[slot.key] = await new CompactEncrypt(utf8(JSON.stringify(slot.parent[slot.key])))
        .setProtectedHeader({
          alg,
          enc: 'A256GCM',
          cty: 'json',
          ...(options.kid ? { kid: options.kid } : {}),
        })
        .encrypt(key);
    } catch (error) {
      throw toCryptoError(error);
    }
  }
  return copy;
}

/**
 * Reverses `encryptFields`: each listed field holding a compact JWE is decrypted and parsed.
 * Only A256GCM with dir / RSA-OAEP-256 / ECDH-ES+A256KW is accepted. Tampering → DECRYPTION_FAILED.
 */
export async function decryptFields<T extends Record<string, unknown>>(
  object: T,
  fields: readonly string[],
  key: CryptoKey | Uint8Array,
): Promise<T> {
  const copy = cloneJson(object);
  for (const path of fields) {
    const slot = locate(copy, path);
    const value = slot?.parent[slot.key];
    if (!slot || typeof value !== 'string') {
      continue;
    }
    let plaintext: Uint8Array;
    try {
      ({ plaintext } = await compactDecrypt(value, key, {
        keyManagementAlgorithms: ALLOWED_ALGS,
        contentEncryptionAlgorithms: ['A256GCM'],
      }));
    } catch (error) {
      throw toCryptoError(error, 'DECRYPTION_FAILED');
    }
    try {
      slot.parent[slot.key] = JSON.parse(fromUtf8(plaintext));
    } catch (cause) {
      throw new CryptoError('DECRYPTION_FAILED', `Decrypted field ${path} is not JSON`, { cause });
    }
  }
  return copy;
}
