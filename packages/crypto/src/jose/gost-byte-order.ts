import { reverseBytes } from '../integrity/bytes.js';

/**
 * Layout of the 64 signature bytes in a GOST3410_2012_256 JWS.
 * - 'openssl': as `openssl dgst -engine gost -md_gost12_256 -sign` writes — the layout ESIA wants in
 *   client_secret. Default, on the [unconfirmed] assumption that ESIA's tokens use the same layout.
 * - 'reversed': CryptoPro's raw (little-endian) layout.
 */
export type GostSignatureByteOrder = 'openssl' | 'reversed';

/** Converts between a Signer's OpenSSL-layout bytes and the token's layout (the map is its own inverse). */
export function applyByteOrder(signature: Uint8Array, order: GostSignatureByteOrder): Uint8Array {
  return order === 'reversed' ? reverseBytes(signature) : signature;
}
