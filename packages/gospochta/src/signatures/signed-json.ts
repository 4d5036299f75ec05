/**
 * Signed JSON (delivery acts, receipts): a detached JWS over the canonical JSON of the object as
 * the portal wrote it (after its PII fields are decrypted), verified against the portal's trusted
 * certificates. The object is checked before any field of it is used.
 */
import { canonicalJsonBytes } from '@goskit/crypto';
import { SignatureInvalidError, type SignedSubject } from '../errors/signature-invalid-error.js';
import { verifyDetached } from './detached-jws.js';
import type { TrustedCertificate } from './trusted-certificates.js';

export interface SignatureInfo {
  alg: 'RS256' | 'GOST3410_2012_256';
  /** The signing certificate's subject, e.g. `CN=Госпочта (симулятор goskit)`. */
  signer: string;
  /** Its SHA-256 thumbprint (base64url). */
  thumbprint: string;
}

export async function verifySignedJson(
  value: unknown,
  jws: string,
  trust: readonly TrustedCertificate[],
  subject: SignedSubject,
): Promise<SignatureInfo> {
  if (trust.length === 0) {
    throw new SignatureInvalidError(
      subject,
      'no-trust',
      'no portal certificates are configured (portalCertificates)',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = canonicalJsonBytes(value);
  } catch (cause) {
    throw new SignatureInvalidError(subject, 'malformed', 'the signed object is not JSON data', { cause });
  }
  const result = await verifyDetached(jws, bytes, trust);
  if (!result.valid) {
    throw new SignatureInvalidError(subject, result.reason, result.message);
  }
  const thumbprint = await (trust.find((t) => t.certificate === result.certificate) as TrustedCertificate)
    .thumbprint;
  return { alg: result.alg, signer: result.certificate.subject, thumbprint };
}
