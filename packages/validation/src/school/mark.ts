/**
 * Marks as Russian e-diaries record them: the five-point scale 1–5 plus these non-numeric entries
 * (the set Дневник.ру, «Электронная школа» and dnevnik2 show in journals):
 *   'зч' зачёт (pass), 'нз' незачёт (fail), 'н' absent, 'б' ill, 'уп' absent for a valid reason,
 *   'осв' освобождён (exempt), 'на' не аттестован (not assessed).
 * Numbers may come as 5 or '5'. Text marks are case-insensitive and trimmed; 'ё' counts as 'е' so
 * 'Зачёт'-style spellings of the codes are not needed. Modifiers such as '5+' / '4-' are not marks here.
 */
import { z } from 'zod';
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedSchema } from '../zod/coded-schema.js';

export const NUMERIC_MARKS = [1, 2, 3, 4, 5] as const;
export const TEXT_MARKS = ['зч', 'нз', 'н', 'б', 'уп', 'осв', 'на'] as const;

export type NumericMark = (typeof NUMERIC_MARKS)[number];
export type TextMark = (typeof TEXT_MARKS)[number];
export type Mark = NumericMark | TextMark;

const TEXT_MARK_SET: ReadonlySet<string> = new Set(TEXT_MARKS);
const DIGITS_ONLY = /^\d+$/;

function checkNumber(n: number): CheckResult<Mark> {
  return Number.isInteger(n) && n >= 1 && n <= 5 ? ok(n as NumericMark) : fail('MARK_RANGE');
}

export function checkMark(input: unknown): CheckResult<Mark> {
  if (typeof input === 'number') {
    return checkNumber(input);
  }
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const value = input.trim().toLowerCase().replaceAll('ё', 'е');
  if (DIGITS_ONLY.test(value)) {
    return checkNumber(Number(value));
  }
  return TEXT_MARK_SET.has(value) ? ok(value as TextMark) : fail('MARK_FORMAT');
}

export const isValidMark = (input: unknown): boolean => checkMark(input).ok;
export const assertMark = (input: unknown): Mark => unwrapOrThrow(checkMark(input));

/** True for 1–5 (the marks that count towards an average). */
export const isNumericMark = (mark: Mark): mark is NumericMark => typeof mark === 'number';

export const markSchema = codedSchema(z.union([z.number(), z.string()]), checkMark);
