/**
 * КПП — tax registration reason code: 4 digits (tax office), 2 digits or capital Latin letters
 * (reason), 3 digits (sequence). No checksum exists. Input is trimmed and upper-cased.
 */
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

const KPP = /^\d{4}[\dA-Z]{2}\d{3}$/;

export function checkKpp(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const value = input.trim().toUpperCase();
  return KPP.test(value) ? ok(value) : fail('KPP_FORMAT');
}

export const isValidKpp = (input: unknown): boolean => checkKpp(input).ok;

export function normalizeKpp(input: unknown): string | undefined {
  const result = checkKpp(input);
  return result.ok ? result.value : undefined;
}

export const assertKpp = (input: unknown): string => unwrapOrThrow(checkKpp(input));

export const kppSchema = codedStringSchema(checkKpp);
