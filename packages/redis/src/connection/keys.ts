/**
 * Key rules shared by every structure: keys are strings of at most `MAX_KEY_BYTES` UTF-8 bytes under
 * a namespace prefix. Reads of a key that could never have been written answer "absent" instead of
 * throwing, so hostile input (a 1 MB `state` from a callback URL) is just an unknown key.
 */
import { InvalidOptionsError } from '@goskit/core';
import { InvalidKeyError } from '../errors/invalid-key-error.js';

export const MAX_KEY_BYTES = 1024;

const encoder = new TextEncoder();

function byteLength(text: string): number {
  // Every UTF-16 unit is at most 3 UTF-8 bytes: skip the encoding for the usual short key.
  return text.length * 3 <= MAX_KEY_BYTES ? text.length : encoder.encode(text).length;
}

/** For writes: throws InvalidKeyError naming the field and the rule. */
export function checkKey(field: string, key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new InvalidKeyError(field, 'must be a non-empty string');
  }
  if (byteLength(key) > MAX_KEY_BYTES) {
    throw new InvalidKeyError(field, `must be at most ${MAX_KEY_BYTES} bytes`);
  }
  return key;
}

/** For reads: false when no write could have stored this key (non-strings still throw). */
export function isStorableKey(field: string, key: unknown): key is string {
  if (typeof key !== 'string') {
    throw new InvalidKeyError(field, 'must be a non-empty string');
  }
  return key.length > 0 && byteLength(key) <= MAX_KEY_BYTES;
}

/** A namespace prefix: a non-empty string without glob characters' surprises (escaped for SCAN). */
export function checkPrefix(prefix: unknown, field = 'prefix'): string {
  if (typeof prefix !== 'string' || prefix.length === 0 || prefix.length > 256) {
    throw new InvalidOptionsError(`${field} must be a non-empty string of at most 256 characters`);
  }
  return prefix;
}

/** Escapes a prefix for SCAN MATCH, where `* ? [ ] \\` are glob syntax. */
export function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}
