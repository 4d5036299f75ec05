import { GoskitError } from './goskit-error.js';

/** A goskit API was called with options it cannot work with (e.g. `toArray()` without `limit`). */
export class InvalidOptionsError extends GoskitError<'INVALID_OPTIONS'> {
  constructor(message: string) {
    super('INVALID_OPTIONS', message);
  }
}

export function isInvalidOptionsError(value: unknown): value is InvalidOptionsError {
  return value instanceof InvalidOptionsError;
}
