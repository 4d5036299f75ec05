/** Reads goskit codes and ru/en texts back out of zod issues, including zod's own (type) issues. */
import type { z } from 'zod';
import type { IssuePath, ValidationIssue } from '../messages/issue.js';
import { isValidationCode, messageFor, type ValidationCode } from '../messages/messages.js';

type AnyZodIssue = z.core.$ZodIssue;

/**
 * zod drops `input` from finished issues unless parsing ran with `reportInput`, so a missing value is
 * recognised by `input` when present, otherwise by zod's default wording ("received undefined").
 */
function isMissing(issue: z.core.$ZodIssueInvalidType): boolean {
  if ('input' in issue) {
    return issue.input === undefined;
  }
  return /received undefined$/.test(issue.message);
}

/**
 * The stable code of a zod issue: the goskit code for issues our schemas raise; for zod's own issues
 * VALUE_REQUIRED (missing), VALUE_TYPE (wrong type) or VALUE_INVALID (anything else).
 */
export function getIssueCode(issue: AnyZodIssue): ValidationCode {
  if (issue.code === 'custom') {
    const code: unknown = issue.params?.code;
    if (isValidationCode(code)) {
      return code;
    }
    return 'VALUE_INVALID';
  }
  if (issue.code === 'invalid_type') {
    return isMissing(issue) ? 'VALUE_REQUIRED' : 'VALUE_TYPE';
  }
  return 'VALUE_INVALID';
}

/** Converts zod issues (or a ZodError) into goskit issues with ru/en text and a path. */
export function toValidationIssues(source: z.ZodError | readonly AnyZodIssue[]): ValidationIssue[] {
  const issues = 'issues' in source ? source.issues : source;
  return issues.map((found) => {
    const code = getIssueCode(found);
    const path: IssuePath = found.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    return path.length > 0 ? { code, message: messageFor(code), path } : { code, message: messageFor(code) };
  });
}
