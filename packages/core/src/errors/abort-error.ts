import { GoskitError } from './goskit-error.js';

/** The caller's AbortSignal fired (while queued, waiting to retry, or in flight). `cause` is the signal's reason. */
export class AbortError extends GoskitError<'ABORTED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'AbortError';

  constructor(message = 'The operation was aborted', options?: { cause?: unknown }) {
    super('ABORTED', message, options);
  }
}

export function isAbortError(value: unknown): value is AbortError {
  return value instanceof AbortError;
}
