import { GospochtaError } from './gospochta-error.js';

/** A 2xx answer whose (verified, decrypted) body is not what the contract says. */
export class InvalidResponseError extends GospochtaError<'INVALID_RESPONSE'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'InvalidResponseError';

  readonly operation: string;
  readonly requestId: string | undefined;

  constructor(
    operation: string,
    message: string,
    options: { requestId?: string | undefined; cause?: unknown } = {},
  ) {
    super('INVALID_RESPONSE', `${operation}: ${message}`, { cause: options.cause });
    this.operation = operation;
    this.requestId = options.requestId;
  }
}
