/**
 * «Демо школа»: organisation, classes 1А–11Б, a class teacher each, ~10 students per class, a parent
 * per student, and fixed personas docs can name. Same seed → deep-equal data.
 */
import { generateInn10, generateKpp, generateOgrn } from '@goskit/validation';
import { Sfc32Random } from '../engine/random.js';
import type { DemoData, Organisation, Persona, SchoolClass } from '../engine/types.js';
import { buildCourses, SUBJECTS, subjectTeachersNeeded } from './courses.js';
import { PersonFactory } from './person-factory.js';

export const DEMO_PASSWORD = 'goskit-demo';
export const FIXED_PERSONA_IDS = {
  parent: 'parent-ivanov',
  teacher: 'teacher-demo',
  admin: 'admin-demo',
} as const;
export const CLASS_LETTERS = ['А', 'Б'] as const;
export const STUDENTS_PER_CLASS = 10;
/** Pupils' ages are computed against the default start of the school year. */
const SCHOOL_YEAR = 2026;

export interface DemoOptions {
  studentsPerClass?: number;
  grades?: number;
}

export function generateDemoData(seed: string, options: DemoOptions = {}): DemoData {
  const random = new Sfc32Random(`${seed}/demo`);
  const next = () => random.next();
  const people = new PersonFactory(random.fork('people'));
  const organisation: Organisation = {
    oid: String(random.int(1_000_000, 9_999_999)),
    shortName: 'Демо школа',
    fullName: 'Государственное бюджетное общеобразовательное учреждение «Демо школа»',
    ogrn: generateOgrn(next),
    inn: generateInn10(next),
    kpp: generateKpp(next),
    address: '190000, г. Санкт-Петербург, ул. Демонстрационная, д. 1',
  };
  const orgRole = (role: string, title: string) => ({
    oid: organisation.oid,
    ogrn: organisation.ogrn,
    role,
    title,
  });

  const parent = people.create({
    id: FIXED_PERSONA_IDS.parent,
    role: 'parent',
    gender: 'M',
    lastName: 'Иванов',
    firstName: 'Иван',
    middleName: 'Иванович',
    birthDate: '08.03.1991',
    birthYears: [1991, 1991],
    password: DEMO_PASSWORD,
  });
  const teacher = people.create({
    id: FIXED_PERSONA_IDS.teacher,
    role: 'teacher',
    gender: 'F',
    lastName: 'Петрова',
    firstName: 'Мария',
    middleName: 'Сергеевна',
    birthYears: [1980, 1990],
    password: DEMO_PASSWORD,
  });
  teacher.organisations = [orgRole('employee', 'Учитель начальных классов')];
  const admin = people.create({
    id: FIXED_PERSONA_IDS.admin,
    role: 'admin',
    gender: 'F',
    lastName: 'Смирнова',
    firstName: 'Ольга',
    middleName: 'Николаевна',
    birthYears: [1970, 1980],
    password: DEMO_PASSWORD,
  });
  admin.organisations = [orgRole('chief', 'Директор')];

  const personas: Persona[] = [parent, teacher, admin];
  const classes: SchoolClass[] = [];
  const perClass = options.studentsPerClass ?? STUDENTS_PER_CLASS;
  const grades = options.grades ?? 11;
  for (let grade = 1; grade <= grades; grade += 1) {
    for (const [letterIndex, letter] of CLASS_LETTERS.entries()) {
      const classId = `class-${grade}${letterIndex === 0 ? 'a' : 'b'}`;
      const classTeacher =
        grade === 1 && letterIndex === 0
          ? teacher
          : people.create({
              id: `teacher-${grade}${letterIndex === 0 ? 'a' : 'b'}`,
              role: 'teacher',
              birthYears: [1962, 1998],
            });
      if (classTeacher !== teacher) {
        classTeacher.organisations = [orgRole('employee', 'Учитель')];
        personas.push(classTeacher);
      }
      const studentIds: string[] = [];
      for (let n = 1; n <= perClass; n += 1) {
        const birthYear = SCHOOL_YEAR - grade - 6;
        // The fixed parent has two children (1А and 5А) so family views have something to show.
        const isIvanovChild = (grade === 1 || grade === 5) && letterIndex === 0 && n === 1;
        const student = people.create({
          id: `${classId.replace('class', 'student')}-${String(n).padStart(2, '0')}`,
          role: 'student',
          birthYears: [birthYear - 1, birthYear],
          ...(isIvanovChild
            ? {
                gender: 'M',
                lastName: 'Иванов',
                firstName: grade === 1 ? 'Пётр' : 'Алексей',
                middleName: 'Иванович',
              }
            : {}),
        });
        const guardian = isIvanovChild
          ? parent
          : people.create({
              id: `parent-${student.id.slice('student-'.length)}`,
              role: 'parent',
              birthYears: [1972, 1996],
            });
        if (!isIvanovChild) {
          personas.push(guardian);
        }
        guardian.children = [...(guardian.children ?? []), student.id];
        personas.push(student);
        studentIds.push(student.id);
      }
      classes.push({
        id: classId,
        name: `${grade}${letter}`,
        grade,
        letter,
        teacherId: classTeacher.id,
        studentIds,
      });
    }
  }
  // Subject teachers come after everyone else: adding them left every earlier person of a seed unchanged.
  const subjectTeachers = new Map<string, Persona>();
  for (const request of subjectTeachersNeeded(classes)) {
    const subjectTeacher = people.create({ id: request.id, role: 'teacher', birthYears: [1962, 1998] });
    subjectTeacher.organisations = [orgRole('employee', request.title)];
    personas.push(subjectTeacher);
    subjectTeachers.set(request.id, subjectTeacher);
  }
  const courses = buildCourses(classes, subjectTeachers);
  const taught = new Set(courses.map((course) => course.subjectId));
  const subjects = SUBJECTS.filter((subject) => taught.has(subject.id)).map((subject) => ({ ...subject }));
  return { seed, organisation, classes, personas, subjects, courses };
}
