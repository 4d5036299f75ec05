/**
 * What a district export yields, record by record (goskit's own contract: Параграф publishes no
 * export schema; wsdl/paragraf-export.xsd in this package describes the XML). Dates come out ISO
 * (`yyyy-MM-dd`), СНИЛС as `XXX-XXX-XXX YY`; class strings keep the spelling the services use
 * ("5 А", "СОТР", "РДТЛ") next to the normalised form. `line` is where the record starts.
 */
import type { Mark } from '@goskit/validation';

export interface ExportSchool {
  readonly type: 'school';
  readonly id: string;
  readonly name: string;
  readonly inn: string;
  readonly kpp?: string;
  readonly ogrn?: string;
  readonly line: number;
}

/** A class of a school; `special` marks the service groups СОТР (staff) and РДТЛ (parents). */
export interface ExportClass {
  readonly type: 'class';
  readonly schoolId: string;
  /** As written in the file, e.g. "5 А". */
  readonly name: string;
  /** "5А", or the group code itself ("СОТР"). */
  readonly normalized: string;
  readonly grade?: number;
  readonly letter?: string;
  readonly special: boolean;
  readonly academicYear?: string;
  readonly line: number;
}

export interface ExportEmployee {
  readonly type: 'employee';
  readonly schoolId: string;
  readonly suid: string;
  readonly snils?: string;
  readonly surname: string;
  readonly name: string;
  readonly patronymic?: string;
  readonly position: string;
  /** VK user id linked in «Личные дела сотрудников» (used by Sferum calls). */
  readonly vkId?: number;
  readonly line: number;
}

export interface ExportMark {
  /** ISO date of the lesson. */
  readonly date: string;
  readonly lesson?: number;
  readonly subject: string;
  /** 1–5, or a text mark ('зч', 'нз', 'н', 'б', 'уп', 'осв', 'на'). */
  readonly value: Mark;
}

/** An absence: 'н' (absent), 'б' (ill), 'уп' (valid reason). */
export interface ExportAbsence {
  readonly date: string;
  readonly lesson?: number;
  readonly subject?: string;
  readonly reason: AbsenceReason;
}

export type AbsenceReason = 'н' | 'б' | 'уп';
export const ABSENCE_REASONS: readonly AbsenceReason[] = ['н', 'б', 'уп'];

export interface ExportPupil {
  readonly type: 'pupil';
  readonly schoolId: string;
  /** The class as written ("5 А"). */
  readonly className: string;
  readonly suid: string;
  readonly snils?: string;
  readonly surname: string;
  readonly name: string;
  readonly patronymic?: string;
  /** ISO date of birth. */
  readonly dob: string;
  /** The pupil's valid marks (an invalid one is reported, never kept). */
  readonly marks: readonly ExportMark[];
  readonly absences: readonly ExportAbsence[];
  readonly line: number;
}

export type ExportRecord = ExportSchool | ExportClass | ExportEmployee | ExportPupil;
export type ExportRecordType = ExportRecord['type'];
/** Everything counted in a report, records and the entries inside a pupil. */
export type ExportEntryType = ExportRecordType | 'mark' | 'absence';
