import { GoskitError } from '@goskit/core';
import type { ValidationIssue } from '../messages/issue.js';

/** Stable codes of the errors this package throws. */
export type ValidationErrorCode = 'VALIDATION_FAILED';

/**
 * Thrown by the `assertXxx` helpers. Separate from transport errors: it never carries an HTTP status.
 * The message lists the issue codes and English texts only — never the rejected value.
 */
export class ValidationError extends GoskitError<ValidationErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'ValidationError';

  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    const summary = issues.map(
      (i) => `${i.path?.length ? `${i.path.join('.')}: ` : ''}${i.code} (${i.message.en})`,
    );
    super('VALIDATION_FAILED', `Validation failed: ${summary.join('; ')}`, options);
    this.issues = issues;
  }

  /** The same summary in Russian, for user-facing output. */
  get messageRu(): string {
    return `Ошибка проверки: ${this.issues.map((i) => i.message.ru).join('; ')}`;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

export function isValidationError(value: unknown): value is ValidationError {
  return value instanceof ValidationError;
}

/** Unwraps a check result or throws ValidationError — shared by every `assertXxx`. */
export function unwrapOrThrow<T>(
  result: { ok: true; value: T } | { ok: false; issues: ValidationIssue[] },
): T {
  if (result.ok) {
    return result.value;
  }
  throw new ValidationError(result.issues);
}
