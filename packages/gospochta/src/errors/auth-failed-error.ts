import { redactText } from '@goskit/core';
import { GospochtaError } from './gospochta-error.js';

/** The token endpoint refused: OAuth's `error` is kept (`invalid_client`, `invalid_grant`…). */
export class AuthFailedError extends GospochtaError<'AUTH_FAILED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'AuthFailedError';

  readonly oauthError: string;
  readonly status: number;
  readonly description: string | undefined;

  constructor(details: {
    oauthError: string;
    status: number;
    description?: string | undefined;
    cause?: unknown;
  }) {
    const description =
      details.description === undefined ? undefined : redactText(details.description).slice(0, 300);
    super(
      'AUTH_FAILED',
      `Gospochta token endpoint refused: ${details.oauthError} (HTTP ${details.status})${description ? `: ${description}` : ''}`,
      { cause: details.cause },
    );
    this.oauthError = details.oauthError;
    this.status = details.status;
    this.description = description;
  }
}
