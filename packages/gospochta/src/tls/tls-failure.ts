/**
 * Recognises a failed TLS handshake in a network error's cause chain and names it: the portal refused
 * our certificate (its alert: unknown CA, expired, required, bad) or we refused the portal's.
 */
import { TlsRejectedError, type TlsRejection } from '../errors/tls-rejected-error.js';

const BY_CODE: ReadonlyMap<string, TlsRejection> = new Map([
  ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'unknown-ca'],
  ['ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED', 'expired'],
  ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'certificate-required'],
  ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'certificate-required'],
  ['ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'bad-certificate'],
  ['ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE', 'bad-certificate'],
  ['ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED', 'bad-certificate'],
  ['ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR', 'bad-certificate'],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'server-untrusted'],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'server-untrusted'],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'server-untrusted'],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'server-untrusted'],
  ['CERT_HAS_EXPIRED', 'server-untrusted'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'server-untrusted'],
]);

const MESSAGES: readonly [RegExp, TlsRejection][] = [
  [/alert unknown ca/i, 'unknown-ca'],
  [/alert certificate expired/i, 'expired'],
  [/alert certificate required/i, 'certificate-required'],
  [/alert bad certificate/i, 'bad-certificate'],
];

const DESCRIPTIONS: Record<TlsRejection, string> = {
  'unknown-ca': 'the portal does not know the CA of our client certificate',
  expired: 'the portal refused our client certificate as expired',
  'certificate-required': 'the portal requires a client certificate and got none',
  'bad-certificate': 'the portal refused our client certificate',
  'server-untrusted': "the portal's certificate is not trusted (set tls.ca to the portal's CA)",
  refused: 'the portal refused the connection',
};

/** A TlsRejectedError for a handshake failure somewhere in `error`'s causes, else undefined. */
export function tlsRejection(error: unknown): TlsRejectedError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== null && typeof current === 'object'; depth++) {
    if (current instanceof TlsRejectedError) {
      return current;
    }
    const record = current as { code?: unknown; message?: unknown; cause?: unknown };
    const reason =
      (typeof record.code === 'string' ? BY_CODE.get(record.code) : undefined) ??
      (typeof record.message === 'string'
        ? MESSAGES.find(([pattern]) => pattern.test(record.message as string))?.[1]
        : undefined);
    if (reason) {
      return new TlsRejectedError(reason, `TLS handshake refused: ${DESCRIPTIONS[reason]}`, { cause: error });
    }
    current = record.cause;
  }
  return undefined;
}
