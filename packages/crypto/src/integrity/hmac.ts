import { CryptoError } from '../errors.js';
import { fromBase64Any, timingSafeEqual, toArrayBufferView, toBase64Url, utf8 } from './bytes.js';
import { canonicalJsonBytes } from './canonical-json.js';

/** A secret as raw bytes or as text (UTF-8). */
export type HmacSecret = Uint8Array | string;

function secretBytes(secret: HmacSecret): Uint8Array {
  const bytes = typeof secret === 'string' ? utf8(secret) : secret;
  if (bytes.length < 16) {
    throw new CryptoError('INVALID_INPUT', 'HMAC secret must be at least 16 bytes');
  }
  return bytes;
}

/** HMAC-SHA-256 through WebCrypto (Node 20 and browsers). */
export async function hmacSha256(secret: HmacSecret, data: Uint8Array | string): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    toArrayBufferView(secretBytes(secret)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, toArrayBufferView(bytes)));
}

/** Integrity tag of a JSON value: base64url(HMAC-SHA-256(canonical JSON bytes)). */
export async function createIntegrityTag(value: unknown, secret: HmacSecret): Promise<string> {
  return toBase64Url(await hmacSha256(secret, canonicalJsonBytes(value)));
}

/**
 * Checks a tag made by `createIntegrityTag` with a constant-time comparison. Returns false for a
 * wrong or malformed tag; throws only for unusable input (bad secret, value JSON cannot carry).
 */
export async function verifyIntegrityTag(value: unknown, tag: string, secret: HmacSecret): Promise<boolean> {
  const expected = await hmacSha256(secret, canonicalJsonBytes(value));
  let given: Uint8Array;
  try {
    given = fromBase64Any(tag);
  } catch {
    return false;
  }
  return timingSafeEqual(expected, given);
}
