/**
 * The school data the chat sync works from — organisation, classes, teachers, pupils, parents and
 * subjects, the shape of a school roster (the simulator's «Демо школа» has it). `checkRoster`
 * reports every broken rule at once, each with its path and rule in Russian and English, and never
 * the offending value (names are personal data). Ids are looked up in Maps, so `__proto__` is an id
 * like any other.
 */
import { parseClassName } from '@goskit/validation';
import { SyncError, type SyncIssue } from '../errors/sync-error.js';
import { isCleanText } from '../util/clean-text.js';

export interface RosterPerson {
  id: string;
  lastName: string;
  firstName: string;
  middleName?: string;
}

export interface RosterPupil extends RosterPerson {
  classId: string;
}

export interface RosterParent extends RosterPerson {
  /** Pupil ids. */
  childIds: readonly string[];
}

export interface RosterClass {
  id: string;
  /** '1А' … '11Б' (also '5 а', '5-А': normalised). */
  name: string;
  /** The class teacher (классный руководитель). */
  teacherId?: string;
}

export interface RosterSubject {
  id: string;
  /** 'Математика'. */
  name: string;
  classId: string;
  teacherIds: readonly string[];
  /** The journal asks for a chat of this subject in this class. */
  chat?: boolean;
}

export interface SchoolRoster {
  organisation: { id: string; shortName: string; fullName?: string };
  classes: readonly RosterClass[];
  teachers: readonly RosterPerson[];
  pupils: readonly RosterPupil[];
  parents: readonly RosterParent[];
  subjects?: readonly RosterSubject[];
}

/** A roster after `checkRoster`: lookups by id, class names normalised. */
export interface CheckedRoster {
  roster: SchoolRoster;
  schoolId: string;
  classes: Map<string, RosterClass & { normalisedName: string; grade: number; letter: string }>;
  teachers: Map<string, RosterPerson>;
  pupils: Map<string, RosterPupil>;
  parents: Map<string, RosterParent>;
  subjects: Map<string, RosterSubject>;
}

const msg = (ru: string, en: string) => ({ ru, en });

