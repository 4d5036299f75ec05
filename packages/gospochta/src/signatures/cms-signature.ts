/**
 * Detached CMS signatures (@goskit/crypto): attachments of an outgoing letter are signed by the
 * sender's Signer (GOST R 34.10-2012 + Streebog, or RSA + SHA-256); documents are verified against
 * the agencies' certificates the caller trusts (only those — an embedded certificate alone is not
 * trust). Certificate chains and revocation are the caller's policy, as in @goskit/crypto.
 */
import {
  createDetachedSignedData,
  fromBase64Any,
  type Signer,
  toBase64,
  verifyDetachedSignedData,
} from '@goskit/crypto';
import { SignatureInvalidError, type SignedSubject } from '../errors/signature-invalid-error.js';
import type { TrustedCertificate } from './trusted-certificates.js';

export async function signAttachment(
  content: Uint8Array,
  signer: Signer,
  signingTime: Date,
): Promise<string> {
  return toBase64(await createDetachedSignedData({ signer, content, signingTime }));
}

export interface CmsSignatureInfo {
  family: 'gost' | 'rsa';
  signer: string;
  signingTime: Date | undefined;
}

export async function verifyCms(
  signatureBase64: string,
  content: Uint8Array,
  trust: readonly TrustedCertificate[],
  subject: SignedSubject,
): Promise<CmsSignatureInfo> {
  if (trust.length === 0) {
    throw new SignatureInvalidError(
      subject,
      'no-trust',
      'no signing certificates are configured (documentCertificates)',
    );
  }
  let der: Uint8Array;
  try {
    der = fromBase64Any(signatureBase64);
  } catch (cause) {
    throw new SignatureInvalidError(subject, 'malformed', 'the signature is not base64', { cause });
  }
  let result: Awaited<ReturnType<typeof verifyDetachedSignedData>>;
  try {
    result = await verifyDetachedSignedData(der, content, {
      certificates: trust.map((t) => t.certificate.der),
      requireKnownCertificate: true,
    });
  } catch (cause) {
    throw new SignatureInvalidError(subject, 'malformed', 'the signature is not a CMS SignedData', { cause });
  }
  if (!result.valid) {
    const reason = result.reason === 'certificate-not-found' ? 'untrusted-signer' : result.reason;
    throw new SignatureInvalidError(subject, reason, result.message);
  }
  return { family: result.family, signer: result.certificate.subject, signingTime: result.signingTime };
}
