/**
 * Turns scanner events into export records: knows where each element may appear
 * (export → school → staff/employee and class → pupil → marks/mark, attendance/absence), validates
 * each record as soon as it is complete, emits the valid ones in document order (a school before its
 * classes, a class before its pupils) and reports the rest with path and line. A rejected school,
 * class or pupil takes its contents with it, and the issue counts them (`skipped`).
 */
import type { Mark } from '@goskit/validation';
import type { XmlEvents } from '@goskit/validation/stream';
import { XmlFormatError } from '../errors/xml-format-error.js';
import { XmlSecurityError } from '../errors/xml-security-error.js';
import {
  type Checked,
  type CheckedClass,
  checkAbsenceReason,
  checkClassField,
  checkInnField,
  checkKppField,
  checkLesson,
  checkMarkValue,
  checkName,
  checkOgrnField,
  checkSchoolId,
  checkSnilsField,
  checkSubjectName,
  checkSuid,
  checkText,
  checkVkId,
  checkYearField,
  MemoCheck,
  RuDateCheck,
} from './export-fields.js';
import { type ExportIssue, type ExportIssueCode, exportMessage } from './export-issues.js';
import type {
  ExportAbsence,
  ExportClass,
  ExportEmployee,
  ExportEntryType,
  ExportMark,
  ExportPupil,
  ExportRecord,
  ExportSchool,
} from './export-records.js';
import type { ExportTally } from './export-tally.js';
import { SnilsIndex } from './snils-index.js';

// Element kinds on the stack.
const EXPORT = 1;
const SCHOOL = 2;
const STAFF = 3;
const EMPLOYEE = 4;
const CLASS = 5;
const PUPIL = 6;
const MARKS = 7;
const ATTENDANCE = 8;
const LEAF = 9; // mark, absence
const FIELD = 10;
const IGNORED = 11; // unknown element, or inside one
const SKIPPED = 12; // inside a rejected school / class

const ENTRY_NAMES: ReadonlyMap<string, ExportEntryType> = new Map([
  ['school', 'school'],
  ['class', 'class'],
  ['employee', 'employee'],
  ['pupil', 'pupil'],
  ['mark', 'mark'],
  ['absence', 'absence'],
]);

const PERSON_FIELDS: ReadonlySet<string> = new Set(['snils', 'surname', 'name', 'patronymic', 'dob']);
const EMPLOYEE_FIELDS: ReadonlySet<string> = new Set([
  'snils',
  'surname',
  'name',
  'patronymic',
  'position',
  'vkId',
]);

/** Element and attribute names of the contract, handed to the scanner to reuse. */
export const EXPORT_NAMES: readonly string[] = [
  'export',
  'school',
  'staff',
  'employee',
  'class',
  'pupil',
  'marks',
  'mark',
  'attendance',
  'absence',
  'snils',
  'surname',
  'name',
  'patronymic',
  'dob',
  'position',
  'vkId',
  'id',
  'inn',
  'kpp',
  'ogrn',
  'year',
  'suid',
  'date',
  'lesson',
  'subject',
  'value',
  'reason',
];

/** Where the reader can ask for the current line and enforce the text bound. */
export interface ReaderPosition {
  line(): number;
}

export interface ExportReaderOptions {
  deduplicateSnils: boolean;
  specialClasses: ReadonlySet<string>;
  maxTextLength: number;
}

interface PersonDraft {
  suid: string | undefined;
  line: number;
  index: number;
  /** Field values by name (a null-prototype record: names come from the file). */
  fields: Record<string, string>;
  repeated: string | undefined;
  marks: ExportMark[];
  absences: ExportAbsence[];
}

interface Rejected {
  type: ExportEntryType;
  issue: Omit<ExportIssue, 'skipped'>;
  skipped: Partial<Record<ExportEntryType, number>>;
}

