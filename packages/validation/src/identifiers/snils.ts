/**
 * СНИЛС — insurance number of an individual. Accepted: 'XXX-XXX-XXX YY', 'XXX-XXX-XXX-YY',
 * 'XXX XXX XXX YY' and 11 bare digits; normalised to 'XXX-XXX-XXX YY'. The check number is verified
 * only above 001-001-998 (older numbers were issued without one).
 */
import { isDigits } from '../checksum/digits.js';
import { snilsCheckNumber, snilsChecksumApplies } from '../checksum/snils.js';
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

const FORMATTED = /^(\d{3})[- ](\d{3})[- ](\d{3})[- ](\d{2})$/;

function toDigits(input: string): string | undefined {
  const trimmed = input.trim();
  if (isDigits(trimmed, 11)) {
    return trimmed;
  }
  const m = FORMATTED.exec(trimmed);
  return m ? `${m[1]}${m[2]}${m[3]}${m[4]}` : undefined;
}

const format = (d: string): string => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9, 11)}`;

/** Detailed check; on success `value` is 'XXX-XXX-XXX YY'. */
export function checkSnils(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const digits = toDigits(input);
  if (digits === undefined) {
    return fail('SNILS_FORMAT');
  }
  const body = digits.slice(0, 9);
  if (snilsChecksumApplies(body) && snilsCheckNumber(body) !== digits.slice(9)) {
    return fail('SNILS_CHECKSUM');
  }
  return ok(format(digits));
}

export function isValidSnils(input: unknown): boolean {
  return checkSnils(input).ok;
}

/** 'XXX-XXX-XXX YY' for a valid СНИЛС, otherwise undefined. */
export function normalizeSnils(input: unknown): string | undefined {
  const result = checkSnils(input);
  return result.ok ? result.value : undefined;
}

/** Returns the normalised СНИЛС or throws ValidationError. */
export function assertSnils(input: unknown): string {
  return unwrapOrThrow(checkSnils(input));
}

/** zod schema: validates and outputs 'XXX-XXX-XXX YY'. */
export const snilsSchema = codedStringSchema(checkSnils);
