import { GospochtaError } from './gospochta-error.js';

/** A document link is past `expiresAt` (on the client's clock, or the portal answered 410). */
export class LinkExpiredError extends GospochtaError<'LINK_EXPIRED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'LinkExpiredError';

  readonly documentId: string;
  readonly expiresAt: Date | undefined;
  readonly source: 'local' | 'portal';

  constructor(details: {
    documentId: string;
    expiresAt?: Date;
    source: 'local' | 'portal';
    cause?: unknown;
  }) {
    super(
      'LINK_EXPIRED',
      `The download link of document ${details.documentId} expired${details.expiresAt ? ` at ${details.expiresAt.toISOString()}` : ''}`,
      {
        cause: details.cause,
        hint: {
          ru: 'Ссылка истекла: получите новую (documents.renewLink или download({ renew: true })).',
          en: 'The link expired: get a new one (documents.renewLink or download({ renew: true })).',
        },
      },
    );
    this.documentId = details.documentId;
    this.expiresAt = details.expiresAt;
    this.source = details.source;
  }
}

export function isLinkExpiredError(value: unknown): value is LinkExpiredError {
  return value instanceof LinkExpiredError;
}
