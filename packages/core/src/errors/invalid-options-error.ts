import { GoskitError } from './goskit-error.js';

/** A goskit API was called with options it cannot work with (e.g. `toArray()` without `limit`). */
export class InvalidOptionsError extends GoskitError<'INVALID_OPTIONS'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'InvalidOptionsError';

  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_OPTIONS', message, options);
  }
}

export function isInvalidOptionsError(value: unknown): value is InvalidOptionsError {
  return value instanceof InvalidOptionsError;
}
