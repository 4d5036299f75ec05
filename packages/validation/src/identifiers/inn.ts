/**
 * ИНН — taxpayer number: 10 digits for organisations, 12 for individuals and sole traders.
 * Surrounding whitespace is trimmed; anything but digits is rejected (no silent stripping, because a
 * stray letter usually means a different field was pasted).
 */
import { isDigits } from '../checksum/digits.js';
import { inn10CheckDigit, inn12CheckDigit11, inn12CheckDigit12 } from '../checksum/inn.js';
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** Which lengths a check accepts. */
export type InnKind = 'any' | 'inn10' | 'inn12';

function checksumMatches(digits: string): boolean {
  if (digits.length === 10) {
    return inn10CheckDigit(digits) === digitAt(digits, 9);
  }
  return (
    inn12CheckDigit11(digits) === digitAt(digits, 10) && inn12CheckDigit12(digits) === digitAt(digits, 11)
  );
}

/** Detailed check of an ИНН of the given kind (default: 10 or 12 digits). */
export function checkInn(input: unknown, kind: InnKind = 'any'): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const value = input.trim();
  if (!isDigits(value, value.length) || value.length === 0) {
    return fail('INN_FORMAT');
  }
  const lengthOk = (value.length === 10 && kind !== 'inn12') || (value.length === 12 && kind !== 'inn10');
  if (!lengthOk) {
    return fail('INN_LENGTH');
  }
  return checksumMatches(value) ? ok(value) : fail('INN_CHECKSUM');
}

export const checkInn10 = (input: unknown): CheckResult<string> => checkInn(input, 'inn10');
export const checkInn12 = (input: unknown): CheckResult<string> => checkInn(input, 'inn12');

export function isValidInn(input: unknown, kind: InnKind = 'any'): boolean {
  return checkInn(input, kind).ok;
}

/** The trimmed ИНН when valid, otherwise undefined. */
export function normalizeInn(input: unknown, kind: InnKind = 'any'): string | undefined {
  const result = checkInn(input, kind);
  return result.ok ? result.value : undefined;
}

export function assertInn(input: unknown, kind: InnKind = 'any'): string {
  return unwrapOrThrow(checkInn(input, kind));
}

export const innSchema = codedStringSchema((s) => checkInn(s));
export const inn10Schema = codedStringSchema(checkInn10);
export const inn12Schema = codedStringSchema(checkInn12);
