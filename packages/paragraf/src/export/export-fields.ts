/**
 * Field rules of the export contract, as fast checks returning an issue code or the normalised
 * value: identifiers and school data through @goskit/validation (СНИЛС, ИНН, ОГРН, КПП, names,
 * dates, marks, lesson numbers, class names, academic years), plus suid, free text and VK ids.
 * Dates repeat across millions of marks, so their checks are memoised in a small bounded table.
 */
import {
  checkAcademicYear,
  checkInn,
  checkKpp,
  checkLessonNumber,
  checkMark,
  checkOgrn,
  checkPersonName,
  checkRuDate,
  checkSnils,
  type Mark,
  parseClassName,
} from '@goskit/validation';
import type { ExportIssueCode } from './export-issues.js';
import { ABSENCE_REASONS, type AbsenceReason } from './export-records.js';

/** A checked field: the normalised value, or the code of the rule it broke. */
export type Checked<T> = { ok: true; value: T } | { ok: false; code: ExportIssueCode };

const SUID = /^[A-Za-z0-9_-]{1,64}$/;
const VK_ID = /^[1-9][0-9]{0,15}$/;
const REQUIRED: Checked<never> = { ok: false, code: 'VALUE_REQUIRED' };

function fromCheck<T>(
  result: { ok: true; value: T } | { ok: false; issues: { code: ExportIssueCode }[] },
): Checked<T> {
  return result.ok ? result : { ok: false, code: result.issues[0]?.code ?? 'VALUE_INVALID' };
}

export function checkSuid(value: string | undefined): Checked<string> {
  if (value === undefined || value.length === 0) {
    return REQUIRED;
  }
  return SUID.test(value) ? { ok: true, value } : { ok: false, code: 'SUID_FORMAT' };
}

export function checkSchoolId(value: string | undefined): Checked<string> {
  if (value === undefined || value.length === 0) {
    return REQUIRED;
  }
  return SUID.test(value) ? { ok: true, value } : { ok: false, code: 'SCHOOL_ID' };
}

export function checkText(value: string | undefined, max = 200): Checked<string> {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed.length === 0) {
    return REQUIRED;
  }
  return trimmed.length <= max ? { ok: true, value: trimmed } : { ok: false, code: 'TEXT_FIELD' };
}

export function checkSubjectName(value: string | undefined): Checked<string> {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed.length === 0) {
    return REQUIRED;
  }
  return trimmed.length <= 100 ? { ok: true, value: trimmed } : { ok: false, code: 'SUBJECT_NAME' };
}

export const checkName = (value: string | undefined): Checked<string> =>
  value === undefined ? REQUIRED : fromCheck(checkPersonName(value));

export const checkSnilsField = (value: string | undefined): Checked<string> =>
  value === undefined ? REQUIRED : fromCheck(checkSnils(value));

export const checkInnField = (value: string | undefined): Checked<string> =>
  value === undefined ? REQUIRED : fromCheck(checkInn(value, 'inn10'));

export const checkKppField = (value: string): Checked<string> => fromCheck(checkKpp(value));
export const checkOgrnField = (value: string): Checked<string> => fromCheck(checkOgrn(value));
export const checkYearField = (value: string): Checked<string> => fromCheck(checkAcademicYear(value));

const LESSONS: readonly Checked<number>[] = Array.from({ length: 100 }, (_, n) =>
  fromCheck(checkLessonNumber(n)),
);

/** A lesson number 1–14; one or two digits are read by character code, anything else by the full check. */
export function checkLesson(value: string): Checked<number> {
  const d0 = value.charCodeAt(0) - 48;
  if (value.length === 1 && d0 >= 0 && d0 <= 9) {
    return LESSONS[d0] as Checked<number>;
  }
  const d1 = value.charCodeAt(1) - 48;
  if (value.length === 2 && d0 > 0 && d0 <= 9 && d1 >= 0 && d1 <= 9) {
    return LESSONS[d0 * 10 + d1] as Checked<number>;
  }
  return fromCheck(checkLessonNumber(value.trim() === '' ? undefined : Number(value)));
}

const DIGIT_MARKS: readonly Checked<Mark>[] = [1, 2, 3, 4, 5].map((n) => fromCheck(checkMark(n)));

