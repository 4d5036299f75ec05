/**
 * The state machine behind validateBatch and validateStream: validates one record at a time, counts,
 * detects duplicate keys by hash, and caps what it stores. Never stops at the first error.
 */
import { REDACTED } from '@goskit/core';
import { z } from 'zod';
import { messageFor } from '../messages/messages.js';
import { toValidationIssues } from '../zod/issue-code.js';
import { hashKey } from './key-hash.js';
import type { AnySchema, BatchIssue, BatchOptions, BatchReport, DuplicateGroup } from './types.js';

export const DEFAULT_MAX_ISSUES = 10_000;
export const DEFAULT_MAX_INDEXES_PER_KEY = 100;

const OVERFLOW_GROUP: DuplicateGroup = Object.freeze({ key: REDACTED, indexes: [] });

type Parsed = { success: true; data: unknown } | { success: false; error: z.ZodError };

export class BatchValidator<S extends AnySchema, In = z.input<S>> {
  private readonly maxIssues: number;
  private readonly maxIndexesPerKey: number;
  /** hash of key → index of its first record. The only per-record memory. */
  private readonly firstIndexByHash = new Map<number, number>();
  private readonly groupsByHash = new Map<number, DuplicateGroup>();
  private readonly report: BatchReport = {
    total: 0,
    valid: 0,
    invalid: 0,
    issueCount: 0,
    truncated: false,
    issues: [],
    duplicates: [],
  };

  constructor(
    private readonly schema: S,
    private readonly options: BatchOptions<In, z.output<S>> = {},
  ) {
    this.maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
    this.maxIndexesPerKey = options.maxIndexesPerKey ?? DEFAULT_MAX_INDEXES_PER_KEY;
  }

  /** Validates one record synchronously when the schema allows, else returns a promise. */
  accept(item: In): BatchIssue[] | Promise<BatchIssue[]> {
    const index = this.report.total++;
    let parsed: Parsed;
    try {
      parsed = this.schema.safeParse(item) as Parsed;
    } catch (error) {
      // A schema with async refinements cannot run synchronously; fall back for this record.
      if (error instanceof z.core.$ZodAsyncError) {
        return this.schema.safeParseAsync(item).then((p) => this.settle(item, index, p as Parsed));
      }
      throw error;
    }
    return this.settle(item, index, parsed);
  }

  private settle(item: In, index: number, parsed: Parsed): BatchIssue[] {
    const found: BatchIssue[] = parsed.success
      ? []
      : toValidationIssues(parsed.error).map((i) => ({
          index,
          path: i.path ?? [],
          code: i.code,
          message: i.message,
        }));
    const value = parsed.success ? (parsed.data as z.output<S>) : undefined;
    const key = this.options.duplicateKey?.(item, value, index);
    if (key !== undefined && this.isDuplicate(key, index)) {
      found.push({ index, path: [], code: 'DUPLICATE_KEY', message: messageFor('DUPLICATE_KEY') });
    }
    if (found.length === 0) {
      this.report.valid++;
      if (value !== undefined) {
        this.options.onValid?.(value, index);
      }
      return found;
    }
    this.report.invalid++;
    for (const entry of found) {
      this.record(entry);
    }
    return found;
  }

  private isDuplicate(key: string, index: number): boolean {
    const hash = hashKey(key);
    const first = this.firstIndexByHash.get(hash);
    if (first === undefined) {
      this.firstIndexByHash.set(hash, index);
      return false;
    }
    let group = this.groupsByHash.get(hash);
    if (!group) {
      // Past the cap a group keeps no indexes (OVERFLOW_GROUP), so memory stays bounded.
      const stored = this.report.duplicates.length < this.maxIssues;
      group = stored
        ? { key: this.options.redactKey ? this.options.redactKey(key) : REDACTED, indexes: [first] }
        : OVERFLOW_GROUP;
      this.groupsByHash.set(hash, group);
      if (stored) {
        this.report.duplicates.push(group);
      } else {
        this.report.truncated = true;
      }
    }
    if (group !== OVERFLOW_GROUP && group.indexes.length < this.maxIndexesPerKey) {
      group.indexes.push(index);
    } else {
      this.report.truncated = true;
    }
    return true;
  }

  private record(entry: BatchIssue): void {
    this.report.issueCount++;
    this.options.onIssue?.(entry);
    if (this.report.issues.length < this.maxIssues) {
      this.report.issues.push(entry);
    } else {
      this.report.truncated = true;
    }
  }

  /** The report so far (the live object; do not mutate). */
  result(): BatchReport {
    return this.report;
  }
}
