import { CryptoError } from '../errors.js';
import { fromBase64Any, toBase64 } from '../integrity/bytes.js';

/*
 * PEM ↔ DER with plain base64 (no Buffer, so it runs in browsers too). Base64 is decoded strictly:
 * foreign characters, bad padding or a wrong length are MALFORMED_PEM.
 */

/** The standard alphabet with padding, nothing else (the url alphabet is not PEM). */
const STRICT_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/[\r\n\t ]/g, '');
  if (clean.length % 4 !== 0) {
    throw new CryptoError('MALFORMED_PEM', 'Base64 body length is not a multiple of 4');
  }
  if (!STRICT_BASE64.test(clean)) {
    throw new CryptoError('MALFORMED_PEM', 'Base64 body contains a character outside the alphabet');
  }
  try {
    return fromBase64Any(clean);
  } catch (error) {
    throw new CryptoError('MALFORMED_PEM', 'Base64 body is malformed', { cause: error });
  }
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
