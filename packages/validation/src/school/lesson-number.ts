/**
 * Lesson number within a school day: 1–14 (two shifts of up to seven lessons). Accepts 3 or '3'.
 */
import { z } from 'zod';
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedSchema } from '../zod/coded-schema.js';

export const MAX_LESSON_NUMBER = 14;
const DIGITS_ONLY = /^\d{1,2}$/;

export function checkLessonNumber(input: unknown): CheckResult<number> {
  let n: number;
  if (typeof input === 'number') {
    n = input;
  } else if (typeof input === 'string') {
    const value = input.trim();
    if (!DIGITS_ONLY.test(value)) {
      return fail('LESSON_NUMBER');
    }
    n = Number(value);
  } else {
    return typeIssue(input);
  }
  return Number.isInteger(n) && n >= 1 && n <= MAX_LESSON_NUMBER ? ok(n) : fail('LESSON_NUMBER');
}

export const isValidLessonNumber = (input: unknown): boolean => checkLessonNumber(input).ok;
export const assertLessonNumber = (input: unknown): number => unwrapOrThrow(checkLessonNumber(input));

export const lessonNumberSchema = codedSchema(z.union([z.number(), z.string()]), checkLessonNumber);
