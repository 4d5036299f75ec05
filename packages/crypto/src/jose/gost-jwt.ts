import { CryptoError } from '../errors.js';
import { type GostPrivateKey, type GostPublicKey, gostSign, gostVerify } from '../gost/index.js';
import { toBase64Url, utf8 } from '../integrity/bytes.js';
import type { Signer } from '../signers/signer.js';
import { applyByteOrder, type GostSignatureByteOrder } from './gost-byte-order.js';

export const GOST_JWT_ALGORITHM = 'GOST3410_2012_256';

export interface SignGostJwtOptions {
  /** Extra header parameters, e.g. ESIA's `{ ver: 1, sbt: 'access' }` or `x5t#St256`. */
  header?: Record<string, unknown>;
  /** Default 'openssl' (see GostSignatureByteOrder). */
  gostSignatureByteOrder?: GostSignatureByteOrder;
}

/**
 * Issues a JWT signed the way ESIA signs with GOST: header `alg: "GOST3410_2012_256"`, signature =
 * GOST R 34.10-2012 over Streebog-256 of ASCII(BASE64URL(header) '.' BASE64URL(payload)), 64 bytes,
 * base64url. Takes a Signer or a parsed private key.
 */
export async function signGostJwt(
  payload: Record<string, unknown>,
  key: Signer | GostPrivateKey,
  options: SignGostJwtOptions = {},
): Promise<string> {
  const header = { typ: 'JWT', ...options.header, alg: GOST_JWT_ALGORITHM };
  const signingInput = `${toBase64Url(utf8(JSON.stringify(header)))}.${toBase64Url(utf8(JSON.stringify(payload)))}`;
  let signature: Uint8Array;
  if ('sign' in key) {
    if (key.algorithm !== GOST_JWT_ALGORITHM) {
      throw new CryptoError('UNSUPPORTED_ALGORITHM', `signGostJwt needs a GOST signer, got ${key.algorithm}`);
    }
    signature = await key.sign(utf8(signingInput));
  } else {
    signature = gostSign(key, utf8(signingInput));
  }
  return `${signingInput}.${toBase64Url(applyByteOrder(signature, options.gostSignatureByteOrder ?? 'openssl'))}`;
}

/** Verifies the 64-byte signature of a GOST JWS signing input in the given layout. */
export function verifyGostJwsSignature(
  publicKey: GostPublicKey,
  signingInput: string,
  signature: Uint8Array,
  order: GostSignatureByteOrder,
): boolean {
  if (signature.length !== 64) {
    return false;
  }
  return gostVerify(publicKey, utf8(signingInput), applyByteOrder(signature, order));
}
