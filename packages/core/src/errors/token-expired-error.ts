import { GoskitError } from './goskit-error.js';

/** The token source returned a token that is already expired, so there is nothing valid to send. */
export class TokenExpiredError extends GoskitError<'TOKEN_EXPIRED'> {
  constructor(message = 'The token provider returned an already expired token') {
    super('TOKEN_EXPIRED', message);
  }
}

export function isTokenExpiredError(value: unknown): value is TokenExpiredError {
  return value instanceof TokenExpiredError;
}
