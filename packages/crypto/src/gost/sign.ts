import { CryptoError } from '../errors.js';
import { randomScalar } from './bytes.js';
import { curveFor } from './curve.js';
import { type GostParamSet, isGostParamSet, paramSetInfo } from './params.js';
import { decodeSignature, digestToScalar, encodeSignature, signScalar, verifyScalar } from './signature.js';
import { streebog256 } from './streebog.js';

export interface GostPrivateKey {
  readonly paramSet: GostParamSet;
  readonly d: bigint;
}

export interface GostPublicKey {
  readonly paramSet: GostParamSet;
  readonly x: bigint;
  readonly y: bigint;
}

export interface GostSignOptions {
  /** Fixed nonce, for test vectors only. Reusing k across messages reveals the private key. */
  readonly k?: bigint;
}

/** Default parameter set: CryptoPro-A (= tc26 256 B) is read by every GOST stack (CryptoPro CSP, OpenSSL, BouncyCastle). */
export const DEFAULT_GOST_PARAM_SET: GostParamSet = 'cryptopro-A';

function checkPrivateKey(key: GostPrivateKey): void {
  if (!key || !isGostParamSet(key.paramSet)) {
    throw new CryptoError('UNSUPPORTED_PARAM_SET', 'Private key has no supported GOST parameter set');
  }
  const { q } = paramSetInfo(key.paramSet).curve;
  if (typeof key.d !== 'bigint' || key.d <= 0n || key.d >= q) {
    throw new CryptoError('INVALID_PRIVATE_KEY', 'Private key scalar is outside [1, q − 1]');
  }
}

/** Checks that a public key lies on its curve (and is not the identity) before use. */
export function assertValidPublicKey(key: GostPublicKey): void {
  if (!key || !isGostParamSet(key.paramSet)) {
    throw new CryptoError('UNSUPPORTED_PARAM_SET', 'Public key has no supported GOST parameter set');
  }
  const curve = curveFor(paramSetInfo(key.paramSet).curve);
  if (typeof key.x !== 'bigint' || typeof key.y !== 'bigint' || !curve.isOnCurve(key)) {
    throw new CryptoError('INVALID_PUBLIC_KEY', 'Public key point is not on the curve of its parameter set');
  }
}

export function generateGostKeyPair(paramSet: GostParamSet = DEFAULT_GOST_PARAM_SET): {
  privateKey: GostPrivateKey;
  publicKey: GostPublicKey;
} {
  const { curve } = paramSetInfo(paramSet);
  const privateKey: GostPrivateKey = { paramSet, d: randomScalar(curve.q) };
  return { privateKey, publicKey: gostPublicKeyFromPrivate(privateKey) };
}

export function gostPublicKeyFromPrivate(key: GostPrivateKey): GostPublicKey {
  checkPrivateKey(key);
  const point = curveFor(paramSetInfo(key.paramSet).curve).multiplyBase(key.d);
  if (!point) {
    throw new CryptoError('INVALID_PRIVATE_KEY', 'Private key gives the point at infinity');
  }
  return { paramSet: key.paramSet, x: point.x, y: point.y };
}

/** Signs a 32-byte Streebog-256 digest; 64 bytes s ‖ r big-endian, as `openssl dgst -sign` writes. */
export function gostSignDigest(
  privateKey: GostPrivateKey,
  digest: Uint8Array,
  options?: GostSignOptions,
): Uint8Array {
  checkPrivateKey(privateKey);
  const { curve } = paramSetInfo(privateKey.paramSet);
  const e = digestToScalar(digest, curve.q);
  return encodeSignature(signScalar(curve, privateKey.d, e, options?.k));
}

/** Verifies a signature over a 32-byte digest. False for a wrong signature; throws only on unusable input. */
export function gostVerifyDigest(
  publicKey: GostPublicKey,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  assertValidPublicKey(publicKey);
  const { curve } = paramSetInfo(publicKey.paramSet);
  const e = digestToScalar(digest, curve.q);
  return verifyScalar(curve, publicKey, e, decodeSignature(signature));
}

/** Streebog-256 of data, then GOST R 34.10-2012 — the bytes `openssl dgst -md_gost12_256 -sign` produces. */
export function gostSign(
  privateKey: GostPrivateKey,
  data: Uint8Array,
  options?: GostSignOptions,
): Uint8Array {
  return gostSignDigest(privateKey, streebog256(data), options);
}

export function gostVerify(publicKey: GostPublicKey, data: Uint8Array, signature: Uint8Array): boolean {
  return gostVerifyDigest(publicKey, streebog256(data), signature);
}
