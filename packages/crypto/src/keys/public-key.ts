import {
  type Asn1Node,
  der,
  derToPem,
  expectSequence,
  parseDer,
  pemToDer,
  readBitString,
  readOctetString,
} from '../asn1/index.js';
import { CryptoError } from '../errors.js';
import { bigintFromLittleEndian, bigintToLittleEndian } from '../gost/bytes.js';
import { assertValidPublicKey, type GostPublicKey } from '../gost/sign.js';
import { decodeGostKeyAlgorithm, encodeGostKeyAlgorithm } from './algorithm.js';

/*
 * SubjectPublicKeyInfo of a GOST key: the BIT STRING holds a DER OCTET STRING of 64 bytes,
 * x (32 bytes little-endian) ‖ y (32 bytes little-endian) — RFC 4491 §2.3.2 and what OpenSSL writes.
 */

export function encodeGostPublicKeyPoint(key: GostPublicKey): Uint8Array {
  const point = new Uint8Array(64);
  point.set(bigintToLittleEndian(key.x, 32), 0);
  point.set(bigintToLittleEndian(key.y, 32), 32);
  return der.octetString(point);
}

export function encodeSubjectPublicKeyInfo(key: GostPublicKey): Uint8Array {
  assertValidPublicKey(key);
  return der.sequence(encodeGostKeyAlgorithm(key.paramSet), der.bitString(encodeGostPublicKeyPoint(key)));
}

export function decodeSubjectPublicKeyInfo(spki: Asn1Node): GostPublicKey {
  const seq = expectSequence(spki, 'SubjectPublicKeyInfo', 2);
  const paramSet = decodeGostKeyAlgorithm(seq.children[0]);
  const inner = parseDer(readBitString(seq.children[1] as Asn1Node));
  const point = readOctetString(inner);
  if (point.length !== 64) {
    throw new CryptoError(
      'INVALID_PUBLIC_KEY',
      'GOST 256-bit public key must be 64 bytes (x ‖ y, little-endian)',
    );
  }
  const key: GostPublicKey = {
    paramSet,
    x: bigintFromLittleEndian(point.subarray(0, 32)),
    y: bigintFromLittleEndian(point.subarray(32)),
  };
  assertValidPublicKey(key);
  return key;
}

/** Reads a "PUBLIC KEY" PEM or SubjectPublicKeyInfo DER (as `openssl pkey -pubout` writes). */
export function parseGostPublicKey(input: Uint8Array | string): GostPublicKey {
  const bytes = typeof input === 'string' ? pemToDer(input, 'PUBLIC KEY') : input;
  return decodeSubjectPublicKeyInfo(parseDer(bytes));
}

/** SubjectPublicKeyInfo DER and "PUBLIC KEY" PEM that OpenSSL reads. */
export function exportGostPublicKey(key: GostPublicKey): { der: Uint8Array; pem: string } {
  const spki = encodeSubjectPublicKeyInfo(key);
  return { der: spki, pem: derToPem(spki, 'PUBLIC KEY') };
}
