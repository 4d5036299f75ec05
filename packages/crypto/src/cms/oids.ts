/** Object identifiers used in CMS SignedData (RFC 5652, RFC 4490 / R 1323565.1.024 for GOST). */
export const CMS_OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** GOST R 34.11-2012 256-bit (Streebog-256) digest. */
  streebog256: '1.2.643.7.1.1.2.2',
  /** GOST R 34.10-2012 256-bit public key — what OpenSSL's GOST engine writes as SignerInfo.signatureAlgorithm. */
  gost2012_256: '1.2.643.7.1.1.1.1',
  /** GOST R 34.10-2012 256 with GOST R 34.11-2012 256 (signature algorithm in X.509; accepted in CMS too). */
  gost2012_256WithStreebog256: '1.2.643.7.1.1.3.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsaEncryption: '1.2.840.113549.1.1.11',
} as const;

/** The two signature families goskit's CMS supports. */
export type CmsFamily = 'gost' | 'rsa';

export function familyOfSignatureOid(oid: string): CmsFamily | undefined {
  if (oid === CMS_OIDS.gost2012_256 || oid === CMS_OIDS.gost2012_256WithStreebog256) {
    return 'gost';
  }
  if (oid === CMS_OIDS.rsaEncryption || oid === CMS_OIDS.sha256WithRsaEncryption) {
    return 'rsa';
  }
  return undefined;
}
