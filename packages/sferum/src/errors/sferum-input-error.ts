/**
 * Input the package refuses before anything is sent or stored: it names the field and the rule, in
 * Russian and English, and never echoes the rejected value (it may be a token or a person's name).
 */
import { type ErrorHint, SferumError } from './sferum-error.js';

export class SferumInputError extends SferumError<'INVALID_INPUT'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'SferumInputError';

  /** Where the bad value sits: `params.user_ids`, `method`, `roster.pupils[3].id`. */
  readonly field: string;
  /** A stable name of the broken rule: `method-name`, `reserved-param`, `integer` … */
  readonly rule: string;

  constructor(field: string, rule: string, text: ErrorHint, options: { cause?: unknown } = {}) {
    super('INVALID_INPUT', `${field}: ${text.en}`, { hint: text, ...options });
    this.field = field;
    this.rule = rule;
  }

  /** The same message in Russian. */
  get messageRu(): string {
    return `${this.field}: ${this.hint?.ru ?? ''}`;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, rule: this.rule };
  }
}

export function isSferumInputError(value: unknown): value is SferumInputError {
  return value instanceof SferumInputError;
}
