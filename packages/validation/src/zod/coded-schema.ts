/**
 * The one way every goskit schema reports a failure: a zod `custom` issue whose `params` carry
 * `{ code, ru, en }` and whose `message` is the English text. `getIssueCode` reads them back.
 */
import { z } from 'zod';
import type { CheckResult, ValidationIssue } from '../messages/issue.js';

/** What goskit puts into `issue.params`. */
export interface CodedIssueParams {
  readonly code: ValidationIssue['code'];
  readonly ru: string;
  readonly en: string;
}

type IssueSink = { issues: z.core.$ZodRawIssue[] };

function pushCodedIssues(payload: IssueSink, issues: readonly ValidationIssue[]): void {
  for (const found of issues) {
    const params: CodedIssueParams = { code: found.code, ru: found.message.ru, en: found.message.en };
    payload.issues.push({
      code: 'custom',
      message: found.message.en,
      params,
      path: found.path ? [...found.path] : [],
      // The rejected value is deliberately not attached: issues get logged, and it may be a СНИЛС.
      input: undefined,
      continue: true,
    });
  }
}

/**
 * Adds goskit issues from inside your own `.superRefine((value, ctx) => …)` or `.check(ctx => …)`,
 * so custom rules report the same way the built-in schemas do.
 */
export function addCodedIssues(ctx: IssueSink, issues: readonly ValidationIssue[]): void {
  pushCodedIssues(ctx, issues);
}

/**
 * Turns a detailed check into a zod schema: `base` validates the type, then the check runs and its
 * normalised value replaces the input (so parsing '11223344595' yields '112-233-445 95').
 *
 * Implemented as one zod check that rewrites `payload.value` (what `.overwrite()` does) rather than
 * `.transform()`: a transform makes a pipe per field, and on a 100k-record batch the extra pipe
 * objects doubled the garbage-collection time.
 */
export function codedSchema<Base extends z.ZodType, T>(
  base: Base,
  check: (input: z.output<Base>) => CheckResult<T>,
): z.ZodType<T, z.input<Base>> {
  const schema = base.check((payload) => {
    const result = check(payload.value);
    if (result.ok) {
      (payload as { value: unknown }).value = result.value;
    } else {
      pushCodedIssues(payload, result.issues);
    }
  });
  return schema as unknown as z.ZodType<T, z.input<Base>>;
}

/** The common case: a string identifier. */
export function codedStringSchema<T>(check: (input: string) => CheckResult<T>): z.ZodType<T, string> {
  return codedSchema(z.string(), check);
}
