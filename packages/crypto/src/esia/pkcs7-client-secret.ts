import { createDetachedSignedData } from '../cms/create-signed-data.js';
import { type SignedDataVerification, verifyDetachedSignedData } from '../cms/verify-signed-data.js';
import { CryptoError } from '../errors.js';
import { fromBase64Any, toBase64Url, utf8 } from '../integrity/bytes.js';
import type { Signer } from '../signers/signer.js';
import { type EsiaSignedFields, esiaSignedString, timestampText } from './signed-string.js';

export interface EsiaPkcs7ClientSecret {
  /** base64url (unpadded) of the detached PKCS#7 SignedData. */
  clientSecret: string;
  timestamp: string;
}

/**
 * Legacy v1 (`/aas/oauth2/ac`, `/te`) client_secret: a detached PKCS#7 SignedData over
 * scope + timestamp + client_id + state, as `openssl smime -sign -md md_gost12_256 -binary -outform DER` makes it.
 */
export async function createPkcs7ClientSecret(
  signer: Signer,
  fields: Omit<EsiaSignedFields, 'flow'> & { signingTime?: Date },
): Promise<EsiaPkcs7ClientSecret> {
  const timestamp = timestampText(fields.timestamp);
  const content = utf8(esiaSignedString({ ...fields, timestamp, flow: 'v1' }));
  const signedData = await createDetachedSignedData({
    signer,
    content,
    ...(fields.signingTime ? { signingTime: fields.signingTime } : {}),
  });
  return { clientSecret: toBase64Url(signedData), timestamp };
}

/** Simulator side of v1: decodes any base64 flavour and verifies the SignedData over the v1 string. */
export async function verifyPkcs7ClientSecret(options: {
  secret: string;
  fields: Omit<EsiaSignedFields, 'flow'>;
  certificate?: string | Uint8Array;
}): Promise<SignedDataVerification> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Any(options.secret.replace(/ /g, '+'));
  } catch (cause) {
    throw new CryptoError('MALFORMED_SIGNATURE', 'v1 client_secret is not base64 or base64url', { cause });
  }
  const content = utf8(esiaSignedString({ ...options.fields, flow: 'v1' }));
  return verifyDetachedSignedData(bytes, content, {
    ...(options.certificate ? { certificates: [options.certificate], requireKnownCertificate: true } : {}),
  });
}
