import { CryptoError } from '../errors.js';
import { toBase64 } from '../integrity/bytes.js';

/*
 * PEM ↔ DER with plain base64 (no Buffer, so it runs in browsers too). Base64 is decoded strictly:
 * foreign characters, bad padding or a wrong length are MALFORMED_PEM.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  LOOKUP[ALPHABET.charCodeAt(i)] = i;
}

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/[\r\n\t ]/g, '');
  if (clean.length % 4 !== 0) {
    throw new CryptoError('MALFORMED_PEM', 'Base64 body length is not a multiple of 4');
  }
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((clean.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const isLast = i + 4 === clean.length;
    const c = [0, 1, 2, 3].map((j) => {
      const code = clean.charCodeAt(i + j);
      if (isLast && clean[i + j] === '=' && j >= 4 - padding) {
        return 0;
      }
      const v = code < 256 ? (LOOKUP[code] as number) : -1;
      if (v < 0) {
        throw new CryptoError('MALFORMED_PEM', 'Base64 body contains a character outside the alphabet');
      }
      return v;
    }) as [number, number, number, number];
    const n = (c[0] << 18) | (c[1] << 12) | (c[2] << 6) | c[3];
    out[o++] = (n >> 16) & 255;
    if (o < out.length) {
      out[o++] = (n >> 8) & 255;
    }
    if (o < out.length) {
      out[o++] = n & 255;
    }
  }
  return out;
}

/** Standard padded base64 (the PEM body alphabet); the encoder is shared with the integrity helpers. */
export const bytesToBase64 = toBase64;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** All PEM blocks in a text, in order. */
export function pemBlocks(pem: string): { label: string; der: Uint8Array }[] {
  const blocks: { label: string; der: Uint8Array }[] = [];
  for (const match of pem.matchAll(PEM_BLOCK)) {
    const body = (match[2] as string)
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '' && !line.includes(':'))
      .join('');
    blocks.push({ label: match[1] as string, der: base64ToBytes(body) });
  }
  return blocks;
}

/** DER bytes of the first PEM block (with the given label, if one is named). */
export function pemToDer(pem: string, label?: string): Uint8Array {
  if (typeof pem !== 'string') {
    throw new CryptoError('INVALID_INPUT', 'pemToDer expects a string');
  }
  const blocks = pemBlocks(pem);
  const block = label === undefined ? blocks[0] : blocks.find((b) => b.label === label);
  if (!block) {
    throw new CryptoError(
      'MALFORMED_PEM',
      label === undefined ? 'No PEM block found' : `No "${label}" PEM block found`,
    );
  }
  return block.der;
}

export function derToPem(der: Uint8Array, label: string): string {
  const body = bytesToBase64(der)
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
