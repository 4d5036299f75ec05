/** The result shapes every detailed check returns. */
import { type LocalizedText, messageFor, type ValidationCode } from './messages.js';

/** Where in the input an issue sits: object keys and array indexes, outermost first. */
export type IssuePath = readonly (string | number)[];

/** One validation failure: a stable code, ru/en text, and (inside objects) a path. */
export interface ValidationIssue {
  readonly code: ValidationCode;
  readonly message: LocalizedText;
  readonly path?: IssuePath;
}

/** Outcome of a detailed check such as `checkSnils(x)`. */
export type CheckResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Builds an issue whose text comes from the messages table. */
export function issue(code: ValidationCode, path?: IssuePath): ValidationIssue {
  return path === undefined || path.length === 0
    ? { code, message: messageFor(code) }
    : { code, message: messageFor(code), path };
}

/** A successful check. */
export function ok<T>(value: T): CheckResult<T> {
  return { ok: true, value };
}

/** A failed check with one issue. */
export function fail<T = never>(code: ValidationCode, path?: IssuePath): CheckResult<T> {
  return { ok: false, issues: [issue(code, path)] };
}

/** The issue every check returns when the input is not a string (or missing). */
export function typeIssue<T = never>(input: unknown): CheckResult<T> {
  return fail(input === undefined || input === null ? 'VALUE_REQUIRED' : 'VALUE_TYPE');
}
