import { der } from '../asn1/index.js';
import { CryptoError } from '../errors.js';
import type { Signer } from '../signers/signer.js';
import { issuerAndSerialOf } from './certificate-id.js';
import { digestByOid } from './digest.js';
import { CMS_OIDS } from './oids.js';

export interface CreateSignedDataOptions {
  signer: Signer;
  /** The content signed; not embedded (detached signature). */
  content: Uint8Array;
  /** Add contentType, signingTime and messageDigest signed attributes. Default true (as `openssl smime` does). */
  signedAttributes?: boolean;
  /** signingTime attribute; default now. */
  signingTime?: Date;
  /** Include the signer's certificate. Default true. */
  includeCertificate?: boolean;
}

function algorithmsFor(signer: Signer): { digest: string; signature: string; digestParamsNull: boolean } {
  if (signer.algorithm === 'GOST3410_2012_256') {
    // Same identifiers (with NULL parameters) as OpenSSL's GOST engine writes.
    return { digest: CMS_OIDS.streebog256, signature: CMS_OIDS.gost2012_256, digestParamsNull: true };
  }
  if (signer.algorithm === 'RS256') {
    return { digest: CMS_OIDS.sha256, signature: CMS_OIDS.rsaEncryption, digestParamsNull: true };
  }
  throw new CryptoError(
    'UNSUPPORTED_ALGORITHM',
    `CMS SignedData supports GOST3410_2012_256 and RS256, not ${signer.algorithm}`,
  );
}

const algorithmIdentifier = (oid: string) => der.sequence(der.oid(oid), der.null());

/**
 * Creates a detached CMS/PKCS#7 SignedData (DER): one SignerInfo identified by issuer and serial,
 * signed attributes by default. This is ESIA's legacy v1 client_secret format and what
 * `openssl smime -sign -binary -outform DER` produces.
 */
export async function createDetachedSignedData(options: CreateSignedDataOptions): Promise<Uint8Array> {
  const { signer, content } = options;
  const algorithms = algorithmsFor(signer);
  const certificate = await signer.certificate();
  const { issuer, serial } = issuerAndSerialOf(certificate);

  let signedAttrs: Uint8Array | undefined;
  let toSign = content;
  if (options.signedAttributes ?? true) {
    const digest = await digestByOid(algorithms.digest, content);
    signedAttrs = der.set(
      der.sequence(der.oid(CMS_OIDS.contentType), der.set(der.oid(CMS_OIDS.data))),
      der.sequence(der.oid(CMS_OIDS.signingTime), der.set(der.utcTime(options.signingTime ?? new Date()))),
      der.sequence(der.oid(CMS_OIDS.messageDigest), der.set(der.octetString(digest))),
    );
    // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] field.
    toSign = signedAttrs;
  }
  const signature = await signer.sign(toSign);

  const signerInfoParts = [
    der.integer(1n),
    der.sequence(issuer, serial),
    algorithmIdentifier(algorithms.digest),
  ];
  if (signedAttrs) {
    signerInfoParts.push(der.contextSpecific(0, signedAttrs.subarray(headerLength(signedAttrs)), true));
  }
  signerInfoParts.push(algorithmIdentifier(algorithms.signature), der.octetString(signature));

  const signedDataParts = [
    der.integer(1n),
    der.set(algorithmIdentifier(algorithms.digest)),
    der.sequence(der.oid(CMS_OIDS.data)),
  ];
  if (options.includeCertificate ?? true) {
    signedDataParts.push(der.contextSpecific(0, certificate, true));
  }
  signedDataParts.push(der.set(der.sequence(...signerInfoParts)));

  return der.sequence(
    der.oid(CMS_OIDS.signedData),
    der.contextSpecific(0, der.sequence(...signedDataParts), true),
  );
}

/** Length of a DER TLV header, to re-tag an encoded SET as [0] IMPLICIT. */
function headerLength(tlv: Uint8Array): number {
  const first = tlv[1] as number;
  return first < 0x80 ? 2 : 2 + (first & 0x7f);
}
