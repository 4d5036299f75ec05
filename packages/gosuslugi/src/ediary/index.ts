export { EDIARY_DATA_JSON_SCHEMA, EDIARY_DATA_XSD } from '../generated/ediary-schemas.js';
export { createEdiaryClient, type EdiaryClient } from './create-ediary-client.js';
export { EDIARY_ERROR_HINTS, EdiaryError, type EdiaryErrorCode, isEdiaryError } from './ediary-error.js';
export { dayAt } from './files/business-checks.js';
export type { CheckFileOptions } from './files/check-file.js';
export {
  type Deviation,
  type DeviationReport,
  type DeviationSeverity,
  formatDeviationTable,
} from './files/deviations.js';
export type { FileSource } from './files/file-source.js';
export { EDIARY_RULES, type EdiaryRuleCode } from './files/rules.js';
export type { LinkOptions, LinkResult } from './link.js';
export {
  type AmbiguousChild,
  indexPupils,
  type MatchedChild,
  type MatchReport,
  matchChildren,
  type UnmatchedChild,
} from './match-children.js';
export type {
  AbsenceRecord,
  AnyRecord,
  EdiaryLink,
  EventRecord,
  FileKind,
  LinkedPupil,
  MarkRecord,
  MatchedBy,
  RecordKind,
  RecordOf,
  ScheduleRecord,
  SchoolPupil,
} from './models.js';
export { EDIARY_FEED_SCOPE, type EdiaryClientOptions, type EdiaryEnvironment } from './options.js';
export type { SentBatch, TransferSummary } from './send-records.js';
export type { TransferResult } from './transfer-file.js';
export type { UnlinkOptions } from './unlink.js';
