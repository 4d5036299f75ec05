/**
 * The seed's business checks on records that passed the schema: the pupil is on the school's register
 * and linked to a parent's Gosuslugi account (else `skipped`: fine data, nobody to send it to), marks
 * are 1–5 or a text mark (never negative), dates are real and — for marks and absences — not in the
 * future, and nothing is sent twice: a repeated id, or the same facts under another id, is refused.
 * Duplicates are found through 53-bit hashes (hash-set.ts): no record is kept.
 */
import {
  checkMark,
  hashKey,
  isValidIsoDate,
  type LocalizedText,
  VALIDATION_MESSAGES,
} from '@goskit/validation';
import type { AnyRecord, FileKind, MarkRecord, RecordOf, ScheduleRecord } from '../models.js';
import type { DeviationSeverity } from './deviations.js';
import { HashSet53 } from './hash-set.js';
import { KINDS } from './kinds.js';
import { EDIARY_RULES } from './rules.js';

export interface BusinessProblem {
  code: string;
  rule: LocalizedText;
  severity: DeviationSeverity;
  /** The field at fault ('value', 'pupilId'), for the path. */
  field?: string;
}

/** What the checks know about the school: its register and who is linked. */
export interface SchoolFacts {
  /** Pupil id → class id (or '' when unknown). */
  pupils: ReadonlyMap<string, string>;
  classes: ReadonlySet<string>;
  linkedPupils: ReadonlySet<string>;
  linkedClasses: ReadonlySet<string>;
  /** 'yyyy-MM-dd' of today at the school (Moscow time by default). */
  today: string;
}

const ID_SEED = 0x51ed;
const CONTENT_SEED = 0x0c0d;
/** Real-calendar answers for the dates seen, bounded (a year has 366 of them). */
const MAX_DATES = 4096;

export class BusinessChecker {
  readonly #kind: FileKind;
  readonly #facts: SchoolFacts;
  readonly #seen = new HashSet53(1 << 16);
  readonly #dates = new Map<string, boolean>();

  constructor(kind: FileKind, facts: SchoolFacts) {
    this.#kind = kind;
    this.#facts = facts;
  }

  /** Problems of one schema-valid record, in the order they are reported; [] when it may be sent. */
  check(record: AnyRecord): BusinessProblem[] {
    const problems: BusinessProblem[] = [];
    const facts = this.#facts;
    const kind = this.#kind;
    if (!this.#realDate(record.date)) {
      problems.push(problem('DATE_CALENDAR', VALIDATION_MESSAGES.DATE_CALENDAR, 'error', 'date'));
    } else if (KINDS[kind].pastOnly && record.date > facts.today) {
      problems.push(problem('EDIARY_DATE_IN_FUTURE', EDIARY_RULES.EDIARY_DATE_IN_FUTURE, 'error', 'date'));
    }
    if (kind === 'marks') {
      const mark = checkMark((record as MarkRecord).value);
      if (!mark.ok) {
        const code = mark.issues[0]?.code ?? 'MARK_FORMAT';
        problems.push(
          problem(code, mark.issues[0]?.message ?? VALIDATION_MESSAGES.MARK_FORMAT, 'error', 'value'),
        );
      }
    }
    if (kind === 'schedule') {
      const classId = (record as ScheduleRecord).classId;
      if (!facts.classes.has(classId)) {
        problems.push(problem('EDIARY_CLASS_UNKNOWN', EDIARY_RULES.EDIARY_CLASS_UNKNOWN, 'error', 'classId'));
      } else if (!facts.linkedClasses.has(classId)) {
        problems.push(
          problem('EDIARY_CLASS_NOT_LINKED', EDIARY_RULES.EDIARY_CLASS_NOT_LINKED, 'skipped', 'classId'),
        );
      }
    } else {
      const pupilId = (record as RecordOf['marks' | 'attendance']).pupilId;
      if (!facts.pupils.has(pupilId)) {
        problems.push(problem('EDIARY_PUPIL_UNKNOWN', EDIARY_RULES.EDIARY_PUPIL_UNKNOWN, 'error', 'pupilId'));
      } else if (!facts.linkedPupils.has(pupilId)) {
        problems.push(
          problem('EDIARY_PUPIL_NOT_LINKED', EDIARY_RULES.EDIARY_PUPIL_NOT_LINKED, 'skipped', 'pupilId'),
        );
      }
    }
    // Duplicates last: a record refused for another reason still claims its id and facts.
    if (!this.#seen.add(hashKey(record.id, ID_SEED))) {
      problems.push(problem('EDIARY_DUPLICATE_ID', EDIARY_RULES.EDIARY_DUPLICATE_ID, 'error', 'id'));
    } else if (
      !this.#seen.add(
        hashKey((KINDS[kind] as { contentKey(r: AnyRecord): string }).contentKey(record), CONTENT_SEED),
      )
    ) {
      problems.push(problem('EDIARY_DUPLICATE_RECORD', EDIARY_RULES.EDIARY_DUPLICATE_RECORD, 'error'));
    }
    return problems;
  }

  #realDate(date: string): boolean {
    let known = this.#dates.get(date);
    if (known === undefined) {
      known = isValidIsoDate(date);
      if (this.#dates.size < MAX_DATES) {
        this.#dates.set(date, known);
      }
    }
    return known;
  }
}

function problem(
  code: string,
  rule: LocalizedText,
  severity: DeviationSeverity,
  field?: string,
): BusinessProblem {
  return field === undefined ? { code, rule, severity } : { code, rule, severity, field };
}

/** 'yyyy-MM-dd' at a UTC offset (minutes; Moscow +180). */
export function dayAt(epochMs: number, offsetMinutes: number): string {
  return new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}