export function checkRoster(roster: SchoolRoster): CheckedRoster {
  const issues: SyncIssue[] = [];
  const add = (path: string, rule: string, ru: string, en: string) =>
    issues.push({ path, rule, message: msg(ru, en) });
  const isText = (value: unknown, max = 200): value is string => isCleanText(value, max);

  if (typeof roster !== 'object' || roster === null) {
    throw new SyncError('INVALID_ROSTER', 'the school data is not an object');
  }
  const organisation = roster.organisation;
  if (typeof organisation !== 'object' || organisation === null) {
    add(
      'organisation',
      'required',
      'Нужна организация (id, shortName).',
      'The organisation (id, shortName) is required.',
    );
  } else {
    if (!isText(organisation.id, 100)) {
      add(
        'organisation.id',
        'id',
        'Идентификатор — строка до 100 символов.',
        'An id is a string of up to 100 characters.',
      );
    }
    if (!isText(organisation.shortName)) {
      add(
        'organisation.shortName',
        'text',
        'Краткое название школы обязательно (до 200 символов).',
        'The school short name is required (up to 200 characters).',
      );
    }
  }

  const list = <T>(name: string, value: readonly T[] | undefined, required: boolean): readonly T[] => {
    if (value === undefined && !required) {
      return [];
    }
    if (!Array.isArray(value)) {
      add(name, 'list', 'Ожидается список.', 'A list is expected.');
      return [];
    }
    return value;
  };

  const index = <T extends { id: string }>(
    name: string,
    items: readonly T[],
    check: (item: T, path: string) => void,
  ) => {
    const map = new Map<string, T>();
    items.forEach((item, position) => {
      const path = `${name}[${position}]`;
      if (typeof item !== 'object' || item === null) {
        add(path, 'object', 'Ожидается объект.', 'An object is expected.');
        return;
      }
      if (!isText(item.id, 100)) {
        add(
          `${path}.id`,
          'id',
          'Идентификатор — строка до 100 символов без управляющих символов.',
          'An id is a string of up to 100 characters without control characters.',
        );
        return;
      }
      if (map.has(item.id)) {
        add(`${path}.id`, 'unique-id', 'Идентификатор повторяется.', 'The id is used twice.');
        return;
      }
      map.set(item.id, item);
      check(item, path);
    });
    return map;
  };

  const person = (item: RosterPerson, path: string) => {
    if (!isText(item.lastName)) {
      add(`${path}.lastName`, 'name', 'Фамилия обязательна.', 'The last name is required.');
    }
    if (!isText(item.firstName)) {
      add(`${path}.firstName`, 'name', 'Имя обязательно.', 'The first name is required.');
    }
    if (item.middleName !== undefined && item.middleName !== '' && !isText(item.middleName)) {
      add(
        `${path}.middleName`,
        'name',
        'Отчество — строка до 200 символов.',
        'The middle name is a string of up to 200 characters.',
      );
    }
  };

  const teachers = index('teachers', list('teachers', roster.teachers, true), person);
  const classes = new Map<string, RosterClass & { normalisedName: string; grade: number; letter: string }>();
  const classNames = new Map<string, string>();
  index('classes', list('classes', roster.classes, true), (item, path) => {
    const parsed = parseClassName(item.name);
    if (!parsed.ok) {
      add(
        `${path}.name`,
        'class-name',
        'Название класса — номер 1–11 и буква: «5А».',
        'A class name is a grade 1–11 and a letter: "5А".',
      );
      return;
    }
    const { name, grade, letter } = parsed.value;
    if (classNames.has(name)) {
      add(
        `${path}.name`,
        'unique-class',
        'Класс с таким названием уже есть.',
        'Another class has this name.',
      );
    }
    classNames.set(name, item.id);
    if (item.teacherId !== undefined && !teachers.has(item.teacherId)) {
      add(
        `${path}.teacherId`,
        'known-teacher',
        'Такого учителя нет в списке teachers.',
        'No such teacher in teachers.',
      );
    }
    classes.set(item.id, { ...item, normalisedName: name, grade, letter });
  });
  const pupils = index('pupils', list('pupils', roster.pupils, true), (item, path) => {
    person(item, path);
    if (typeof item.classId !== 'string' || !classes.has(item.classId)) {
      add(
        `${path}.classId`,
        'known-class',
        'Такого класса нет в списке classes.',
        'No such class in classes.',
      );
    }
  });
  const parents = index('parents', list('parents', roster.parents, true), (item, path) => {
    person(item, path);
    const children = list(`${path}.childIds`, item.childIds, true);
    children.forEach((childId, position) => {
      if (typeof childId !== 'string' || !pupils.has(childId)) {
        add(
          `${path}.childIds[${position}]`,
          'known-pupil',
          'Такого ученика нет в списке pupils.',
          'No such pupil in pupils.',
        );
      }
    });
  });
  const subjects = index('subjects', list('subjects', roster.subjects, false), (item, path) => {
    if (!isText(item.name)) {
      add(`${path}.name`, 'text', 'Название предмета обязательно.', 'The subject name is required.');
    }
    if (typeof item.classId !== 'string' || !classes.has(item.classId)) {
      add(
        `${path}.classId`,
        'known-class',
        'Такого класса нет в списке classes.',
        'No such class in classes.',
      );
    }
    list(`${path}.teacherIds`, item.teacherIds, true).forEach((teacherId, position) => {
      if (typeof teacherId !== 'string' || !teachers.has(teacherId)) {
        add(
          `${path}.teacherIds[${position}]`,
          'known-teacher',
          'Такого учителя нет в списке teachers.',
          'No such teacher in teachers.',
        );
      }
    });
  });
  // One person id names one person: a teacher who is also a parent has two ids in a school system.
  const seen = new Map<string, string>();
  for (const [kind, ids] of [
    ['teachers', teachers.keys()],
    ['pupils', pupils.keys()],
    ['parents', parents.keys()],
  ] as const) {
    for (const id of ids) {
      const other = seen.get(id);
      if (other !== undefined) {
        add(
          kind,
          'unique-person-id',
          `Идентификатор человека повторяется (уже есть в ${other}).`,
          `A person id is used twice (also in ${other}).`,
        );
      }
      seen.set(id, kind);
    }
  }
  if (issues.length > 0) {
    throw new SyncError('INVALID_ROSTER', 'the school data breaks rules', { issues });
  }
  return { roster, schoolId: organisation.id, classes, teachers, pupils, parents, subjects };
}
