import type { z } from 'zod';
import type { IssuePath } from '../messages/issue.js';
import type { LocalizedText, ValidationCode } from '../messages/messages.js';

/** One issue of one record in a batch. `path` is relative to the record ([] for the whole record). */
export interface BatchIssue {
  readonly index: number;
  readonly path: IssuePath;
  readonly code: ValidationCode;
  readonly message: LocalizedText;
}

/** Records that share a duplicate key. `key` is redacted unless `redactKey` says otherwise. */
export interface DuplicateGroup {
  readonly key: string;
  readonly indexes: number[];
}

export interface BatchReport {
  /** Records seen. */
  total: number;
  /** Records that passed the schema and were not duplicates. */
  valid: number;
  /** total − valid: records with at least one issue (a repeated key counts as an issue). */
  invalid: number;
  /** Every issue found, including those beyond `maxIssues`. */
  issueCount: number;
  /** True when `issues` (or `duplicates`) was capped. */
  truncated: boolean;
  /** The first `maxIssues` issues, in input order. */
  issues: BatchIssue[];
  /** The first `maxIssues` duplicate groups; each lists up to `maxIndexesPerKey` indexes. */
  duplicates: DuplicateGroup[];
}

export interface BatchOptions<In = unknown, Out = unknown> {
  /**
   * Key for duplicate detection, e.g. `(r) => normalizeSnils(r.snils)`. Receives the raw record and the
   * parsed value (undefined when the record failed the schema); return undefined to skip the record.
   */
  readonly duplicateKey?: (item: In, value: Out | undefined, index: number) => string | undefined;
  /** How a repeated key appears in the report. Default: REDACTED (keys are usually personal data). */
  readonly redactKey?: (key: string) => string;
  /** Cap on stored issues and duplicate groups; counting continues past it. Default 10 000. */
  readonly maxIssues?: number;
  /** Cap on indexes stored per duplicate group. Default 100. */
  readonly maxIndexesPerKey?: number;
  /** Called for every issue, also beyond `maxIssues` (stream them to a file or a log). */
  readonly onIssue?: (issue: BatchIssue) => void;
  /** Called with each successfully parsed record (e.g. to insert it) — the batch keeps none. */
  readonly onValid?: (value: Out, index: number) => void;
}

/** Any zod schema. */
export type AnySchema = z.ZodType;
