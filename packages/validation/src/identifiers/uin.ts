/**
 * УИН — unique accrual identifier of ГИС ГМП payments: 20 or 25 characters, the last one a check digit
 * (see checksum/uin.ts for the algorithm and the letter table). Input is trimmed and upper-cased.
 * '0' (and an all-zero value) means "no UIN" in payment documents and is reported as UIN_ABSENT.
 */
import { uinCheckDigit } from '../checksum/uin.js';
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

const ALL_ZEROS = /^0+$/;

export function checkUin(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const value = input.trim().toUpperCase();
  if (ALL_ZEROS.test(value)) {
    return fail('UIN_ABSENT');
  }
  if (value.length !== 20 && value.length !== 25) {
    return fail('UIN_FORMAT');
  }
  const last = value.charCodeAt(value.length - 1) - 48;
  const expected = uinCheckDigit(value.slice(0, -1));
  if (expected === undefined || last < 0 || last > 9) {
    return fail('UIN_FORMAT');
  }
  return expected === last ? ok(value) : fail('UIN_CHECK_DIGIT');
}

export const isValidUin = (input: unknown): boolean => checkUin(input).ok;

export function normalizeUin(input: unknown): string | undefined {
  const result = checkUin(input);
  return result.ok ? result.value : undefined;
}

export const assertUin = (input: unknown): string => unwrapOrThrow(checkUin(input));

export const uinSchema = codedStringSchema(checkUin);
