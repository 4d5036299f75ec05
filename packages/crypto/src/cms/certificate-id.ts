import { parseDer } from '../asn1/index.js';
import { CryptoError } from '../errors.js';

/** The issuer Name and serialNumber INTEGER of a certificate, as raw DER (CMS IssuerAndSerialNumber). */
export interface IssuerAndSerial {
  issuer: Uint8Array;
  serial: Uint8Array;
}

export function issuerAndSerialOf(certificateDer: Uint8Array): IssuerAndSerial {
  const tbs = parseDer(certificateDer).children[0];
  const fields = tbs?.children ?? [];
  // TBSCertificate starts with an optional [0] version.
  const offset = fields[0]?.tagClass === 'context' ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!serial || !issuer) {
    throw new CryptoError('INVALID_CERTIFICATE', 'Certificate has no serial number or issuer');
  }
  return { issuer: issuer.raw, serial: serial.raw };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
