import { GospochtaError } from './gospochta-error.js';

/**
 * An access token from the token endpoint failed verification. `reason` is the check: a
 * @goskit/crypto code (`ALGORITHM_NOT_ALLOWED`, `SIGNATURE_MISMATCH`, `TOKEN_EXPIRED`,
 * `TOKEN_CLAIM_INVALID`, `KEY_NOT_FOUND`, `MALFORMED_TOKEN`) or `ROLE_UNKNOWN`.
 */
export class TokenInvalidError extends GospochtaError<'TOKEN_INVALID'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'TokenInvalidError';

  readonly reason: string;

  constructor(reason: string, message: string, options: { cause?: unknown } = {}) {
    super('TOKEN_INVALID', `Gospochta access token refused (${reason}): ${message}`, {
      cause: options.cause,
    });
    this.reason = reason;
  }
}
