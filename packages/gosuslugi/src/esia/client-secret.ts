import {
  CryptoError,
  certificateHash,
  createPkcs7ClientSecret,
  type EsiaSignedFields,
  esiaSignedString,
  esiaTimestamp,
  type Signer,
  toBase64Url,
} from '@goskit/crypto';
import type { EsiaContext } from './context.js';

export interface SignedParameters {
  client_secret: string;
  timestamp: string;
  /** Absent in the v1 flow. */
  client_certificate_hash?: string;
}

// Streebog over the DER certificate costs as much as a third of the signature: computed once per
// certificate object. A signer that re-reads a rotated certificate returns new bytes → a new hash.
const hashes = new WeakMap<Uint8Array, string>();

async function certificateHashOf(signer: Signer): Promise<string> {
  const der = await signer.certificate();
  let hash = hashes.get(der);
  if (hash === undefined) {
    hash = certificateHash(der);
    hashes.set(der, hash);
  }
  return hash;
}

/**
 * Signs the flow's string: v2/v3 a raw GOST signature (64 bytes, unpadded base64url) plus the
 * certificate hash, v1 a detached PKCS#7. The timestamp comes from the client's clock, in Moscow
 * time like ESIA's own.
 */
export async function signParameters(
  context: EsiaContext,
  fields: Omit<EsiaSignedFields, 'timestamp' | 'clientId'>,
): Promise<SignedParameters> {
  const timestamp = esiaTimestamp(new Date(context.now()));
  const clientId = context.options.clientId;
  const signer = context.options.signer;
  if (fields.flow === 'v1') {
    const { flow: _flow, ...rest } = fields;
    const secret = await createPkcs7ClientSecret(signer, {
      ...rest,
      clientId,
      timestamp,
      signingTime: new Date(context.now()),
    });
    return { client_secret: secret.clientSecret, timestamp: secret.timestamp };
  }
  if (signer.algorithm !== 'GOST3410_2012_256') {
    throw new CryptoError(
      'UNSUPPORTED_ALGORITHM',
      `ESIA client_secret needs a GOST signer, got ${signer.algorithm}`,
    );
  }
  const text = esiaSignedString({ ...fields, clientId, timestamp });
  const [signature, hash] = await Promise.all([
    signer.sign(new TextEncoder().encode(text)),
    certificateHashOf(signer),
  ]);
  if (signature.length !== 64) {
    throw new CryptoError('MALFORMED_SIGNATURE', `Signer returned ${signature.length} bytes, expected 64`);
  }
  return { client_secret: toBase64Url(signature), timestamp, client_certificate_hash: hash };
}
