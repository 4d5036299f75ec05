import { CryptoError } from '../errors.js';
import { gostVerify } from '../gost/index.js';
import { timingSafeEqual, toArrayBufferView } from '../integrity/bytes.js';
import { type Certificate, parseCertificate } from '../x509/index.js';
import { issuerAndSerialOf, sameBytes } from './certificate-id.js';
import { digestByOid } from './digest.js';
import { CMS_OIDS, type CmsFamily, familyOfSignatureOid } from './oids.js';
import { type ParsedSignerInfo, parseSignedData } from './parse-signed-data.js';

export interface VerifySignedDataOptions {
  /** Certificates to use besides those carried in the SignedData (e.g. the registered one). */
  certificates?: ReadonlyArray<string | Uint8Array>;
  /** Only accept signers whose certificate is among `certificates` (ignore embedded ones). Default false. */
  requireKnownCertificate?: boolean;
}

export type SignedDataFailure =
  | 'certificate-not-found'
  | 'unsupported-algorithm'
  | 'content-type-mismatch'
  | 'digest-mismatch'
  | 'signature-mismatch';

export type SignedDataVerification =
  | { valid: true; family: CmsFamily; certificate: Certificate; signingTime?: Date }
  | { valid: false; reason: SignedDataFailure; message: string };

async function verifySignature(
  family: CmsFamily,
  certificate: Certificate,
  data: Uint8Array,
  signature: Uint8Array,
) {
  if (family === 'gost') {
    if (!certificate.gostPublicKey) {
      return false;
    }
    return gostVerify(certificate.gostPublicKey, data, signature);
  }
  let key: CryptoKey;
  try {
    key = await globalThis.crypto.subtle.importKey(
      'spki',
      toArrayBufferView(certificate.spki),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
  } catch (cause) {
    throw new CryptoError('INVALID_PUBLIC_KEY', 'Certificate public key is not an RSA key', { cause });
  }
  return globalThis.crypto.subtle.verify(
    'RSASSA-PKCS1-v1_5',
    key,
    toArrayBufferView(signature),
    toArrayBufferView(data),
  );
}

async function verifySignerInfo(
  info: ParsedSignerInfo,
  content: Uint8Array,
  candidates: Uint8Array[],
): Promise<SignedDataVerification> {
  const certificateDer = candidates.find((der) => {
    const id = issuerAndSerialOf(der);
    return sameBytes(id.issuer, info.issuer) && sameBytes(id.serial, info.serial);
  });
  if (!certificateDer) {
    return {
      valid: false,
      reason: 'certificate-not-found',
      message: 'No certificate matches the SignerInfo issuer and serial',
    };
  }
  const certificate = parseCertificate(certificateDer);
  const family = familyOfSignatureOid(info.signatureAlgorithm);
  const expectedDigest = family === 'gost' ? CMS_OIDS.streebog256 : CMS_OIDS.sha256;
  if (!family || info.digestAlgorithm !== expectedDigest) {
    return {
      valid: false,
      reason: 'unsupported-algorithm',
      message: `Unsupported CMS algorithms ${info.signatureAlgorithm} / ${info.digestAlgorithm}`,
    };
  }
  let signed = content;
  if (info.signedAttributes) {
    const attrs = info.signedAttributes;
    if (attrs.contentType !== CMS_OIDS.data) {
      return {
        valid: false,
        reason: 'content-type-mismatch',
        message: 'contentType attribute is not id-data',
      };
    }
    const digest = await digestByOid(info.digestAlgorithm, content);
    if (!attrs.messageDigest || !timingSafeEqual(digest, attrs.messageDigest)) {
      return { valid: false, reason: 'digest-mismatch', message: 'messageDigest does not match the content' };
    }
    signed = attrs.der;
  }
  if (!(await verifySignature(family, certificate, signed, info.signature))) {
    return { valid: false, reason: 'signature-mismatch', message: 'SignerInfo signature does not verify' };
  }
  const signingTime = info.signedAttributes?.signingTime;
  return { valid: true, family, certificate, ...(signingTime ? { signingTime } : {}) };
}

/**
 * Verifies a detached (or attached, when `content` is omitted) SignedData: finds each signer's
 * certificate by issuer and serial, checks messageDigest and the signature (GOST R 34.10-2012 with
 * Streebog-256, or RSA PKCS#1 v1.5 with SHA-256). All SignerInfos must verify. Malformed structure
 * throws CryptoError('MALFORMED_CMS'); a wrong signature returns `{ valid: false, reason }`.
 * Certificate chains and validity dates are the caller's policy, not checked here.
 */
export async function verifyDetachedSignedData(
  signedData: Uint8Array,
  content: Uint8Array | undefined,
  options: VerifySignedDataOptions = {},
): Promise<SignedDataVerification> {
  const parsed = parseSignedData(signedData);
  const data = content ?? parsed.content;
  if (!data) {
    throw new CryptoError('INVALID_INPUT', 'Detached SignedData needs the content it signs');
  }
  const extra = (options.certificates ?? []).map((certificate) => parseCertificate(certificate).der);
  const candidates = options.requireKnownCertificate ? extra : [...extra, ...parsed.certificates];
  let result: SignedDataVerification | undefined;
  for (const info of parsed.signerInfos) {
    result = await verifySignerInfo(info, data, candidates);
    if (!result.valid) {
      return result;
    }
  }
  return result as SignedDataVerification;
}
