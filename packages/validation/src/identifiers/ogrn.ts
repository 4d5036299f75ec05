/**
 * ОГРН (13 digits, organisations) and ОГРНИП (15 digits, sole traders). The numbers exceed 2^53, so
 * the checksum runs on BigInt. Only length and check digit are verified — the first digit (record
 * sign) is not restricted, since registries also issue ГРН numbers with other signs.
 */
import { isDigits } from '../checksum/digits.js';
import { ogrnCheckDigit, ogrnipCheckDigit } from '../checksum/ogrn.js';
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

const lastDigit = (s: string): number => s.charCodeAt(s.length - 1) - 48;

export function checkOgrn(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const value = input.trim();
  if (!isDigits(value, 13)) {
    return fail('OGRN_FORMAT');
  }
  return ogrnCheckDigit(value.slice(0, 12)) === lastDigit(value) ? ok(value) : fail('OGRN_CHECKSUM');
}

export function checkOgrnip(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const value = input.trim();
  if (!isDigits(value, 15)) {
    return fail('OGRNIP_FORMAT');
  }
  return ogrnipCheckDigit(value.slice(0, 14)) === lastDigit(value) ? ok(value) : fail('OGRNIP_CHECKSUM');
}

export const isValidOgrn = (input: unknown): boolean => checkOgrn(input).ok;
export const isValidOgrnip = (input: unknown): boolean => checkOgrnip(input).ok;

export function normalizeOgrn(input: unknown): string | undefined {
  const result = checkOgrn(input);
  return result.ok ? result.value : undefined;
}

export function normalizeOgrnip(input: unknown): string | undefined {
  const result = checkOgrnip(input);
  return result.ok ? result.value : undefined;
}

export const assertOgrn = (input: unknown): string => unwrapOrThrow(checkOgrn(input));
export const assertOgrnip = (input: unknown): string => unwrapOrThrow(checkOgrnip(input));

export const ogrnSchema = codedStringSchema(checkOgrn);
export const ogrnipSchema = codedStringSchema(checkOgrnip);