/** A mark: the digits 1–5 by character code, everything else (text marks, errors) by the full check. */
export function checkMarkValue(value: string | undefined): Checked<Mark> {
  if (value === undefined) {
    return REQUIRED;
  }
  const digit = value.charCodeAt(0) - 49;
  if (value.length === 1 && digit >= 0 && digit < 5) {
    return DIGIT_MARKS[digit] as Checked<Mark>;
  }
  return fromCheck(checkMark(value));
}

export function checkAbsenceReason(value: string | undefined): Checked<AbsenceReason> {
  if (value === undefined) {
    return REQUIRED;
  }
  const reason = value.trim().toLowerCase() as AbsenceReason;
  return ABSENCE_REASONS.includes(reason)
    ? { ok: true, value: reason }
    : { ok: false, code: 'ABSENCE_REASON' };
}

export function checkVkId(value: string): Checked<number> {
  const trimmed = value.trim();
  const n = Number(trimmed);
  return VK_ID.test(trimmed) && Number.isSafeInteger(n)
    ? { ok: true, value: n }
    : { ok: false, code: 'VK_ID' };
}

/** A class string as the services write it: "5 А" style, or one of the service groups. */
export interface CheckedClass {
  normalized: string;
  grade?: number;
  letter?: string;
  special: boolean;
}

export function checkClassField(
  value: string | undefined,
  specialClasses: ReadonlySet<string>,
): Checked<CheckedClass> {
  if (value === undefined || value.trim().length === 0) {
    return REQUIRED;
  }
  const trimmed = value.trim();
  if (specialClasses.has(trimmed.toUpperCase())) {
    return { ok: true, value: { normalized: trimmed.toUpperCase(), special: true } };
  }
  const parsed = parseClassName(trimmed);
  return parsed.ok
    ? {
        ok: true,
        value: {
          normalized: parsed.value.name,
          grade: parsed.value.grade,
          letter: parsed.value.letter,
          special: false,
        },
      }
    : { ok: false, code: 'CLASS_NAME' };
}

/**
 * A field check memoised in a bounded table: an export repeats the same few hundred lesson dates
 * and subjects millions of times. Keys and values are stored as flat copies, so a cached string never
 * keeps its whole source chunk alive.
 */
export class MemoCheck<T> {
  readonly #cache = new Map<string, Checked<T>>();
  readonly #check: (value: string) => Checked<T>;
  readonly #max: number;

  constructor(check: (value: string) => Checked<T>, max = 2048) {
    this.#check = check;
    this.#max = max;
  }

  check(value: string | undefined): Checked<T> {
    if (value === undefined) {
      return REQUIRED;
    }
    let result = this.#cache.get(value);
    if (result === undefined) {
      const key = flat(value);
      result = this.#check(key);
      if (result.ok && typeof result.value === 'string') {
        result = { ok: true, value: flat(result.value) as T };
      }
      if (this.#cache.size >= this.#max) {
        this.#cache.clear();
      }
      this.#cache.set(key, result);
    }
    return result;
  }
}

export const dateCheck = (value: string): Checked<string> => fromCheck(checkRuDate(value));

/**
 * `dd.MM.yyyy` → ISO, memoised by the date's number (yyyyMMdd) rather than by string, so a lookup
 * reads ten character codes instead of hashing a string. Other shapes go through the full check.
 */
export class RuDateCheck {
  readonly #cache = new Map<number, Checked<string>>();

  check(value: string | undefined): Checked<string> {
    if (value === undefined) {
      return REQUIRED;
    }
    const key = dateKey(value);
    if (key === -1) {
      return fromCheck(checkRuDate(value));
    }
    let result = this.#cache.get(key);
    if (result === undefined) {
      result = fromCheck(checkRuDate(value));
      if (this.#cache.size >= 4096) {
        this.#cache.clear();
      }
      this.#cache.set(key, result.ok ? { ok: true, value: flat(result.value) } : result);
    }
    return result;
  }
}

/** yyyyMMdd of a strict `dd.MM.yyyy`, or -1. */
function dateKey(v: string): number {
  if (v.length !== 10 || v.charCodeAt(2) !== 46 || v.charCodeAt(5) !== 46) {
    return -1;
  }
  let key = 0;
  for (const i of DATE_DIGITS) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return -1;
    }
    key = key * 10 + d;
  }
  return key;
}

/** Digit positions in yyyyMMdd order. */
const DATE_DIGITS = [6, 7, 8, 9, 3, 4, 0, 1] as const;

/** A copy of `value` that shares no storage with a larger string. */
export function flat(value: string): string {
  return Array.from(value).join('');
}
