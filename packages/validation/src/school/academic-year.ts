/**
 * Academic year «2025/2026»: two consecutive years. '2025-2026', '2025–2026' and spaces around the
 * separator are accepted and normalised to '2025/2026'. Years are limited to 1990–2199 to catch typos.
 */
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

const SHAPE = /^(\d{4})\s*[/\-–—]\s*(\d{4})$/;

export function checkAcademicYear(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const m = SHAPE.exec(input.trim());
  const start = Number(m?.[1]);
  const end = Number(m?.[2]);
  if (!m || end !== start + 1 || start < 1990 || start > 2199) {
    return fail('ACADEMIC_YEAR');
  }
  return ok(`${start}/${end}`);
}

/** The academic year a date falls in (the year turns on 1 September). */
export function academicYearOf(date: Date): string {
  const year = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 8 ? year : year - 1;
  return `${start}/${start + 1}`;
}

export const isValidAcademicYear = (input: unknown): boolean => checkAcademicYear(input).ok;

export function normalizeAcademicYear(input: unknown): string | undefined {
  const result = checkAcademicYear(input);
  return result.ok ? result.value : undefined;
}

export const assertAcademicYear = (input: unknown): string => unwrapOrThrow(checkAcademicYear(input));

export const academicYearSchema = codedStringSchema(checkAcademicYear);
