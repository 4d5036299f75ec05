/** What the XML and JSON readers hand the checks: the file's header, then records one by one. */
import type { FileKind } from '../models.js';
import type { Deviation } from './deviations.js';

export interface RecordPosition {
  line: number;
  /** '/marks/mark[12]' or '/records/11'. */
  path: string;
}

export interface RecordHandler {
  /** Called once, before the first record; throws StopReading when the file cannot go on. */
  header(kind: FileKind | undefined, schoolId: string | undefined, line: number): void;
  /** One record with the schema's deviations (empty when it matched). */
  record(raw: Record<string, unknown>, position: RecordPosition, schema: Deviation[]): void;
  /** A deviation outside any record (the root's attributes, the JSON header). */
  other(deviation: Deviation): void;
}

/** Thrown by a handler or a reader to stop reading; carries the fatal deviation. */
export class StopReading extends Error {
  constructor(readonly deviation: Deviation) {
    super(deviation.code);
  }
}
