/**
 * Checks one school data file as a stream: read (XML + XSD, or JSON + JSON Schema), then the business
 * checks, record by record, with bounded memory whatever the size. Accepted records go to `onRecords`
 * after each chunk — awaited, so a slow consumer (sending batches) slows the reading down instead of
 * piling records up. Returns the deviations report; a file that cannot be read on ends the report
 * with a `fatal` deviation (the records before it were checked and, in a transfer, sent).
 */
import { FormatError, XmlByteDecoder } from '@goskit/validation/stream';
import type { EdiaryContext } from '../context.js';
import type { AnyRecord, FileKind } from '../models.js';
import { BusinessChecker, dayAt, type SchoolFacts } from './business-checks.js';
import { type Deviation, DeviationCollector, type DeviationReport } from './deviations.js';
import { chunksOf, type FileSource, formatFromName, sniffFormat } from './file-source.js';
import { jsonRecordReader } from './json-records.js';
import type { RecordHandler, RecordPosition } from './record-handler.js';
import { StopReading } from './record-handler.js';
import { EDIARY_RULES, type EdiaryRuleCode } from './rules.js';
import { xmlRecordReader } from './xml-records.js';

export interface CheckFileOptions {
  /** Shown in the report and the administrator's notice ('marks-2026-09.xml'). */
  fileName: string;
  /** Default: from the file name, else from the first character. */
  format?: 'xml' | 'json';
  /** The kind the file must hold; a file of another kind stops at its header. */
  kind?: FileKind;
  /**
   * Pupil ids linked to a parent's Gosuslugi account. Default: asked from the feed
   * (`linkedPupils()`), the source of truth shared by every instance.
   */
  linkedPupils?: Iterable<string>;
  /** The school's UTC offset for "today" (future dates), minutes. Default 180 (Moscow). */
  timeZoneOffsetMinutes?: number;
}

export interface CheckFileHooks {
  /** Accepted records, after each chunk; awaited before the next chunk is read. */
  onRecords?: (records: AnyRecord[], kind: FileKind) => Promise<void>;
}

class FileChecker implements RecordHandler {
  readonly collector: DeviationCollector;
  records = 0;
  accepted = 0;
  refused = 0;
  skipped = 0;
  kind: FileKind | undefined;
  pending: AnyRecord[] = [];
  #business: BusinessChecker | undefined;

  constructor(
    private readonly schoolId: string,
    private readonly expected: FileKind | undefined,
    private readonly facts: SchoolFacts,
    private readonly format: 'xml' | 'json',
    maxDeviations: number,
  ) {
    this.collector = new DeviationCollector(maxDeviations);
  }

  header(kind: FileKind | undefined, schoolId: string | undefined, line: number): void {
    if (kind === undefined) {
      throw stop('EDIARY_UNKNOWN_KIND', line, '/');
    }
    if (this.expected !== undefined && kind !== this.expected) {
      throw stop('EDIARY_KIND_MISMATCH', line, '/', `expected ${this.expected}, the file holds ${kind}`);
    }
    if (schoolId !== undefined && schoolId !== this.schoolId) {
      throw stop('EDIARY_SCHOOL_MISMATCH', line, this.format === 'xml' ? `/${kind}/@schoolId` : '/schoolId');
    }
    this.kind = kind;
    this.#business = new BusinessChecker(kind, this.facts);
  }

  record(raw: Record<string, unknown>, position: RecordPosition, schema: Deviation[]): void {
    this.records++;
    if (schema.length > 0) {
      this.refused++;
      for (const deviation of schema) {
        this.collector.add(deviation);
      }
      return;
    }
    const record = { ...raw } as unknown as AnyRecord;
    if (this.kind === 'marks') {
      (record as { value: unknown }).value = String((record as { value: unknown }).value);
    }
    const problems = (this.#business as BusinessChecker).check(record);
    if (problems.length === 0) {
      this.accepted++;
      this.pending.push(record);
      return;
    }
    if (problems.some((problem) => problem.severity === 'error')) {
      this.refused++;
    } else {
      this.skipped++;
    }
    for (const problem of problems) {
      const field =
        problem.field === undefined ? '' : this.format === 'xml' ? `/@${problem.field}` : `/${problem.field}`;
      this.collector.add({
        line: position.line,
        path: `${position.path}${field}`,
        recordId: record.id,
        code: problem.code,
        rule: problem.rule,
        severity: problem.severity,
      });
    }
  }

