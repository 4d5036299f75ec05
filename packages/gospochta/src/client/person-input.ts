/**
 * Checks a person's data with @goskit/validation before it is encrypted and sent: names, СНИЛС
 * (checksum), ИНН (checksum), passport (4 + 6 digits), phone (+7…), address. Values are normalised
 * (СНИЛС as `XXX-XXX-XXX YY`, passport as `XXXX XXXXXX`, phone as E.164); every broken rule is
 * reported at once with its field, never its value.
 */
import {
  type CheckResult,
  checkInn,
  checkPassport,
  checkPersonName,
  checkPhone,
  checkSnils,
} from '@goskit/validation';
import type { InputIssue } from '../errors/validation-failed-error.js';
import { fail, issue } from './input-checks.js';

export interface PersonInput {
  lastName: string;
  firstName: string;
  middleName?: string;
  snils?: string;
  inn?: string;
  passport?: string;
  address?: string;
  phone?: string;
}

function take<T>(result: CheckResult<T>, field: string, issues: InputIssue[]): T | undefined {
  if (result.ok) {
    return result.value;
  }
  for (const found of result.issues) {
    issues.push({ field, code: found.code, message: { ru: found.message.ru, en: found.message.en } });
  }
  return undefined;
}

/** Checks and normalises; collects issues into `issues` (field paths under `path`). */
export function collectPerson(
  input: unknown,
  path: string,
  issues: InputIssue[],
  require: { snils?: boolean } = {},
): PersonInput | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    issues.push(issue(path, 'VALUE_REQUIRED', 'Нужны данные человека.', "The person's data are required."));
    return undefined;
  }
  const person = input as Record<string, unknown>;
  const out: Record<string, string | undefined> = {};
  const before = issues.length;
  out.lastName = take(checkPersonName(person.lastName), `${path}.lastName`, issues);
  out.firstName = take(checkPersonName(person.firstName), `${path}.firstName`, issues);
  if (person.middleName !== undefined && person.middleName !== '') {
    out.middleName = take(checkPersonName(person.middleName), `${path}.middleName`, issues);
  }
  if (person.snils !== undefined || require.snils) {
    out.snils = take(checkSnils(person.snils), `${path}.snils`, issues);
  }
  if (person.inn !== undefined) {
    out.inn = take(checkInn(person.inn, 'inn12'), `${path}.inn`, issues);
  }
  if (person.passport !== undefined) {
    const passport = take(checkPassport(person.passport), `${path}.passport`, issues);
    if (passport) {
      out.passport = `${passport.series} ${passport.number}`;
    }
  }
  if (person.phone !== undefined) {
    out.phone = take(checkPhone(person.phone), `${path}.phone`, issues);
  }
  if (person.address !== undefined) {
    if (
      typeof person.address !== 'string' ||
      person.address.trim().length === 0 ||
      person.address.length > 500
    ) {
      issues.push(
        issue(
          `${path}.address`,
          'ADDRESS_FORMAT',
          'Адрес — строка от 1 до 500 символов.',
          'An address is a string of 1–500 characters.',
        ),
      );
    } else {
      out.address = person.address.trim();
    }
  }
  return issues.length === before ? (out as unknown as PersonInput) : undefined;
}

export function checkPerson(input: unknown, path: string, require: { snils?: boolean } = {}): PersonInput {
  const issues: InputIssue[] = [];
  const person = collectPerson(input, path, issues, require);
  if (!person) {
    fail(issues);
  }
  return person;
}
