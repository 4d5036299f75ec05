import { GospochtaError } from './gospochta-error.js';

/**
 * The same Idempotency-Key was used for a different request: refused before sending when this
 * client remembers the key (`source: 'local'`), or by the portal (422 IDEMPOTENCY_KEY_REUSED).
 */
export class IdempotencyConflictError extends GospochtaError<'IDEMPOTENCY_CONFLICT'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'IdempotencyConflictError';

  readonly idempotencyKey: string;
  readonly operation: string;
  readonly source: 'local' | 'portal';

  constructor(details: {
    idempotencyKey: string;
    operation: string;
    source: 'local' | 'portal';
    cause?: unknown;
  }) {
    super(
      'IDEMPOTENCY_CONFLICT',
      `${details.operation}: Idempotency-Key "${details.idempotencyKey}" was already used for a different request`,
      {
        cause: details.cause,
        hint: {
          ru: 'Один ключ идемпотентности — один платёж: для другого платежа создайте новый ключ.',
          en: 'One idempotency key, one request: use a new key for a different payment.',
        },
      },
    );
    this.idempotencyKey = details.idempotencyKey;
    this.operation = details.operation;
    this.source = details.source;
  }
}

export function isIdempotencyConflictError(value: unknown): value is IdempotencyConflictError {
  return value instanceof IdempotencyConflictError;
}