export class ExportReader implements XmlEvents {
  /** Records completed since the last drain. */
  records: ExportRecord[] = [];
  readonly #tally: ExportTally;
  readonly #options: ExportReaderOptions;
  #position: ReaderPosition = { line: () => 0 };
  readonly #kinds: number[] = [];
  readonly #snils = new SnilsIndex();
  readonly #dates = new RuDateCheck();
  readonly #subjects = new MemoCheck(checkSubjectName, 512);

  #schoolIndex = 0;
  #schoolId = '';
  #classIndex = 0;
  #className = '';
  #employeeIndex = 0;
  #pupilIndex = 0;
  #markIndex = 0;
  #absenceIndex = 0;
  #person: PersonDraft | undefined;
  #field = '';
  #fieldText = '';
  /** The rejected school or class whose subtree is being skipped. */
  #rejected: Rejected | undefined;

  constructor(tally: ExportTally, options: ExportReaderOptions) {
    this.#tally = tally;
    this.#options = options;
  }

  attach(position: ReaderPosition): void {
    this.#position = position;
  }

  open(rawName: string, attributes: readonly string[], count: number): void {
    const name = localName(rawName);
    const kinds = this.#kinds;
    const parent = kinds.length === 0 ? 0 : (kinds[kinds.length - 1] as number);
    let kind = IGNORED;
    switch (parent) {
      case 0:
        if (name !== 'export') {
          throw new XmlFormatError(
            'XML_UNEXPECTED_ROOT',
            `The root element must be <export>, not <${name.slice(0, 64)}>`,
            this.#position.line(),
          );
        }
        kind = EXPORT;
        break;
      case EXPORT:
        kind = name === 'school' ? this.#openSchool(attributes, count) : this.#unknown(name);
        break;
      case SCHOOL:
        if (name === 'class') {
          kind = this.#openClass(attributes, count);
        } else if (name === 'staff') {
          kind = STAFF;
        } else {
          kind = this.#unknown(name);
        }
        break;
      case STAFF:
        if (name === 'employee') {
          this.#employeeIndex += 1;
          kind = this.#openPerson(attributes, count, this.#employeeIndex, EMPLOYEE);
        } else {
          kind = this.#unknown(name);
        }
        break;
      case CLASS:
        if (name === 'pupil') {
          this.#pupilIndex += 1;
          kind = this.#openPerson(attributes, count, this.#pupilIndex, PUPIL);
        } else {
          kind = this.#unknown(name);
        }
        break;
      case PUPIL:
        if (name === 'marks') {
          kind = MARKS;
        } else if (name === 'attendance') {
          kind = ATTENDANCE;
        } else {
          kind = PERSON_FIELDS.has(name) ? this.#openField(name) : this.#unknown(name);
        }
        break;
      case EMPLOYEE:
        kind = EMPLOYEE_FIELDS.has(name) ? this.#openField(name) : this.#unknown(name);
        break;
      case MARKS:
        kind = name === 'mark' ? this.#mark(attributes, count) : this.#unknown(name);
        break;
      case ATTENDANCE:
        kind = name === 'absence' ? this.#absence(attributes, count) : this.#unknown(name);
        break;
      case SKIPPED: {
        kind = SKIPPED;
        const type = ENTRY_NAMES.get(name);
        const rejected = this.#rejected;
        if (type !== undefined && rejected !== undefined) {
          rejected.skipped[type] = (rejected.skipped[type] ?? 0) + 1;
        }
        break;
      }
      default:
        // Inside a field, a leaf or an unknown element: nothing here is part of the contract.
        kind = parent === IGNORED ? IGNORED : this.#unknown(name);
    }
    kinds.push(kind);
  }

  text(value: string): void {
    const kinds = this.#kinds;
    if (kinds[kinds.length - 1] !== FIELD) {
      return;
    }
    this.#fieldText = this.#fieldText.length === 0 ? value : this.#fieldText + value;
    if (this.#fieldText.length > this.#options.maxTextLength) {
      throw new XmlSecurityError('XML_TEXT_LIMIT', 'A field is longer than allowed', {
        line: this.#position.line(),
        limit: this.#options.maxTextLength,
      });
    }
  }

