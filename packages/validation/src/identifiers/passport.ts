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
const stripSeparators = (s: string): string => s.replace(SEPARATORS, '');

function fromString(input: string): { series: string; number: string } | undefined {
  const compact = stripSeparators(input);
  return isDigits(compact, 10) ? { series: compact.slice(0, 4), number: compact.slice(4) } : undefined;
}

/** Detailed check; issues carry the path ['series'] or ['number'] for the object form. */
export function checkPassport(input: unknown): CheckResult<Passport> {
  if (typeof input === 'string') {
    const parsed = fromString(input);
    return parsed ? ok(parsed) : { ok: false, issues: [issue('PASSPORT_SERIES'), issue('PASSPORT_NUMBER')] };
  }
  if (typeof input !== 'object' || input === null) {
    return typeIssue(input);
  }
  const { series, number } = input as { series?: unknown; number?: unknown };
  const issues: ValidationIssue[] = [];
  const seriesValue = typeof series === 'string' ? stripSeparators(series) : '';
  const numberValue = typeof number === 'string' ? stripSeparators(number) : '';
  if (!isDigits(seriesValue, 4)) {
    issues.push(issue('PASSPORT_SERIES', ['series']));
  }
  if (!isDigits(numberValue, 6)) {
    issues.push(issue('PASSPORT_NUMBER', ['number']));
  }
  return issues.length > 0 ? { ok: false, issues } : ok({ series: seriesValue, number: numberValue });
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
