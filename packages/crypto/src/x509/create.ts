import { der, derToPem } from '../asn1/index.js';
import { CryptoError } from '../errors.js';
import { GOST_OIDS } from '../gost/params.js';
import { type GostPrivateKey, gostPublicKeyFromPrivate, gostSign } from '../gost/sign.js';
import { streebog256 } from '../gost/streebog.js';
import { encodeSubjectPublicKeyInfo } from '../keys/public-key.js';
import { encodeName } from './names.js';

export interface SelfSignedCertificateOptions {
  readonly privateKey: GostPrivateKey;
  /** "CN=Test,O=Org" — attributes in encoding order. */
  readonly subject: string;
  /** Default: now, truncated to the second. */
  readonly notBefore?: Date;
  /** Validity in days (default 365). */
  readonly days?: number;
  /** Default: 16 random bytes (positive). */
  readonly serialNumber?: bigint;
  /**
   * Fixed signature nonce k, for reproducible fixtures only (a demo certificate that every process
   * derives identically from a seed). Never set it for a real key: a reused k reveals the key.
   */
  readonly signatureNonce?: bigint;
}

const DAY_MS = 86_400_000;

/** UTCTime up to 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 requires. */
function encodeTime(date: Date): Uint8Array {
  return date.getUTCFullYear() < 2050 ? der.utcTime(date) : der.generalizedTime(date);
}

function randomSerial(): bigint {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[0] = ((bytes[0] as number) & 0x7f) | 0x01;
  return BigInt(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`);
}

/**
 * A self-signed v3 certificate (GOST R 34.10-2012 256 with Streebog-256), as `openssl req -x509`
 * makes one: basicConstraints CA:TRUE (critical), keyUsage, subjectKeyIdentifier. For test stands
 * and the simulator; real ESIA keys need a certificate from an accredited CA.
 */
export function createSelfSignedCertificate(options: SelfSignedCertificateOptions): {
  der: Uint8Array;
  pem: string;
} {
  const publicKey = gostPublicKeyFromPrivate(options.privateKey);
  const days = options.days ?? 365;
  if (!Number.isFinite(days) || days <= 0) {
    throw new CryptoError('INVALID_INPUT', 'days must be a positive number');
  }
  const notBefore = new Date(Math.floor((options.notBefore ?? new Date()).getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore.getTime() + Math.round(days * DAY_MS));
  const serial = options.serialNumber ?? randomSerial();
  if (serial <= 0n) {
    throw new CryptoError('INVALID_INPUT', 'serialNumber must be positive');
  }
  const name = encodeName(options.subject);
  const spki = encodeSubjectPublicKeyInfo(publicKey);
  // RFC 9215: the GOST signature AlgorithmIdentifier has no parameters
  const signatureAlgorithm = der.sequence(der.oid(GOST_OIDS.signWithDigestGost3411_2012_256));
  const keyId = streebog256(spki).subarray(0, 20);
  const extensions = der.sequence(
    der.sequence(der.oid('2.5.29.19'), der.boolean(true), der.octetString(der.sequence(der.boolean(true)))),
    // keyUsage: digitalSignature, nonRepudiation, keyCertSign (bits 0, 1, 5) → 0b11000100, 2 unused bits
    der.sequence(
      der.oid('2.5.29.15'),
      der.boolean(true),
      der.octetString(der.bitString(Uint8Array.of(0xc4), 2)),
    ),
    der.sequence(der.oid('2.5.29.14'), der.octetString(der.octetString(keyId))),
  );
  const tbs = der.sequence(
    der.contextSpecific(0, der.integer(2n)),
    der.integer(serial),
    signatureAlgorithm,
    name,
    der.sequence(encodeTime(notBefore), encodeTime(notAfter)),
    name,
    spki,
    der.contextSpecific(3, extensions),
  );
  const signature = gostSign(
    options.privateKey,
    tbs,
    options.signatureNonce === undefined ? undefined : { k: options.signatureNonce },
  );
  const certificate = der.sequence(tbs, signatureAlgorithm, der.bitString(signature));
  return { der: certificate, pem: derToPem(certificate, 'CERTIFICATE') };
}
