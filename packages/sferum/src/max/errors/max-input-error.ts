/**
 * The client refused an argument before sending anything: the field, the rule it broke and a text in
 * Russian and English for a form or a log. Never carries the value of a secret field.
 */
import { MaxError } from './max-error.js';

export interface LocalizedRule {
  ru: string;
  en: string;
}

export class MaxInputError extends MaxError<'INVALID_INPUT'> {
  readonly field: string;
  readonly rule: string;
  readonly text: LocalizedRule;

  constructor(field: string, rule: string, text: LocalizedRule) {
    super('INVALID_INPUT', `${field}: ${text.en}`, { hint: text });
    this.field = field;
    this.rule = rule;
    this.text = text;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, rule: this.rule };
  }
}
