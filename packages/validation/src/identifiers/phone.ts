/**
 * Russian phone numbers → E.164 '+7XXXXXXXXXX'. The rule (no libphonenumber needed for one country):
 *  1. drop spaces, dashes, dots and brackets;
 *  2. '+7' + 10 digits, '8' + 10 digits, '7' + 10 digits, or 10 bare digits → the 10-digit national number;
 *  3. the national number must start with 3, 4, 8 (geographic / toll-free) or 9 (mobile) — Russian
 *     numbering (Rossvyaz) uses no other leading digits; +7 6xx/7xx belongs to Kazakhstan and is rejected.
 * `mobileOnly` additionally requires the leading 9.
 */
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

const PUNCTUATION = /[\s().-]/g;
const RUSSIAN = /^(?:\+7|8|7)?([3489]\d{9})$/;

export interface PhoneOptions {
  /** Accept mobile numbers (+7 9XX…) only. Default false. */
  readonly mobileOnly?: boolean;
}

export function checkPhone(input: unknown, options: PhoneOptions = {}): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  // PUNCTUATION removes every whitespace character, the surrounding ones included.
  const compact = input.replace(PUNCTUATION, '');
  const m = RUSSIAN.exec(compact);
  if (!m?.[1]) {
    return fail('PHONE_FORMAT');
  }
  const national = m[1];
  if (options.mobileOnly && !national.startsWith('9')) {
    return fail('PHONE_NOT_MOBILE');
  }
  return ok(`+7${national}`);
}

export const isValidPhone = (input: unknown, options?: PhoneOptions): boolean =>
  checkPhone(input, options).ok;

/** '+7XXXXXXXXXX' for a valid Russian number, otherwise undefined. */
export function normalizePhone(input: unknown, options?: PhoneOptions): string | undefined {
  const result = checkPhone(input, options);
  return result.ok ? result.value : undefined;
}

export const assertPhone = (input: unknown, options?: PhoneOptions): string =>
  unwrapOrThrow(checkPhone(input, options));

export const phoneSchema = codedStringSchema((s) => checkPhone(s));
export const mobilePhoneSchema = codedStringSchema((s) => checkPhone(s, { mobileOnly: true }));
