export { DEFAULT_XML_LIMITS, type XmlLimits } from '@goskit/validation/stream';
export { EXPORT_ISSUE_MESSAGES, type ExportIssue, type ExportIssueCode } from './export-issues.js';
export {
  ABSENCE_REASONS,
  type AbsenceReason,
  type ExportAbsence,
  type ExportClass,
  type ExportEmployee,
  type ExportEntryType,
  type ExportMark,
  type ExportPupil,
  type ExportRecord,
  type ExportRecordType,
  type ExportSchool,
} from './export-records.js';
export type { EntryCounts, ExportReport } from './export-tally.js';
export {
  type ExportRead,
  type ExportSource,
  type ReadExportOptions,
  readExport,
  validateExport,
} from './read-export.js';
