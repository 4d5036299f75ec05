/**
 * The e-diary's data: the school's pupils (the e-diary's own register), the link a parent makes with
 * Gosuslugi, and the records a school sends (marks, attendance, schedule changes, events). Field
 * names follow goskit's own feed contract (openapi/ediary.yaml) and data files (schemas/).
 */
import { z } from 'zod';

/** A pupil as the school's e-diary knows them. `birthDate`: 'yyyy-MM-dd' or 'dd.MM.yyyy'. */
export interface SchoolPupil {
  id: string;
  lastName: string;
  firstName: string;
  middleName?: string | undefined;
  birthDate: string;
  /** СНИЛС in any common spelling; the first key of matching when both sides have it. */
  snils?: string | undefined;
  /** The class the pupil learns in (schedule changes reach the parents through it). */
  classId?: string | undefined;
}

export type MatchedBy = 'snils' | 'name-birthdate';

/** One of the parent's children, linked to one of the school's pupils. */
export interface LinkedPupil {
  pupilId: string;
  /** The child's id in ESIA (`/rs/prns/{oid}/kids` element id). */
  kidId: string;
  classId?: string | undefined;
  by: MatchedBy;
}

/** What a link keeps, in the link store and at Gosuslugi. */
export interface EdiaryLink {
  connectionId: string;
  schoolId: string;
  /** The parent's ESIA oid. */
  parentOid: string;
  /** ISO time the link was first made (the feed's clock). */
  linkedAt: string;
  /** ISO time of the last (idempotent) re-link. */
  updatedAt: string;
  pupils: LinkedPupil[];
}

export type RecordKind = 'marks' | 'attendance' | 'schedule' | 'events';

export interface MarkRecord {
  id: string;
  pupilId: string;
  /** 'yyyy-MM-dd' */
  date: string;
  lesson?: number;
  subject: string;
  /** '1'…'5' or a text mark ('зч', 'нз', 'н', 'б', 'уп', 'осв', 'на'). */
  value: string;
  workType?: string;
  teacher?: string;
}

export interface AbsenceRecord {
  id: string;
  pupilId: string;
  date: string;
  lesson?: number;
  subject?: string;
  reason: 'absent' | 'ill' | 'excused' | 'late';
  minutes?: number;
}

export interface ScheduleRecord {
  id: string;
  classId: string;
  className?: string;
  date: string;
  number: number;
  subject: string;
  change: 'added' | 'changed' | 'moved' | 'cancelled';
  startsAt?: string;
  room?: string;
  teacher?: string;
}

/** A school event (a meeting, a trip) for a class or a pupil; sent with `sendRecords('events', …)`. */
export interface EventRecord {
  id: string;
  date: string;
  title: string;
  text?: string;
  classId?: string;
  pupilId?: string;
}

export interface RecordOf {
  marks: MarkRecord;
  attendance: AbsenceRecord;
  schedule: ScheduleRecord;
  events: EventRecord;
}

export type FileKind = Exclude<RecordKind, 'events'>;
export type AnyRecord = RecordOf[RecordKind];

const linkedPupilSchema = z.object({
  pupilId: z.string(),
  kidId: z.string(),
  classId: z.string().optional(),
  by: z.enum(['snils', 'name-birthdate']),
});

/** The feed's view of a connection. */
export const connectionSchema = z.looseObject({
  connectionId: z.string().min(1).max(100),
  schoolId: z.string(),
  parentOid: z.string(),
  linkedAt: z.string(),
  updatedAt: z.string(),
  created: z.boolean(),
  pupils: z.array(linkedPupilSchema),
});
export type Connection = z.output<typeof connectionSchema>;

/** A stored link read back (a shared store may hold anything). */
export const storedLinkSchema = z.object({
  connectionId: z.string(),
  schoolId: z.string(),
  parentOid: z.string(),
  linkedAt: z.string(),
  updatedAt: z.string(),
  pupils: z.array(linkedPupilSchema),
});

export const recordResultSchema = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'rejected', 'duplicate']),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type RecordResult = z.output<typeof recordResultSchema>;

export const batchResultSchema = z.looseObject({
  batchId: z.string(),
  idempotencyKey: z.string(),
  replayed: z.boolean(),
  received: z.number().int().min(0),
  accepted: z.number().int().min(0),
  rejected: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  results: z.array(recordResultSchema),
});
export type BatchResult = z.output<typeof batchResultSchema>;

export const linkedPupilsSchema = z.looseObject({
  schoolId: z.string(),
  pupils: z.array(z.object({ pupilId: z.string(), classId: z.string().optional() })),
});
