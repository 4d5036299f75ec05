import { CryptoError } from '../errors.js';
import { type GostPublicKey, gostVerify, streebog256 } from '../gost/index.js';
import { reverseBytes, toHex, utf8 } from '../integrity/bytes.js';
import { certificateHash, parseCertificate } from '../x509/index.js';
import { type ClientSecretEncoding, decodeClientSecret } from './client-secret.js';
import { type EsiaSignedFields, esiaSignedString, timestampText } from './signed-string.js';

export interface VerifyClientSecretOptions {
  /** The received client_secret. */
  secret: string;
  /** The received request fields (timestamp exactly as received). */
  fields: EsiaSignedFields;
  /** Registered certificate (PEM or DER); or give `publicKey`. */
  certificate?: string | Uint8Array;
  publicKey?: GostPublicKey;
  /** The received client_certificate_hash; checked against `certificate` when both are given. */
  certificateHash?: string;
}

/** Why a client_secret was rejected — each names a mistake integrators actually make. */
export type ClientSecretFailure =
  | 'malformed-secret' // not base64/base64url of 64 bytes (e.g. a PKCS#7 blob sent to v2)
  | 'certificate-hash-mismatch'
  | 'certificate-hash-sha1' // 40 hex digits: SHA-1 instead of Streebog-256
  | 'certificate-hash-of-pem' // Streebog-256 of the PEM text instead of the DER bytes
  | 'wrong-signed-string-order' // signature is over the v1 order (scope + timestamp + client_id + state)
  | 'incomplete-fields' // a field the flow's signed string needs is missing (ESIA answers ESIA-007014)
  | 'signature-mismatch';

export type ClientSecretVerification =
  | { valid: true; byteOrder: 'openssl' | 'reversed'; encoding: ClientSecretEncoding }
  | { valid: false; reason: ClientSecretFailure; message: string };

function fail(reason: ClientSecretFailure, message: string): ClientSecretVerification {
  return { valid: false, reason, message };
}

function checkHash(
  given: string,
  certDer: Uint8Array,
  pemText: string | undefined,
): ClientSecretVerification | undefined {
  const expected = certificateHash(certDer);
  if (given.toUpperCase() === expected) {
    return undefined;
  }
  if (/^[0-9a-fA-F]{40}$/.test(given)) {
    return fail(
      'certificate-hash-sha1',
      'client_certificate_hash has 40 hex digits: SHA-1 is not accepted, use GOST R 34.11-2012-256',
    );
  }
  if (pemText !== undefined && given.toUpperCase() === toHex(streebog256(utf8(pemText))).toUpperCase()) {
    return fail(
      'certificate-hash-of-pem',
      'client_certificate_hash was computed over the PEM text; hash the DER bytes',
    );
  }
  return fail(
    'certificate-hash-mismatch',
    'client_certificate_hash does not match the registered certificate',
  );
}

/**
 * The simulator's side of ESIA's check: decodes the secret (any base64 flavour), verifies the GOST
 * signature over the flow's signed string in OpenSSL layout and, failing that, in CryptoPro's
 * reversed layout; compares the certificate hash. Never throws for bad client input — returns a reason.
 */
export function verifyClientSecret(options: VerifyClientSecretOptions): ClientSecretVerification {
  let publicKey = options.publicKey;
  if (options.certificate !== undefined) {
    const certificate = parseCertificate(options.certificate);
    if (options.certificateHash !== undefined) {
      const pemText = typeof options.certificate === 'string' ? options.certificate : undefined;
      const hashFailure = checkHash(options.certificateHash, certificate.der, pemText);
      if (hashFailure) {
        return hashFailure;
      }
    }
    publicKey ??= certificate.gostPublicKey;
  }
  if (!publicKey) {
    throw new CryptoError('INVALID_INPUT', 'verifyClientSecret needs a GOST certificate or publicKey');
  }
  let decoded: ReturnType<typeof decodeClientSecret>;
  try {
    decoded = decodeClientSecret(options.secret);
  } catch (error) {
    // decodeClientSecret throws CryptoError only; its message says what is wrong with the secret.
    return fail('malformed-secret', (error as CryptoError).message);
  }
  const fields = { ...options.fields, timestamp: timestampText(options.fields.timestamp) };
  let data: Uint8Array;
  try {
    data = utf8(esiaSignedString(fields));
  } catch (error) {
    // esiaSignedString throws CryptoError only; its message names the missing field.
    return fail('incomplete-fields', (error as CryptoError).message);
  }
  if (gostVerify(publicKey, data, decoded.bytes)) {
    return { valid: true, byteOrder: 'openssl', encoding: decoded.encoding };
  }
  if (gostVerify(publicKey, data, reverseBytes(decoded.bytes))) {
    return { valid: true, byteOrder: 'reversed', encoding: decoded.encoding };
  }
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent: for v1 the legacy string is the one just checked; the guard only saves two verifications
  if (fields.flow !== 'v1') {
    const legacy = utf8(esiaSignedString({ ...fields, flow: 'v1' }));
    if (
      gostVerify(publicKey, legacy, decoded.bytes) ||
      gostVerify(publicKey, legacy, reverseBytes(decoded.bytes))
    ) {
      return fail(
        'wrong-signed-string-order',
        'client_secret signs the v1 order (scope+timestamp+client_id+state); v2/v3 sign client_id+scope+scope_org+timestamp+state+redirect_uri[+code]',
      );
    }
  }
  return fail(
    'signature-mismatch',
    'client_secret does not verify against the certificate for this signed string',
  );
}
