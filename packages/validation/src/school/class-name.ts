/**
 * Class names: grade 1–11 followed by a letter, «5А», «10Б». Accepted variants and normalised to
 * '<grade><LETTER>': '5 А', '5-а', '5а', and Latin look-alikes typed on the wrong layout ('5A' → '5А').
 * Letters: Cyrillic А–Я except Ё, Й, Ъ, Ы, Ь — schools do not use them as class letters, and
 * Ъ/Ы/Ь cannot begin a word, so rejecting them catches typos rather than real classes.
 */
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

export const CLASS_LETTERS = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ';
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};
const SHAPE = /^(\d{1,2})\s*[-–]?\s*(\p{L})$/u;

/** A parsed class name. */
export interface ClassName {
  grade: number;
  letter: string;
  /** Normalised form, e.g. '5А'. */
  name: string;
}

export function parseClassName(input: unknown): CheckResult<ClassName> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const m = SHAPE.exec(input.trim());
  if (!m?.[1] || !m[2]) {
    return fail('CLASS_NAME');
  }
  const grade = Number(m[1]);
  const upper = m[2].toUpperCase();
  const letter = LATIN_LOOKALIKES[upper] ?? upper;
  if (grade < 1 || grade > 11 || m[1].startsWith('0') || !CLASS_LETTERS.includes(letter)) {
    return fail('CLASS_NAME');
  }
  return ok({ grade, letter, name: `${grade}${letter}` });
}

/** Detailed check; on success `value` is the normalised name ('5А'). */
export function checkClassName(input: unknown): CheckResult<string> {
  const parsed = parseClassName(input);
  return parsed.ok ? ok(parsed.value.name) : parsed;
}

export const isValidClassName = (input: unknown): boolean => parseClassName(input).ok;

export function normalizeClassName(input: unknown): string | undefined {
  const parsed = parseClassName(input);
  return parsed.ok ? parsed.value.name : undefined;
}

export const assertClassName = (input: unknown): string => unwrapOrThrow(checkClassName(input));

export const classNameSchema = codedStringSchema(checkClassName);
