/**
 * XML data files: the scanner (well-formedness, hostile-input bounds) feeds the XSD checker, which
 * passes the events here; the root names the kind and carries the school, each child of the root is
 * one record built from its attributes. The XSD's problems arrive just before the record's own open
 * event (attributes) and until its close (children), so they are gathered per record.
 */
import {
  type CompiledXsd,
  compileXsd,
  resolveXmlLimits,
  type XmlEvents,
  XmlScanner,
  type XsdIssue,
  XsdValidator,
} from '@goskit/validation/stream';
import { EDIARY_DATA_XSD } from '../../generated/ediary-schemas.js';
import type { FileKind } from '../models.js';
import type { Deviation } from './deviations.js';
import { KINDS, kindOf } from './kinds.js';
import type { RecordHandler } from './record-handler.js';

let schema: CompiledXsd | undefined;

/** The shipped XSD, compiled once per process. */
export function ediaryXsd(): CompiledXsd {
  schema ??= compileXsd(EDIARY_DATA_XSD);
  return schema;
}

/** Names the scanner may reuse as they are (every element and attribute of the format). */
const KNOWN_NAMES = [
  'marks',
  'mark',
  'attendance',
  'absence',
  'schedule',
  'lesson',
  'id',
  'pupilId',
  'classId',
  'className',
  'date',
  'subject',
  'value',
  'workType',
  'teacher',
  'reason',
  'minutes',
  'number',
  'change',
  'startsAt',
  'room',
  'schoolId',
  'academicYear',
  'generatedAt',
  'xmlns',
];

function toDeviation(issue: XsdIssue, recordId: string | undefined): Deviation {
  const deviation: Deviation = {
    line: issue.line,
    path: issue.path,
    code: issue.code,
    rule: issue.rule,
    severity: 'error',
  };
  if (recordId !== undefined) {
    deviation.recordId = recordId;
  }
  if (issue.detail !== undefined) {
    deviation.detail = issue.detail;
  }
  return deviation;
}

class XmlRecords implements XmlEvents {
  readonly issues: XsdIssue[] = [];
  #depth = 0;
  #kind: FileKind | undefined;
  #numeric: readonly string[] = [];
  #record: Record<string, unknown> | undefined;
  #recordLine = 0;
  #recordPath = '';
  #position = 0;
  #recordIssues: XsdIssue[] = [];

  constructor(
    private readonly handler: RecordHandler,
    private readonly line: () => number,
  ) {}

  open(name: string, attributes: readonly string[], count: number): void {
    this.#depth++;
    const local = name.slice(name.indexOf(':') + 1);
    if (this.#depth === 1) {
      const issues = this.issues.splice(0);
      let schoolId: string | undefined;
      for (let i = 0; i < count; i++) {
        if (attributes[i * 2] === 'schoolId') {
          schoolId = attributes[i * 2 + 1];
        }
      }
      for (const issue of issues) {
        this.handler.other(toDeviation(issue, undefined));
      }
      this.#kind = kindOf(local);
      this.#numeric = this.#kind === undefined ? [] : KINDS[this.#kind].numeric;
      this.handler.header(this.#kind, schoolId, this.line());
      return;
    }
    if (this.#depth === 2) {
      this.#position++;
      // Null prototype: attribute names come from the file (`__proto__` is just a name here).
      const record: Record<string, unknown> = Object.create(null);
      const numeric = this.#numeric;
      for (let i = 0; i < count; i++) {
        const key = attributes[i * 2] as string;
        const value = attributes[i * 2 + 1] as string;
        record[key] = numeric.includes(key) && /^\d{1,9}$/.test(value) ? Number(value) : value;
      }
      this.#record = record;
      this.#recordLine = this.line();
      this.#recordPath = `/${KINDS[this.#kind as FileKind]?.root ?? 'root'}/${local}[${this.#position}]`;
      this.#recordIssues = this.issues.splice(0);
    }
  }

  text(): void {}

  close(): void {
    if (this.#depth === 2 && this.#record !== undefined) {
      const record = this.#record;
      this.#recordIssues.push(...this.issues.splice(0));
      const id = typeof record.id === 'string' && record.id.length <= 64 ? record.id : undefined;
      const deviations = this.#recordIssues.map((issue) => toDeviation(issue, id));
      this.#record = undefined;
      this.handler.record(record, { line: this.#recordLine, path: this.#recordPath }, deviations);
    } else if (this.#depth === 1) {
      for (const issue of this.issues.splice(0)) {
        this.handler.other(toDeviation(issue, undefined));
      }
    }
    this.#depth--;
  }
}

/** Scanner + XSD checker + record builder over decoded text chunks. */
export interface XmlRecordReader {
  write(text: string): void;
  end(): void;
}

export function xmlRecordReader(handler: RecordHandler): XmlRecordReader {
  let scanner: XmlScanner | undefined;
  const line = () => scanner?.line() ?? 0;
  const records = new XmlRecords(handler, line);
  const validator = new XsdValidator(ediaryXsd(), records, (issue) => records.issues.push(issue), line);
  scanner = new XmlScanner(validator, resolveXmlLimits({ maxDepth: 16 }), KNOWN_NAMES);
  return scanner;
}
