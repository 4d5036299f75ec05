import {
  type Asn1Node,
  der,
  derToPem,
  expectSequence,
  isUniversal,
  parseDer,
  pemBlocks,
  readInteger,
  readOctetString,
  TAG,
} from '../asn1/index.js';
import { CryptoError } from '../errors.js';
import { bigintFromLittleEndian, bigintToLittleEndian } from '../gost/bytes.js';
import { paramSetInfo } from '../gost/params.js';
import type { GostPrivateKey } from '../gost/sign.js';
import { decodeGostKeyAlgorithm, encodeGostKeyAlgorithm } from './algorithm.js';

/*
 * PKCS#8 PrivateKeyInfo for GOST R 34.10-2012 256-bit keys.
 *
 * OpenSSL 3.0 + gost engine 3.0.1 writes privateKey OCTET STRING = the 32 raw bytes of d,
 * little-endian. When reading it (and we) also accept what other tools write inside that OCTET STRING:
 *  - a DER OCTET STRING of 32 bytes (little-endian d; older engine versions),
 *  - a DER INTEGER (big-endian d; some Java/BouncyCastle exports),
 *  - a CryptoPro "masked" key: 32-byte K followed by masks M1…Mn, d = K·M1·…·Mn mod q, all little-endian.
 */

const KEY_BYTES = 32;

function invalid(message: string): never {
  throw new CryptoError('INVALID_PRIVATE_KEY', message);
}

function decodeScalar(content: Uint8Array, q: bigint): bigint {
  if (content.length === KEY_BYTES + 2 && content[0] === TAG.OCTET_STRING && content[1] === KEY_BYTES) {
    return bigintFromLittleEndian(readOctetString(parseDer(content)));
  }
  if (content[0] === TAG.INTEGER && content.length !== KEY_BYTES && content.length % KEY_BYTES !== 0) {
    const value = readInteger(parseDer(content));
    if (value < 0n) {
      invalid('Private key INTEGER is negative');
    }
    return value;
  }
  if (content.length === 0 || content.length % KEY_BYTES !== 0 || content.length > KEY_BYTES * 4) {
    invalid('Private key must be 32 bytes (or 32-byte key plus masks)');
  }
  let d = bigintFromLittleEndian(content.subarray(0, KEY_BYTES));
  for (let offset = KEY_BYTES; offset < content.length; offset += KEY_BYTES) {
    d = (d * bigintFromLittleEndian(content.subarray(offset, offset + KEY_BYTES))) % q;
  }
  return d;
}

/** Reads a PKCS#8 GOST R 34.10-2012 256-bit key: PEM text ("PRIVATE KEY") or DER bytes. */
export function parseGostPrivateKey(input: Uint8Array | string): GostPrivateKey {
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    const blocks = pemBlocks(input);
    if (blocks.some((b) => b.label === 'ENCRYPTED PRIVATE KEY')) {
      throw new CryptoError(
        'UNSUPPORTED_ALGORITHM',
        'Encrypted PKCS#8 keys are not supported; decrypt with openssl pkey first',
      );
    }
    const block = blocks.find((b) => b.label === 'PRIVATE KEY');
    if (!block) {
      throw new CryptoError('MALFORMED_PEM', 'No "PRIVATE KEY" PEM block found');
    }
    bytes = block.der;
  } else if (input instanceof Uint8Array) {
    bytes = input;
  } else {
    throw new CryptoError('INVALID_INPUT', 'Private key must be PEM text or DER bytes');
  }
  if (bytes[0] === 0x2d) {
    throw new CryptoError(
      'PEM_NOT_DER',
      'Got PEM text as bytes where DER was expected; pass the PEM as a string',
    );
  }
  const info = expectSequence(parseDer(bytes), 'PrivateKeyInfo', 3);
  const version = readInteger(info.children[0] as Asn1Node);
  if (version !== 0n && version !== 1n) {
    throw new CryptoError('MALFORMED_DER', 'Unsupported PrivateKeyInfo version');
  }
  const paramSet = decodeGostKeyAlgorithm(info.children[1]);
  const keyNode = info.children[2] as Asn1Node;
  if (!isUniversal(keyNode, TAG.OCTET_STRING)) {
    throw new CryptoError('MALFORMED_DER', 'PrivateKeyInfo.privateKey is not an OCTET STRING');
  }
  const { q } = paramSetInfo(paramSet).curve;
  const d = decodeScalar(keyNode.value, q);
  if (d <= 0n || d >= q) {
    invalid('Private key scalar is outside [1, q − 1]');
  }
  return { paramSet, d };
}

/** PKCS#8 DER and PEM in the layout OpenSSL's GOST engine writes (and reads). */
export function exportGostPrivateKey(key: GostPrivateKey): { der: Uint8Array; pem: string } {
  const { q } = paramSetInfo(key.paramSet).curve;
  if (typeof key.d !== 'bigint' || key.d <= 0n || key.d >= q) {
    invalid('Private key scalar is outside [1, q − 1]');
  }
  const pkcs8 = der.sequence(
    der.integer(0n),
    encodeGostKeyAlgorithm(key.paramSet),
    der.octetString(bigintToLittleEndian(key.d, KEY_BYTES)),
  );
  return { der: pkcs8, pem: derToPem(pkcs8, 'PRIVATE KEY') };
}
