import { GospochtaError } from './gospochta-error.js';

/** One rule an input broke: the field (a path like `recipient.snils`), a stable code and ru/en text. */
export interface InputIssue {
  field: string;
  code: string;
  message: { ru: string; en: string };
}

/**
 * Input refused before anything was sent (ИНН, СНИЛС, УИН checksums, amounts, ids, attachment limits).
 * Separate from transport and portal errors. The message names fields and rules, never values.
 */
export class GospochtaValidationError extends GospochtaError<'VALIDATION_FAILED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'GospochtaValidationError';

  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[]) {
    super(
      'VALIDATION_FAILED',
      `Invalid input: ${issues.map((i) => `${i.field}: ${i.code} (${i.message.en})`).join('; ')}`,
    );
    this.issues = issues;
  }

  /** The same summary in Russian, for user-facing output. */
  get messageRu(): string {
    return `Ошибка во входных данных: ${this.issues.map((i) => `${i.field}: ${i.message.ru}`).join('; ')}`;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

export function isGospochtaValidationError(value: unknown): value is GospochtaValidationError {
  return value instanceof GospochtaValidationError;
}
