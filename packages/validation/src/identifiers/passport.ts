/**
 * Russian internal passport: series of 4 digits (2 region + 2 year of issue) and number of 6 digits.
 * No checksum exists. Accepted: `{ series, number }` (series may be written '45 08') or one string
 * '4508 123456' / '45 08 123456' / '4508123456' / '45 08 №123456'. Output: `{ series: 'DDDD', number: 'DDDDDD' }`.
 */
import { z } from 'zod';
import { isDigits } from '../checksum/digits.js';
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, issue, ok, typeIssue, type ValidationIssue } from '../messages/issue.js';
import { codedSchema } from '../zod/coded-schema.js';

export interface Passport {
  series: string;
  number: string;
}

const SEPARATORS = /[\s№-]/g;

/** The value without spaces, dashes and '№' when that leaves exactly `length` digits. */
function digitsField(value: unknown, length: number): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const compact = value.replace(SEPARATORS, '');
  return isDigits(compact, length) ? compact : undefined;
}

/** Detailed check; issues carry the path ['series'] or ['number'] for the object form. */
export function checkPassport(input: unknown): CheckResult<Passport> {
  if (typeof input === 'string') {
    const digits = digitsField(input, 10);
    return digits
      ? ok({ series: digits.slice(0, 4), number: digits.slice(4) })
      : { ok: false, issues: [issue('PASSPORT_SERIES'), issue('PASSPORT_NUMBER')] };
  }
  if (typeof input !== 'object' || input === null) {
    return typeIssue(input);
  }
  const { series, number } = input as { series?: unknown; number?: unknown };
  const seriesValue = digitsField(series, 4);
  const numberValue = digitsField(number, 6);
  if (seriesValue !== undefined && numberValue !== undefined) {
    return ok({ series: seriesValue, number: numberValue });
  }
  const issues: ValidationIssue[] = [];
  if (seriesValue === undefined) {
    issues.push(issue('PASSPORT_SERIES', ['series']));
  }
  if (numberValue === undefined) {
    issues.push(issue('PASSPORT_NUMBER', ['number']));
  }
  return { ok: false, issues };
}

export const isValidPassport = (input: unknown): boolean => checkPassport(input).ok;

export function normalizePassport(input: unknown): Passport | undefined {
  const result = checkPassport(input);
  return result.ok ? result.value : undefined;
}

export const assertPassport = (input: unknown): Passport => unwrapOrThrow(checkPassport(input));

const passportInput = z.union([z.string(), z.object({ series: z.string(), number: z.string() })]);

/** zod schema: accepts the string or object form, outputs `{ series, number }`. */
export const passportSchema = codedSchema(passportInput, checkPassport);
