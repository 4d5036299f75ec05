import { GospochtaError } from './gospochta-error.js';

/**
 * Why a TLS connection was refused: the portal refused our certificate (`unknown-ca`, `expired`,
 * `certificate-required`, `bad-certificate`, or `refused` when it closed the connection without
 * saying why) or we refused the portal's (`server-untrusted`).
 */
export type TlsRejection =
  | 'unknown-ca'
  | 'expired'
  | 'certificate-required'
  | 'bad-certificate'
  | 'server-untrusted'
  | 'refused';

export class TlsRejectedError extends GospochtaError<'TLS_REJECTED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'TlsRejectedError';

  readonly reason: TlsRejection;

  constructor(reason: TlsRejection, message: string, options: { cause?: unknown } = {}) {
    super('TLS_REJECTED', message, {
      cause: options.cause,
      hint:
        reason === 'server-untrusted'
          ? {
              ru: 'Сертификат портала не проверен: передайте CA портала в tls.ca.',
              en: "The portal's certificate is not trusted: pass the portal's CA as tls.ca.",
            }
          : {
              ru: 'Портал отклонил клиентский сертификат: нужен действующий сертификат, выданный УЦ портала для вашей системы.',
              en: 'The portal refused the client certificate: use a valid certificate issued by the portal CA for your system.',
            },
    });
    this.reason = reason;
  }
}

export function isTlsRejectedError(value: unknown): value is TlsRejectedError {
  return value instanceof TlsRejectedError;
}