  other(deviation: Deviation): void {
    if (deviation.code === 'XSD_NAMESPACE' || deviation.code === 'XSD_ROOT') {
      throw new StopReading({ ...deviation, severity: 'fatal' });
    }
    this.collector.add(deviation);
  }
}

function stop(code: EdiaryRuleCode, line: number, path: string, detail?: string): StopReading {
  return new StopReading({
    line,
    path,
    code,
    rule: EDIARY_RULES[code],
    severity: 'fatal',
    ...(detail === undefined ? {} : { detail }),
  });
}

/** The school's register and links as the checks need them. */
export async function schoolFacts(
  context: EdiaryContext,
  linked: Iterable<string>,
  offsetMinutes: number,
): Promise<SchoolFacts> {
  const { list } = await context.pupils();
  const pupils = new Map<string, string>();
  const classes = new Set<string>();
  for (const pupil of list) {
    pupils.set(pupil.id, pupil.classId ?? '');
    if (pupil.classId !== undefined) {
      classes.add(pupil.classId);
    }
  }
  const linkedPupils = new Set(linked);
  const linkedClasses = new Set<string>();
  for (const id of linkedPupils) {
    const classId = pupils.get(id);
    if (classId) {
      linkedClasses.add(classId);
    }
  }
  return { pupils, classes, linkedPupils, linkedClasses, today: dayAt(context.clock.now(), offsetMinutes) };
}

export async function checkFile(
  context: EdiaryContext,
  source: FileSource,
  options: CheckFileOptions,
  linked: Iterable<string>,
  hooks: CheckFileHooks = {},
): Promise<DeviationReport> {
  const facts = await schoolFacts(context, linked, options.timeZoneOffsetMinutes ?? 180);
  const chunks = chunksOf(source);
  let format = options.format ?? formatFromName(options.fileName);
  let checker: FileChecker | undefined;
  let fatal: Deviation | undefined;
  let reader: { write(text: string): void; end(): void } | undefined;
  let decode: ((chunk: Uint8Array) => string) | undefined;
  let flush: (() => string) | undefined;
  const drain = async () => {
    if (checker !== undefined && checker.pending.length > 0) {
      const records = checker.pending;
      checker.pending = [];
      await hooks.onRecords?.(records, checker.kind as FileKind);
    }
  };
  try {
    for await (const chunk of chunks) {
      if (reader === undefined) {
        format ??= sniffFormat(chunk) ?? 'json';
        checker = new FileChecker(context.school.id, options.kind, facts, format, context.maxDeviations);
        if (format === 'xml') {
          reader = xmlRecordReader(checker);
          const decoder = new XmlByteDecoder();
          decode = (bytes) => decoder.decode(bytes);
          flush = () => decoder.end();
        } else {
          reader = jsonRecordReader(checker, options.kind);
          const decoder = new TextDecoder('utf-8');
          decode = (bytes) => decoder.decode(bytes, { stream: true });
          flush = () => decoder.decode();
        }
      }
      reader.write(typeof chunk === 'string' ? chunk : (decode as (bytes: Uint8Array) => string)(chunk));
      await drain();
    }
    if (reader === undefined) {
      format ??= 'json';
      checker = new FileChecker(context.school.id, options.kind, facts, format, context.maxDeviations);
      reader = format === 'xml' ? xmlRecordReader(checker) : jsonRecordReader(checker, options.kind);
    }
    const rest = flush?.() ?? '';
    if (rest !== '') {
      reader.write(rest);
    }
    reader.end();
    await drain();
  } catch (error) {
    if (error instanceof StopReading) {
      fatal = error.deviation;
    } else if (error instanceof FormatError) {
      fatal = {
        line: error.line,
        path: '',
        code: error.code,
        rule: error.rule,
        severity: 'fatal',
        detail: error.message.replace(/ \(line \d+\)$/, ''),
      };
    } else {
      throw error;
    }
    await chunks.return(undefined);
    // Records accepted before the fatal point still go out.
    await drain();
  }
  const collected = checker as FileChecker;
  const report: DeviationReport = {
    file: options.fileName,
    format: format ?? 'json',
    kind: collected.kind,
    schoolId: context.school.id,
    checkedAt: new Date(context.clock.now()).toISOString(),
    records: collected.records,
    accepted: collected.accepted,
    refused: collected.refused,
    skipped: collected.skipped,
    deviationCount: collected.collector.count + (fatal === undefined ? 0 : 1),
    byCode: collected.collector.byCode(),
    truncated: collected.collector.truncated,
    deviations: collected.collector.deviations,
  };
  if (fatal !== undefined) {
    report.fatal = fatal;
    report.byCode[fatal.code] = (report.byCode[fatal.code] ?? 0) + 1;
  }
  return report;
}
