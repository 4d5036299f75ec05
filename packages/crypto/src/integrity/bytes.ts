import { CryptoError } from '../errors.js';

/**
 * Byte and text encodings shared by the signers, ESIA, CMS, JOSE and integrity helpers.
 * Written here (not Buffer) so the package runs unchanged in browsers.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw new CryptoError('INVALID_INPUT', 'Bytes are not valid UTF-8', { cause });
  }
}

/** WebCrypto in TS 5.9 wants an ArrayBuffer-backed view; copy only when the source is shared. */
export function toArrayBufferView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function reverseBytes(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from(bytes).reverse();
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += byte.toString(16).padStart(2, '0');
  }
  return out;
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new CryptoError('INVALID_INPUT', 'Not a hex string of whole bytes');
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map<string, number>();
for (let i = 0; i < ALPHABET.length; i++) {
  DECODE.set(ALPHABET[i] as string, i);
}
DECODE.set('-', 62);
DECODE.set('_', 63);

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(triple >> 18) & 63];
    out += ALPHABET[(triple >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(triple >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[triple & 63];
  }
  return out;
}

/** base64url without padding (RFC 4648 §5, as JOSE and ESIA's client_secret use it). */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * Decodes base64 or base64url, padded or not. Lenient on the alphabet (ESIA clients send all
 * variants) but strict on structure: wrong padding, stray characters or non-zero trailing bits fail.
 */
export function fromBase64Any(text: string): Uint8Array {
  const body = text.replace(/=+$/, '');
  const padding = text.length - body.length;
  if (padding > 2 || body.length % 4 === 1 || (padding > 0 && (body.length + padding) % 4 !== 0)) {
    throw new CryptoError('INVALID_INPUT', 'Malformed base64: bad length or padding');
  }
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of body) {
    const value = DECODE.get(char);
    if (value === undefined) {
      throw new CryptoError('INVALID_INPUT', 'Malformed base64: unexpected character');
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) {
    throw new CryptoError('INVALID_INPUT', 'Malformed base64: non-zero trailing bits');
  }
  return out;
}

/** Strict unpadded base64url, as JOSE requires. */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) {
    throw new CryptoError('INVALID_INPUT', 'Malformed base64url');
  }
  return fromBase64Any(text);
}

/** Compares in time independent of where the first difference is (length is not secret). */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    diff |= (a[i] as number) ^ (b[i] as number);
  }
  return diff === 0;
}