  close(): void {
    const kind = this.#kinds.pop();
    switch (kind) {
      case FIELD:
        this.#closeField();
        break;
      case PUPIL:
        this.#closePupil();
        break;
      case EMPLOYEE:
        this.#closeEmployee();
        break;
      case CLASS:
        this.#className = '';
        break;
      case SKIPPED:
        if (this.#kinds[this.#kinds.length - 1] !== SKIPPED) {
          this.#closeRejected();
        }
        break;
      default:
    }
  }

  // ── containers ──────────────────────────────────────────────────────────────

  #openSchool(attributes: readonly string[], count: number): number {
    this.#schoolIndex++;
    this.#classIndex = 0;
    this.#employeeIndex = 0;
    const line = this.#position.line();
    let id: string | undefined;
    let name: string | undefined;
    let inn: string | undefined;
    let kpp: string | undefined;
    let ogrn: string | undefined;
    for (let a = 0; a < count * 2; a += 2) {
      const value = attributes[a + 1];
      switch (attributes[a]) {
        case 'id':
          id = value;
          break;
        case 'name':
          name = value;
          break;
        case 'inn':
          inn = value;
          break;
        case 'kpp':
          kpp = value;
          break;
        case 'ogrn':
          ogrn = value;
          break;
        default:
      }
    }
    const path = `/export/school[${this.#schoolIndex}]`;
    const checkedId = checkSchoolId(id);
    const checks: [string, Checked<string>][] = [
      ['id', checkedId],
      ['name', checkText(name, 500)],
      ['inn', checkInnField(inn)],
    ];
    if (kpp !== undefined) {
      checks.push(['kpp', checkKppField(kpp)]);
    }
    if (ogrn !== undefined) {
      checks.push(['ogrn', checkOgrnField(ogrn)]);
    }
    const key = checkedId.ok ? checkedId.value : undefined;
    this.#schoolId = key ?? '';
    for (const [field, checked] of checks) {
      if (!checked.ok) {
        this.#reject('school', path, line, field, checked.code, key);
        return SKIPPED;
      }
    }
    const value = (index: number): string => (checks[index] as [string, { value: string }])[1].value;
    const school: ExportSchool = {
      type: 'school',
      id: value(0),
      name: value(1),
      inn: value(2),
      ...(kpp === undefined ? {} : { kpp: kpp.trim().toUpperCase() }),
      ...(ogrn === undefined ? {} : { ogrn: ogrn.trim() }),
      line,
    };
    this.#accept(school);
    return SCHOOL;
  }

  #openClass(attributes: readonly string[], count: number): number {
    this.#classIndex++;
    this.#pupilIndex = 0;
    const line = this.#position.line();
    let name: string | undefined;
    let year: string | undefined;
    for (let a = 0; a < count * 2; a += 2) {
      if (attributes[a] === 'name') {
        name = attributes[a + 1];
      } else if (attributes[a] === 'year') {
        year = attributes[a + 1];
      }
    }
    const path = this.#classPath();
    const checked = checkClassField(name, this.#options.specialClasses);
    if (!checked.ok) {
      this.#reject('class', path, line, 'name', checked.code, undefined);
      return SKIPPED;
    }
    let academicYear: string | undefined;
    if (year !== undefined) {
      const checkedYear = checkYearField(year);
      if (!checkedYear.ok) {
        this.#reject('class', path, line, 'year', checkedYear.code, undefined);
        return SKIPPED;
      }
      academicYear = checkedYear.value;
    }
    const value: CheckedClass = checked.value;
    this.#className = (name as string).trim();
    const record: ExportClass = {
      type: 'class',
      schoolId: this.#schoolId,
      name: this.#className,
      normalized: value.normalized,
      ...(value.grade === undefined ? {} : { grade: value.grade }),
      ...(value.letter === undefined ? {} : { letter: value.letter }),
      special: value.special,
      ...(academicYear === undefined ? {} : { academicYear }),
      line,
    };
    this.#accept(record);
    return CLASS;
  }

  // ── people ──────────────────────────────────────────────────────────────────

  #openPerson(attributes: readonly string[], count: number, index: number, kind: number): number {
    let suid: string | undefined;
    for (let a = 0; a < count * 2; a += 2) {
      if (attributes[a] === 'suid') {
        suid = attributes[a + 1];
      }
    }
    this.#markIndex = 0;
    this.#absenceIndex = 0;
    this.#person = {
      suid,
      line: this.#position.line(),
      index,
      fields: Object.create(null) as Record<string, string>,
      repeated: undefined,
      marks: [],
      absences: [],
    };
    return kind;
  }

  #openField(name: string): number {
    this.#field = name;
    this.#fieldText = '';
    return FIELD;
  }

  #closeField(): void {
    const person = this.#person;
    if (person === undefined) {
      return;
    }
    if (this.#field in person.fields) {
      person.repeated ??= this.#field;
      return;
    }
    person.fields[this.#field] = this.#fieldText;
  }

  #closePupil(): void {
    const person = this.#person as PersonDraft;
    this.#person = undefined;
    const path = `${this.#classPath()}/pupil[${person.index}]`;
    const skipped = (): Partial<Record<ExportEntryType, number>> => ({
      ...(person.marks.length > 0 ? { mark: person.marks.length } : {}),
      ...(person.absences.length > 0 ? { absence: person.absences.length } : {}),
    });
    const fail = (field: string, code: ExportIssueCode, extra: Partial<ExportIssue> = {}): void => {
      const suid = checkSuid(person.suid);
      this.#issue({
        type: 'pupil',
        path,
        line: person.line,
        field,
        code,
        message: exportMessage(code),
        ...(suid.ok ? { key: suid.value } : {}),
        ...extra,
        ...withSkipped(skipped()),
      });
    };
    if (person.repeated !== undefined) {
      fail(person.repeated, 'FIELD_REPEATED');
      return;
    }
    const f = person.fields;
    const suid = checkSuid(person.suid);
    if (!suid.ok) {
      fail('suid', suid.code);
      return;
    }
    const surname = checkName(f.surname);
    if (!surname.ok) {
      fail('surname', surname.code);
      return;
    }
    const name = checkName(f.name);
    if (!name.ok) {
      fail('name', name.code);
      return;
    }
    const patronymic =
      f.patronymic === undefined || f.patronymic.trim() === '' ? undefined : checkName(f.patronymic);
    if (patronymic !== undefined && !patronymic.ok) {
      fail('patronymic', patronymic.code);
      return;
    }
    const dob = this.#dates.check(f.dob?.trim());
    if (!dob.ok) {
      fail('dob', dob.code);
      return;
    }
    let snils: string | undefined;
    if (f.snils !== undefined && f.snils.trim() !== '') {
      const checked = checkSnilsField(f.snils);
      if (!checked.ok) {
        fail('snils', checked.code);
        return;
      }
      snils = checked.value;
      if (this.#options.deduplicateSnils) {
        const firstLine = this.#snils.addOrGet(snilsNumber(snils), person.line);
        if (firstLine !== undefined) {
          fail('snils', 'DUPLICATE_SNILS', { firstLine });
          return;
        }
      }
    }
    const pupil: ExportPupil = {
      type: 'pupil',
      schoolId: this.#schoolId,
      className: this.#className,
      suid: suid.value,
      ...(snils === undefined ? {} : { snils }),
      surname: surname.value,
      name: name.value,
      ...(patronymic === undefined ? {} : { patronymic: patronymic.value as string }),
      dob: dob.value,
      marks: person.marks,
      absences: person.absences,
      line: person.line,
    };
    this.#tally.accepted.mark += person.marks.length;
    this.#tally.accepted.absence += person.absences.length;
    this.#accept(pupil);
  }

  #closeEmployee(): void {
    const person = this.#person as PersonDraft;
    this.#person = undefined;
    const path = `/export/school[${this.#schoolIndex}]/staff/employee[${person.index}]`;
    const suidChecked = checkSuid(person.suid);
    const fail = (field: string, code: ExportIssueCode): void => {
      this.#issue({
        type: 'employee',
        path,
        line: person.line,
        field,
        code,
        message: exportMessage(code),
        ...(suidChecked.ok ? { key: suidChecked.value } : {}),
      });
    };
    if (person.repeated !== undefined) {
      fail(person.repeated, 'FIELD_REPEATED');
      return;
    }
    if (!suidChecked.ok) {
      fail('suid', suidChecked.code);
      return;
    }
    const f = person.fields;
    const surname = checkName(f.surname);
    if (!surname.ok) {
      fail('surname', surname.code);
      return;
    }
    const name = checkName(f.name);
    if (!name.ok) {
      fail('name', name.code);
      return;
    }
    const patronymic =
      f.patronymic === undefined || f.patronymic.trim() === '' ? undefined : checkName(f.patronymic);
    if (patronymic !== undefined && !patronymic.ok) {
      fail('patronymic', patronymic.code);
      return;
    }
    const position = checkText(f.position);
    if (!position.ok) {
      fail('position', position.code);
      return;
    }
    let snils: string | undefined;
    if (f.snils !== undefined && f.snils.trim() !== '') {
      const checked = checkSnilsField(f.snils);
      if (!checked.ok) {
        fail('snils', checked.code);
        return;
      }
      snils = checked.value;
    }
    let vkId: number | undefined;
    if (f.vkId !== undefined && f.vkId.trim() !== '') {
      const checked = checkVkId(f.vkId);
      if (!checked.ok) {
        fail('vkId', checked.code);
        return;
      }
      vkId = checked.value;
    }
    const employee: ExportEmployee = {
      type: 'employee',
      schoolId: this.#schoolId,
      suid: suidChecked.value,
      ...(snils === undefined ? {} : { snils }),
      surname: surname.value,
      name: name.value,
      ...(patronymic === undefined ? {} : { patronymic: patronymic.value as string }),
      position: position.value,
      ...(vkId === undefined ? {} : { vkId }),
      line: person.line,
    };
    this.#accept(employee);
  }

  // ── journal entries ─────────────────────────────────────────────────────────

  #mark(attributes: readonly string[], count: number): number {
    this.#markIndex += 1;
    const index = this.#markIndex;
    let date: string | undefined;
    let lesson: string | undefined;
    let subject: string | undefined;
    let value: string | undefined;
    for (let a = 0; a < count * 2; a += 2) {
      const attribute = attributes[a + 1];
      switch (attributes[a]) {
        case 'date':
          date = attribute;
          break;
        case 'lesson':
          lesson = attribute;
          break;
        case 'subject':
          subject = attribute;
          break;
        case 'value':
          value = attribute;
          break;
        default:
      }
    }
    const checkedDate = this.#dates.check(date);
    const checkedSubject = this.#subjects.check(subject);
    const checkedValue = checkMarkValue(value);
    const checkedLesson = lesson === undefined ? undefined : checkLesson(lesson);
    const failed: [string, Checked<unknown>] | undefined = !checkedDate.ok
      ? ['date', checkedDate]
      : !checkedSubject.ok
        ? ['subject', checkedSubject]
        : !checkedValue.ok
          ? ['value', checkedValue]
          : checkedLesson !== undefined && !checkedLesson.ok
            ? ['lesson', checkedLesson]
            : undefined;
    if (failed !== undefined && !failed[1].ok) {
      this.#entryIssue('mark', `marks/mark[${index}]`, failed[0], failed[1].code);
      return LEAF;
    }
    const person = this.#person as PersonDraft;
    const mark: ExportMark =
      checkedLesson === undefined
        ? {
            date: (checkedDate as { value: string }).value,
            subject: (checkedSubject as { value: string }).value,
            value: (checkedValue as { value: Mark }).value,
          }
        : {
            date: (checkedDate as { value: string }).value,
            lesson: (checkedLesson as { value: number }).value,
            subject: (checkedSubject as { value: string }).value,
            value: (checkedValue as { value: Mark }).value,
          };
    person.marks.push(mark);
    return LEAF;
  }

  #absence(attributes: readonly string[], count: number): number {
    this.#absenceIndex += 1;
    const index = this.#absenceIndex;
    let date: string | undefined;
    let lesson: string | undefined;
    let subject: string | undefined;
    let reason: string | undefined;
    for (let a = 0; a < count * 2; a += 2) {
      const attribute = attributes[a + 1];
      switch (attributes[a]) {
        case 'date':
          date = attribute;
          break;
        case 'lesson':
          lesson = attribute;
          break;
        case 'subject':
          subject = attribute;
          break;
        case 'reason':
          reason = attribute;
          break;
        default:
      }
    }
    const checkedDate = this.#dates.check(date);
    if (!checkedDate.ok) {
      this.#entryIssue('absence', `attendance/absence[${index}]`, 'date', checkedDate.code);
      return LEAF;
    }
    const checkedReason = checkAbsenceReason(reason);
    if (!checkedReason.ok) {
      this.#entryIssue('absence', `attendance/absence[${index}]`, 'reason', checkedReason.code);
      return LEAF;
    }
    const checkedLesson = lesson === undefined ? undefined : checkLesson(lesson);
    if (checkedLesson !== undefined && !checkedLesson.ok) {
      this.#entryIssue('absence', `attendance/absence[${index}]`, 'lesson', checkedLesson.code);
      return LEAF;
    }
    const checkedSubject = subject === undefined ? undefined : this.#subjects.check(subject);
    if (checkedSubject !== undefined && !checkedSubject.ok) {
      this.#entryIssue('absence', `attendance/absence[${index}]`, 'subject', checkedSubject.code);
      return LEAF;
    }
    (this.#person as PersonDraft).absences.push({
      date: checkedDate.value,
      ...(checkedLesson === undefined ? {} : { lesson: checkedLesson.value }),
      ...(checkedSubject === undefined ? {} : { subject: checkedSubject.value }),
      reason: checkedReason.value,
    });
    return LEAF;
  }

  // ── reporting ───────────────────────────────────────────────────────────────

  #classPath(): string {
    return `/export/school[${this.#schoolIndex}]/class[${this.#classIndex}]`;
  }

  #entryIssue(type: 'mark' | 'absence', tail: string, field: string, code: ExportIssueCode): void {
    const person = this.#person as PersonDraft;
    const suid = checkSuid(person.suid);
    this.#issue({
      type,
      path: `${this.#classPath()}/pupil[${person.index}]/${tail}`,
      line: this.#position.line(),
      field,
      code,
      message: exportMessage(code),
      ...(suid.ok ? { key: suid.value } : {}),
    });
  }

  #reject(
    type: 'school' | 'class',
    path: string,
    line: number,
    field: string,
    code: ExportIssueCode,
    key: string | undefined,
  ): void {
    this.#rejected = {
      type,
      issue: {
        type,
        path,
        line,
        field,
        code,
        message: exportMessage(code),
        ...(key === undefined ? {} : { key }),
      },
      skipped: {},
    };
  }

  #closeRejected(): void {
    const rejected = this.#rejected;
    this.#rejected = undefined;
    if (rejected !== undefined) {
      this.#issue({ ...rejected.issue, ...withSkipped(rejected.skipped) });
    }
  }

  #unknown(name: string): number {
    this.#tally.unknownElement(name);
    return IGNORED;
  }

  #accept(record: ExportRecord): void {
    this.#tally.accepted[record.type]++;
    this.records.push(record);
  }

  #issue(found: ExportIssue): void {
    this.#tally.issue(found);
  }
}

function withSkipped(skipped: Partial<Record<ExportEntryType, number>>): {
  skipped?: Partial<Record<ExportEntryType, number>>;
} {
  return Object.keys(skipped).length > 0 ? { skipped } : {};
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** 'XXX-XXX-XXX YY' → the 11 digits as a number. */
function snilsNumber(snils: string): number {
  return Number(`${snils.slice(0, 3)}${snils.slice(4, 7)}${snils.slice(8, 11)}${snils.slice(12, 14)}`);
}
