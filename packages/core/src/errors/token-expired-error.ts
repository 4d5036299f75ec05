import { GoskitError } from './goskit-error.js';

/** The token source returned a token that is already expired, so there is nothing valid to send. */
export class TokenExpiredError extends GoskitError<'TOKEN_EXPIRED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'TokenExpiredError';

  constructor(message = 'The token provider returned an already expired token') {
    super('TOKEN_EXPIRED', message);
  }
}

export function isTokenExpiredError(value: unknown): value is TokenExpiredError {
  return value instanceof TokenExpiredError;
}
