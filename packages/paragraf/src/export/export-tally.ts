/**
 * Counts and bounded issue list of one export read. Every entry the file holds ends up exactly once
 * in `accepted` or `rejected`; the issue list keeps the first `maxIssues`, `issueCount` counts all.
 */
import type { ExportIssue } from './export-issues.js';
import type { ExportEntryType } from './export-records.js';

export type EntryCounts = Record<ExportEntryType, number>;

export interface ExportReport {
  /** True once the whole document was read and checked. */
  readonly complete: boolean;
  readonly accepted: Readonly<EntryCounts>;
  readonly rejected: Readonly<EntryCounts>;
  /** Pupils rejected because their СНИЛС appeared earlier (included in `rejected.pupil`). */
  readonly duplicates: number;
  readonly issueCount: number;
  /** The first `maxReportedIssues` issues (all of them go to `onIssue`). */
  readonly issues: readonly ExportIssue[];
  readonly issuesTruncated: boolean;
  /** Elements the contract does not know, by name (at most 100 names), ignored with their content. */
  readonly unknownElements: Readonly<Record<string, number>>;
  /** Bytes (or characters, for string input) and lines read. */
  readonly bytes: number;
  readonly lines: number;
  /** 'utf-8' or 'windows-1251' (undefined for string input). */
  readonly encoding: string | undefined;
}

const zero = (): EntryCounts => ({ school: 0, class: 0, employee: 0, pupil: 0, mark: 0, absence: 0 });

export class ExportTally {
  readonly accepted = zero();
  readonly rejected = zero();
  readonly issues: ExportIssue[] = [];
  readonly unknown = new Map<string, number>();
  duplicates = 0;
  issueCount = 0;
  bytes = 0;
  lines = 0;
  encoding: string | undefined;
  complete = false;

  constructor(
    private readonly maxIssues: number,
    private readonly onIssue: ((issue: ExportIssue) => void) | undefined,
  ) {}

  issue(found: ExportIssue): void {
    this.issueCount++;
    this.rejected[found.type]++;
    if (found.skipped) {
      for (const [type, n] of Object.entries(found.skipped) as [ExportEntryType, number][]) {
        this.rejected[type] += n;
      }
    }
    if (found.code === 'DUPLICATE_SNILS') {
      this.duplicates++;
    }
    if (this.issues.length < this.maxIssues) {
      this.issues.push(found);
    }
    this.onIssue?.(found);
  }

  unknownElement(name: string): void {
    const count = this.unknown.get(name);
    if (count !== undefined) {
      this.unknown.set(name, count + 1);
    } else if (this.unknown.size < 100) {
      this.unknown.set(name.length > 64 ? name.slice(0, 64) : name, 1);
    }
  }

  report(): ExportReport {
    const unknownElements: Record<string, number> = Object.create(null);
    for (const [name, count] of this.unknown) {
      unknownElements[name] = count;
    }
    return {
      complete: this.complete,
      accepted: { ...this.accepted },
      rejected: { ...this.rejected },
      duplicates: this.duplicates,
      issueCount: this.issueCount,
      issues: [...this.issues],
      issuesTruncated: this.issueCount > this.issues.length,
      unknownElements,
      bytes: this.bytes,
      lines: this.lines,
      encoding: this.encoding,
    };
  }
}
