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

/**
 * ESIA-007015 when the timestamp is not `yyyy.MM.dd HH:mm:ss ±hhmm` or too far from the virtual now.
 * The note names the simulator's virtual clock, the usual culprit in tests (not the host's NTP).
 */
export function checkTimestamp(
  timestamp: string,
  nowMs: number,
  skewMinutes: number,
): EsiaRejection | undefined {
  const clockNote = (detail: string) =>
    `${detail}; the simulator's virtual clock reads ${new Date(nowMs).toISOString()} and accepts ±${skewMinutes} min — sign with that clock (GET /__goskit/clock, or sim.clock in process)`;
  let instant: number;
  try {
    instant = parseEsiaTimestamp(timestamp).date.getTime();
  } catch {
    return new EsiaRejection('007015', undefined, clockNote(`timestamp is not 'yyyy.MM.dd HH:mm:ss +hhmm'`));
  }
  if (Math.abs(instant - nowMs) <= skewMinutes * 60_000) {
    return undefined;
  }
  return new EsiaRejection('007015', undefined, clockNote(`timestamp is ${new Date(instant).toISOString()}`));
}

/**
 * ESIA-007053 [unconfirmed code] when the registered certificate is not valid at the virtual now
 * (expired or not yet valid): ESIA verifies client_secret with that certificate.
 */
export function checkCertificateValidity(client: EsiaClientRecord, nowMs: number): EsiaRejection | undefined {
  const state =
    nowMs < client.notBeforeMs ? 'is not yet valid' : nowMs > client.notAfterMs ? 'has expired' : undefined;
  if (state === undefined) {
    return undefined;
  }
  return new EsiaRejection(
    '007053',
    undefined,
    `the registered certificate ${state} at ${new Date(nowMs).toISOString()} (valid ${new Date(client.notBeforeMs).toISOString()} … ${new Date(client.notAfterMs).toISOString()})`,
  );
}

/** Which signature byte orders verify (EsiaPortalOptions.signatureByteOrder). */
export type SignatureByteOrder = 'openssl' | 'either';

const REVERSED_NOTE =
  'the signature verifies only with its bytes reversed (CryptoPro order): reverse the 64 signature bytes before base64url, as ilimurzin/esia and go-api-epgu do';

/** ESIA-007053 for a certificate hash that is not the registered certificate's. */
export function checkCertificateHash(client: EsiaClientRecord, hash: string): EsiaRejection | undefined {
  return hash.toUpperCase() === client.certificateHash ? undefined : new EsiaRejection('007053');
}

/**
 * ESIA-007053 unless client_secret is a GOST signature of the flow's signed string by the client's
 * certificate (base64url padded or not). Only the OpenSSL byte order verifies by default; a
 * signature that verifies reversed (CryptoPro's raw order) is refused with a note naming the mistake.
 */
export function checkClientSecret(
  client: EsiaClientRecord,
  secret: string,
  fields: EsiaSignedFields,
  byteOrder: SignatureByteOrder = 'openssl',
): EsiaRejection | undefined {
  const result = verifyClientSecret({ secret, fields, certificate: client.certificatePem });
  if (!result.valid) {
    return new EsiaRejection('007053');
  }
  return result.byteOrder === 'reversed' && byteOrder === 'openssl'
    ? new EsiaRejection('007053', undefined, REVERSED_NOTE)
    : undefined;
}

/** Any of several signed-string variants verifies (the refresh flow's [unconfirmed] string). */
export function checkClientSecretAny(
  client: EsiaClientRecord,
  secret: string,
  variants: EsiaSignedFields[],
  byteOrder: SignatureByteOrder = 'openssl',
): EsiaRejection | undefined {
  let reversed: EsiaRejection | undefined;
  for (const fields of variants) {
    const rejection = checkClientSecret(client, secret, fields, byteOrder);
    if (!rejection) {
      return undefined;
    }
    reversed ??= rejection.note === undefined ? undefined : rejection;
  }
  return reversed ?? new EsiaRejection('007053');
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
