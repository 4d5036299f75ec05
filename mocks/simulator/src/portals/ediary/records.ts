/**
 * The feed's own check of each record it receives (the school checked its files already; the feed
 * refuses what it cannot apply): the fields it needs, marks '1'…'5' or a text mark, the pupil linked
 * at this school. A refused record is `rejected` with a code and a message naming the field — never
 * the record's values.
 */
import type { EdiaryState } from './state.js';

export type RecordKind = 'marks' | 'attendance' | 'schedule' | 'events';

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const TEXT_MARKS: ReadonlySet<string> = new Set(['зч', 'нз', 'н', 'б', 'уп', 'осв', 'на']);
const REASONS: ReadonlySet<string> = new Set(['absent', 'ill', 'excused', 'late']);
const CHANGES: ReadonlySet<string> = new Set(['added', 'changed', 'moved', 'cancelled']);

export type Checked =
  | { ok: true; id: string; record: Record<string, unknown> }
  | { ok: false; id: string; code: string; message: string };

const text = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

/** The fields each kind needs: [name, test, rule]. */
const FIELDS: Record<RecordKind, [string, (value: unknown) => boolean, string][]> = {
  marks: [
    ['pupilId', (v) => text(v) && ID.test(v), 'id'],
    ['date', (v) => text(v) && DAY.test(v), 'yyyy-MM-dd'],
    ['subject', (v) => text(v), 'text 1–200'],
    ['value', (v) => text(v, 8) && (/^[1-5]$/.test(v) || TEXT_MARKS.has(v)), "'1'…'5' or a text mark"],
  ],
  attendance: [
    ['pupilId', (v) => text(v) && ID.test(v), 'id'],
    ['date', (v) => text(v) && DAY.test(v), 'yyyy-MM-dd'],
    ['reason', (v) => typeof v === 'string' && REASONS.has(v), 'absent | ill | excused | late'],
  ],
  schedule: [
    ['classId', (v) => text(v) && ID.test(v), 'id'],
    ['date', (v) => text(v) && DAY.test(v), 'yyyy-MM-dd'],
    ['number', (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 20, 'lesson 0–20'],
    ['subject', (v) => text(v), 'text 1–200'],
    ['change', (v) => typeof v === 'string' && CHANGES.has(v), 'added | changed | moved | cancelled'],
  ],
  events: [
    ['date', (v) => text(v) && DAY.test(v), 'yyyy-MM-dd'],
    ['title', (v) => text(v), 'text 1–200'],
  ],
};

function linkedAt(
  state: EdiaryState,
  schoolId: string,
  match: { pupilId?: unknown; classId?: unknown },
): boolean {
  for (const connection of state.connections.values()) {
    if (connection.schoolId !== schoolId) {
      continue;
    }
    for (const pupil of connection.pupils) {
      if (
        pupil.pupilId === match.pupilId ||
        (match.classId !== undefined && pupil.classId === match.classId)
      ) {
        return true;
      }
    }
  }
  return false;
}

export function checkRecord(
  state: EdiaryState,
  schoolId: string,
  kind: RecordKind,
  value: unknown,
  index: number,
): Checked {
  const record = (
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
  ) as Record<string, unknown>;
  const id = text(record.id, 64) && ID.test(record.id) ? record.id : `#${index}`;
  if (id.startsWith('#')) {
    return {
      ok: false,
      id,
      code: 'invalid_record',
      message: `records.${index}.id: expected 1–64 of A–Z a–z 0–9 . _ : -`,
    };
  }
  for (const [field, test, rule] of FIELDS[kind]) {
    if (!Object.hasOwn(record, field) || !test(record[field])) {
      return { ok: false, id, code: 'invalid_record', message: `records.${index}.${field}: ${rule}` };
    }
  }
  if (kind === 'events' && record.pupilId === undefined && record.classId === undefined) {
    return { ok: false, id, code: 'invalid_record', message: `records.${index}: pupilId or classId` };
  }
  if (!linkedAt(state, schoolId, { pupilId: record.pupilId, classId: record.classId })) {
    return {
      ok: false,
      id,
      code: 'pupil_not_linked',
      message: `records.${index}: ни один родитель не связал этого ученика (класс) с Госуслугами`,
    };
  }
  return { ok: true, id, record };
}
