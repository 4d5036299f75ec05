/**
 * The three kinds of school data files and how their records look in XML and JSON: the XML root and
 * record element, the JSON Schema definition, which fields are numbers, and the keys that make two
 * records duplicates (the same id, or the same facts under another id).
 */
import type { AbsenceRecord, FileKind, MarkRecord, RecordOf, ScheduleRecord } from '../models.js';

export interface KindSpec<K extends FileKind = FileKind> {
  kind: K;
  /** XML root element ('marks') and record element ('mark'). */
  root: string;
  element: string;
  /** The record's definition in the JSON Schema (`#/$defs/<name>`). */
  jsonDefinition: string;
  /** Fields that are numbers (XML gives every attribute as text). */
  numeric: readonly string[];
  /** The same facts twice, under any id. */
  contentKey(record: RecordOf[K]): string;
  /** Marks and absences may not be dated in the future; schedule changes may. */
  pastOnly: boolean;
}

const SEP = '\u0001';

export const KINDS: { readonly [K in FileKind]: KindSpec<K> } = {
  marks: {
    kind: 'marks',
    root: 'marks',
    element: 'mark',
    jsonDefinition: 'mark',
    numeric: ['lesson'],
    contentKey: (r: MarkRecord) =>
      [r.pupilId, r.date, r.lesson ?? '', r.subject, r.value, r.workType ?? ''].join(SEP),
    pastOnly: true,
  },
  attendance: {
    kind: 'attendance',
    root: 'attendance',
    element: 'absence',
    jsonDefinition: 'absence',
    numeric: ['lesson', 'minutes'],
    contentKey: (r: AbsenceRecord) => [r.pupilId, r.date, r.lesson ?? '', r.subject ?? ''].join(SEP),
    pastOnly: true,
  },
  schedule: {
    kind: 'schedule',
    root: 'schedule',
    element: 'lesson',
    jsonDefinition: 'scheduleLesson',
    numeric: ['number'],
    contentKey: (r: ScheduleRecord) => [r.classId, r.date, r.number, r.change].join(SEP),
    pastOnly: false,
  },
};

/** The kind a root element or a `kind` member names; undefined for anything else. */
export function kindOf(name: unknown): FileKind | undefined {
  return name === 'marks' || name === 'attendance' || name === 'schedule' ? name : undefined;
}
