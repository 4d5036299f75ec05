import { CryptoError } from '../errors.js';
import { GOST_OIDS } from '../gost/params.js';
import { type GostPublicKey, gostVerify } from '../gost/sign.js';
import { streebog256 } from '../gost/streebog.js';
import type { Certificate } from './certificate.js';
import { loadCertificateDer } from './load.js';

/** Checks the certificate's GOST R 34.10-2012 / 34.11-2012-256 signature with the issuer's public key. */
export function verifyCertificateSignature(cert: Certificate, issuerKey: GostPublicKey): boolean {
  if (cert.signatureAlgorithm !== GOST_OIDS.signWithDigestGost3411_2012_256) {
    throw new CryptoError(
      'UNSUPPORTED_ALGORITHM',
      `Certificate signature algorithm ${cert.signatureAlgorithm} is not GOST R 34.10-2012 256-bit`,
    );
  }
  if (cert.signatureValue.length !== 64) {
    return false;
  }
  return gostVerify(issuerKey, cert.tbsDer, cert.signatureValue);
}

/** True when the certificate is valid at `at` (default now). */
export function isCertificateTimeValid(cert: Certificate, at: Date = new Date()): boolean {
  return cert.notBefore.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.getTime();
}

const HEX = '0123456789ABCDEF';

/**
 * ESIA's client_certificate_hash: GOST R 34.11-2012-256 over the certificate's DER, 64 uppercase hex
 * digits — equal to `openssl dgst -engine gost -md_gost12_256` over `openssl x509 -outform DER`.
 */
export function certificateHash(input: Uint8Array | string): string {
  const der = loadCertificateDer(input);
  const digest = streebog256(der);
  let out = '';
  for (const byte of digest) {
    out += (HEX[byte >> 4] as string) + (HEX[byte & 15] as string);
  }
  return out;
}
