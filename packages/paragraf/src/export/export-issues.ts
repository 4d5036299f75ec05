/**
 * One bad record in an export: where (XPath-like `path`, 1-based indexes, and `line`), which field,
 * the rule (a stable code) and ru/en text. Never the rejected value: it may be a СНИЛС. A rejected
 * record's contents are not dropped silently either: `skipped` counts the entries that went with it.
 */
import { type LocalizedText, messageFor, type ValidationCode } from '@goskit/validation';
import type { ExportEntryType } from './export-records.js';

/** Codes the export adds to @goskit/validation's. */
export const EXPORT_ISSUE_MESSAGES = {
  SUID_FORMAT: {
    ru: 'suid должен состоять из 1–64 латинских букв, цифр, «-» или «_»',
    en: 'suid must be 1–64 Latin letters, digits, "-" or "_"',
  },
  SCHOOL_ID: {
    ru: 'Идентификатор школы должен состоять из 1–64 латинских букв, цифр, «-» или «_»',
    en: 'A school id must be 1–64 Latin letters, digits, "-" or "_"',
  },
  TEXT_FIELD: {
    ru: 'Поле должно быть непустым и не длиннее 200 символов',
    en: 'The field must be non-empty and at most 200 characters',
  },
  VK_ID: { ru: 'VK id должен быть положительным целым числом', en: 'A VK id must be a positive integer' },
  ABSENCE_REASON: {
    ru: 'Причина пропуска должна быть одной из: н, б, уп',
    en: 'An absence reason must be one of: н, б, уп',
  },
  DUPLICATE_SNILS: {
    ru: 'Ученик с таким СНИЛС уже есть в выгрузке (см. firstLine)',
    en: 'A pupil with this SNILS already appears in the export (see firstLine)',
  },
  FIELD_REPEATED: { ru: 'Поле указано дважды', en: 'The field is given twice' },
} as const satisfies Record<string, LocalizedText>;

export type ExportIssueCode = ValidationCode | keyof typeof EXPORT_ISSUE_MESSAGES;

export interface ExportIssue {
  readonly type: ExportEntryType;
  /** e.g. `/export/school[2]/class[5]/pupil[17]/marks/mark[3]`. */
  readonly path: string;
  readonly line: number;
  /** The attribute or child element at fault. */
  readonly field?: string;
  readonly code: ExportIssueCode;
  readonly message: LocalizedText;
  /** The record's own key when it has one (school id, suid) — never a СНИЛС. */
  readonly key?: string;
  /** For DUPLICATE_SNILS: the line of the first pupil with that СНИЛС. */
  readonly firstLine?: number;
  /** Entries rejected together with this record (a rejected pupil's marks, a rejected class's pupils). */
  readonly skipped?: Readonly<Partial<Record<ExportEntryType, number>>>;
}

export function exportMessage(code: ExportIssueCode): LocalizedText {
  return Object.hasOwn(EXPORT_ISSUE_MESSAGES, code)
    ? EXPORT_ISSUE_MESSAGES[code as keyof typeof EXPORT_ISSUE_MESSAGES]
    : messageFor(code as ValidationCode);
}
