/**
 * Checks shared by the authorization and token endpoints: the timestamp against the virtual clock,
 * the certificate hash and the GOST client_secret of a registered client.
 */
import {
  type EsiaSignedFields,
  parseEsiaTimestamp,
  verifyClientSecret,
  verifyPkcs7ClientSecret,
} from '@goskit/crypto';
import { EsiaRejection } from './errors.js';
import type { EsiaClientRecord } from './state.js';

/** ESIA-007015 when the timestamp is not `yyyy.MM.dd HH:mm:ss ±hhmm` or too far from the virtual now. */
export function checkTimestamp(
  timestamp: string,
  nowMs: number,
  skewMinutes: number,
): EsiaRejection | undefined {
  let instant: number;
  try {
    instant = parseEsiaTimestamp(timestamp).date.getTime();
  } catch {
    return new EsiaRejection('007015');
  }
  return Math.abs(instant - nowMs) > skewMinutes * 60_000 ? new EsiaRejection('007015') : undefined;
}

/** ESIA-007053 for a certificate hash that is not the registered certificate's. */
export function checkCertificateHash(client: EsiaClientRecord, hash: string): EsiaRejection | undefined {
  return hash.toUpperCase() === client.certificateHash ? undefined : new EsiaRejection('007053');
}

/**
 * ESIA-007053 unless client_secret is a GOST signature of the flow's signed string by the client's
 * certificate (base64url padded or not, OpenSSL or CryptoPro byte order — verifyClientSecret tries both).
 */
export function checkClientSecret(
  client: EsiaClientRecord,
  secret: string,
  fields: EsiaSignedFields,
): EsiaRejection | undefined {
  const result = verifyClientSecret({ secret, fields, certificate: client.certificatePem });
  return result.valid ? undefined : new EsiaRejection('007053');
}

/** Any of several signed-string variants verifies (the refresh flow's [unconfirmed] string). */
export function checkClientSecretAny(
  client: EsiaClientRecord,
  secret: string,
  variants: EsiaSignedFields[],
): EsiaRejection | undefined {
  for (const fields of variants) {
    if (!checkClientSecret(client, secret, fields)) {
      return undefined;
    }
  }
  return new EsiaRejection('007053');
}

/** Legacy v1: a detached PKCS#7 SignedData over scope + timestamp + client_id + state by the registered certificate. */
export async function checkPkcs7Secret(
  client: EsiaClientRecord,
  secret: string,
  fields: { clientId: string; scope: string; timestamp: string; state: string },
): Promise<EsiaRejection | undefined> {
  try {
    const result = await verifyPkcs7ClientSecret({ secret, fields, certificate: client.certificatePem });
    return result.valid ? undefined : new EsiaRejection('007053');
  } catch {
    return new EsiaRejection('007053');
  }
}
