import { CryptoError } from '../errors.js';
import { bigintFromBigEndian, bigintFromLittleEndian, bigintToBigEndian, randomScalar } from './bytes.js';
import { type AffinePoint, curveFor } from './curve.js';
import { invert } from './modular.js';
import type { CurveParams } from './params.js';

/*
 * GOST R 34.10-2012 signing core over any curve (the public API in sign.ts picks the curve from the
 * parameter set). Byte orders follow OpenSSL's GOST engine:
 *  - digest → integer: the 32 digest bytes read little-endian (OpenSSL prints Streebog digests in
 *    that order; the standard's "α" is the same number), e = α mod q, e = 1 if that is 0;
 *  - signature: 64 bytes = s (32 bytes big-endian) ‖ r (32 bytes big-endian).
 */

export const SIGNATURE_BYTES = 64;
const HALF = 32;

export function digestToScalar(digest: Uint8Array, q: bigint): bigint {
  if (!(digest instanceof Uint8Array) || digest.length !== 32) {
    throw new CryptoError('INVALID_INPUT', 'GOST R 34.10-2012 256-bit signs a 32-byte Streebog-256 digest');
  }
  const e = bigintFromLittleEndian(digest) % q;
  return e === 0n ? 1n : e;
}

export interface RawSignature {
  readonly r: bigint;
  readonly s: bigint;
}

/** Signs the integer e with private scalar d; k comes from options or the CSPRNG. */
export function signScalar(params: CurveParams, d: bigint, e: bigint, fixedK?: bigint): RawSignature {
  const curve = curveFor(params);
  const { q } = curve;
  if (d <= 0n || d >= q) {
    throw new CryptoError('INVALID_PRIVATE_KEY', 'Private key is outside [1, q − 1]');
  }
  if (fixedK !== undefined && (fixedK <= 0n || fixedK >= q)) {
    throw new CryptoError('INVALID_INPUT', 'Nonce k is outside [1, q − 1]');
  }
  for (let attempt = 0; attempt < 64; attempt++) {
    const k = fixedK ?? randomScalar(q);
    const c = curve.multiplyBase(k);
    if (c) {
      const r = c.x % q;
      const s = (r * d + k * e) % q;
      if (r !== 0n && s !== 0n) {
        return { r, s };
      }
    }
    if (fixedK !== undefined) {
      break;
    }
  }
  throw new CryptoError('INVALID_INPUT', 'Nonce k gives r = 0 or s = 0; choose another k');
}

export function verifyScalar(
  params: CurveParams,
  point: AffinePoint,
  e: bigint,
  signature: RawSignature,
): boolean {
  const curve = curveFor(params);
  const { q } = curve;
  const { r, s } = signature;
  if (r <= 0n || r >= q || s <= 0n || s >= q) {
    return false;
  }
  const v = invert(e, q);
  const z1 = (s * v) % q;
  const z2 = q - ((r * v) % q);
  const c = curve.multiplyTwo(z1, point, z2);
  return c !== null && c.x % q === r;
}

export function encodeSignature(signature: RawSignature): Uint8Array {
  const out = new Uint8Array(SIGNATURE_BYTES);
  out.set(bigintToBigEndian(signature.s, HALF), 0);
  out.set(bigintToBigEndian(signature.r, HALF), HALF);
  return out;
}

export function decodeSignature(bytes: Uint8Array): RawSignature {
  if (!(bytes instanceof Uint8Array) || bytes.length !== SIGNATURE_BYTES) {
    throw new CryptoError(
      'MALFORMED_SIGNATURE',
      `GOST R 34.10-2012 256-bit signature must be ${SIGNATURE_BYTES} bytes`,
    );
  }
  return { s: bigintFromBigEndian(bytes.subarray(0, HALF)), r: bigintFromBigEndian(bytes.subarray(HALF)) };
}
