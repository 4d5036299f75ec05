import { CryptoError } from '../errors.js';
import { fromBase64Any, toBase64Url, utf8 } from '../integrity/bytes.js';
import type { Signer } from '../signers/signer.js';
import { certificateHash } from '../x509/index.js';
import { type EsiaSignedFields, esiaSignedString, timestampText } from './signed-string.js';

export interface EsiaClientSecret {
  /** base64url (unpadded) of the raw 64-byte GOST signature — the `client_secret` parameter. */
  clientSecret: string;
  /** Streebog-256 of the DER certificate, 64 uppercase hex — the `client_certificate_hash` parameter. */
  clientCertificateHash: string;
  /** The `timestamp` parameter that was signed; send exactly this text. */
  timestamp: string;
}

/**
 * Builds ESIA's v2/v3 `client_secret`: the signer signs the flow's signed string (UTF-8) with
 * GOST R 34.10-2012-256 and the 64 raw bytes are base64url-encoded without padding.
 */
export async function createClientSecret(
  signer: Signer,
  fields: EsiaSignedFields,
): Promise<EsiaClientSecret> {
  if (signer.algorithm !== 'GOST3410_2012_256') {
    throw new CryptoError(
      'UNSUPPORTED_ALGORITHM',
      `ESIA client_secret needs a GOST signer, got ${signer.algorithm}`,
    );
  }
  if (fields.flow === 'v1') {
    throw new CryptoError('INVALID_INPUT', 'The v1 flow uses PKCS#7: call createPkcs7ClientSecret');
  }
  const timestamp = timestampText(fields.timestamp);
  const signature = await signer.sign(utf8(esiaSignedString({ ...fields, timestamp })));
  if (signature.length !== 64) {
    throw new CryptoError('MALFORMED_SIGNATURE', `Signer returned ${signature.length} bytes, expected 64`);
  }
  return {
    clientSecret: toBase64Url(signature),
    clientCertificateHash: certificateHash(await signer.certificate()),
    timestamp,
  };
}

/** Which base64 flavour a received client_secret used (for diagnostics). */
export type ClientSecretEncoding = 'base64url' | 'base64url-padded' | 'base64' | 'base64-unpadded';

/**
 * Decodes a received client_secret to its 64 bytes. Accepts padded and unpadded base64url and
 * standard base64, including '+' turned into ' ' by a sender that forgot to URL-encode.
 * Throws CryptoError('MALFORMED_SIGNATURE') for anything else.
 */
export function decodeClientSecret(secret: string): { bytes: Uint8Array; encoding: ClientSecretEncoding } {
  // Bounds the work done on hostile input. Not observable otherwise: 64 bytes take 86–88 characters,
  // so a longer secret fails the length check below with the same code anyway.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a bound on work, equivalent in outcome
  if (secret.length > 200) {
    throw new CryptoError('MALFORMED_SIGNATURE', 'client_secret is too long for a 64-byte signature');
  }
  const normalized = secret.replace(/ /g, '+');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Any(normalized);
  } catch (cause) {
    throw new CryptoError('MALFORMED_SIGNATURE', 'client_secret is not base64 or base64url', { cause });
  }
  if (bytes.length !== 64) {
    throw new CryptoError(
      'MALFORMED_SIGNATURE',
      `client_secret decodes to ${bytes.length} bytes; a raw GOST R 34.10-2012-256 signature has 64 (PKCS#7 is the v1 format)`,
    );
  }
  const padded = normalized.endsWith('=');
  const standard = /[+/]/.test(normalized);
  const encoding: ClientSecretEncoding = standard
    ? padded
      ? 'base64'
      : 'base64-unpadded'
    : padded
      ? 'base64url-padded'
      : 'base64url';
  return { bytes, encoding };
}
