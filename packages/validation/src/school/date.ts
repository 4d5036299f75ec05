/**
 * Calendar dates in the two shapes school systems exchange: Russian 'dd.MM.yyyy' (journals, dnevnik2
 * query parameters) and ISO 'yyyy-MM-dd'. Both are checked against the real calendar (31.02 and
 * 29.02 of non-leap years are rejected). Both schemas output ISO — the one shape to store and compare;
 * `isoDateToRu` formats back for display. Years 1900–2199.
 */
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

const RU = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function calendar(year: number, month: number, day: number): CheckResult<string> {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('DATE_CALENDAR');
  }
  return ok(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** 'dd.MM.yyyy' → ISO 'yyyy-MM-dd'. */
export function checkRuDate(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const m = RU.exec(input.trim());
  return m ? calendar(Number(m[3]), Number(m[2]), Number(m[1])) : fail('DATE_FORMAT');
}

/** ISO 'yyyy-MM-dd' → the same, after the calendar check. */
export function checkIsoDate(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const m = ISO.exec(input.trim());
  return m ? calendar(Number(m[1]), Number(m[2]), Number(m[3])) : fail('DATE_FORMAT');
}

/** 'dd.MM.yyyy' → 'yyyy-MM-dd', or undefined when not a real date. */
export function ruDateToIso(input: string): string | undefined {
  const result = checkRuDate(input);
  return result.ok ? result.value : undefined;
}

/** 'yyyy-MM-dd' → 'dd.MM.yyyy', or undefined when not a real date. */
export function isoDateToRu(input: string): string | undefined {
  const result = checkIsoDate(input);
  if (!result.ok) {
    return undefined;
  }
  const [year, month, day] = result.value.split('-');
  return `${day}.${month}.${year}`;
}

export const isValidRuDate = (input: unknown): boolean => checkRuDate(input).ok;
export const isValidIsoDate = (input: unknown): boolean => checkIsoDate(input).ok;
export const assertRuDate = (input: unknown): string => unwrapOrThrow(checkRuDate(input));
export const assertIsoDate = (input: unknown): string => unwrapOrThrow(checkIsoDate(input));

/** zod: 'dd.MM.yyyy' in, ISO 'yyyy-MM-dd' out. */
export const ruDateSchema = codedStringSchema(checkRuDate);
/** zod: ISO 'yyyy-MM-dd' in and out. */
export const isoDateSchema = codedStringSchema(checkIsoDate);
