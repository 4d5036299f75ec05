import {
  createClientSecret,
  createPkcs7ClientSecret,
  type EsiaSignedFields,
  esiaTimestamp,
} from '@goskit/crypto';
import type { EsiaContext } from './context.js';

export interface SignedParameters {
  client_secret: string;
  timestamp: string;
  /** Absent in the v1 flow. */
  client_certificate_hash?: string;
}

/**
 * Signs the flow's string: v2/v3 a raw GOST signature (+ certificate hash), v1 a detached PKCS#7.
 * The timestamp is taken from the client's clock, in Moscow time like ESIA's own.
 */
export async function signParameters(
  context: EsiaContext,
  fields: Omit<EsiaSignedFields, 'timestamp' | 'clientId'>,
): Promise<SignedParameters> {
  const timestamp = esiaTimestamp(new Date(context.now()));
  const clientId = context.options.clientId;
  if (fields.flow === 'v1') {
    const { flow: _flow, ...rest } = fields;
    const secret = await createPkcs7ClientSecret(context.options.signer, {
      ...rest,
      clientId,
      timestamp,
      signingTime: new Date(context.now()),
    });
    return { client_secret: secret.clientSecret, timestamp: secret.timestamp };
  }
  const secret = await createClientSecret(context.options.signer, { ...fields, clientId, timestamp });
  return {
    client_secret: secret.clientSecret,
    timestamp: secret.timestamp,
    client_certificate_hash: secret.clientCertificateHash,
  };
}
