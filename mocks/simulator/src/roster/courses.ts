/**
 * What «Демо школа» teaches and who teaches it: primary classes (1–4) learn the core subjects with
 * their class teacher; from grade 5 each subject has a subject teacher who takes every class of a
 * grade band. Each (class, subject) pair is a course — a journal in an e-diary, a subject chat in Sferum.
 */
import type { Persona, SchoolClass, SchoolCourse, SchoolSubject } from '../engine/types.js';

export const SUBJECTS: readonly SchoolSubject[] = [
  { id: 'russian', name: 'Русский язык' },
  { id: 'literature', name: 'Литература' },
  { id: 'math', name: 'Математика' },
  { id: 'english', name: 'Английский язык' },
  { id: 'history', name: 'История' },
  { id: 'biology', name: 'Биология' },
  { id: 'physics', name: 'Физика' },
  { id: 'informatics', name: 'Информатика' },
  { id: 'world', name: 'Окружающий мир' },
];

/** Subjects of primary classes, taught by the class teacher. */
const PRIMARY = ['russian', 'literature', 'math', 'world'];
/** Subjects from grade 5, with the grade each one starts at. */
const SECONDARY: ReadonlyArray<readonly [subject: string, fromGrade: number]> = [
  ['russian', 5],
  ['literature', 5],
  ['math', 5],
  ['english', 5],
  ['history', 5],
  ['biology', 5],
  ['physics', 7],
  ['informatics', 7],
];

/** Grade bands a subject teacher takes: one teacher for 5–8, another for 9–11. */
const BANDS: ReadonlyArray<readonly [from: number, to: number, suffix: string]> = [
  [5, 8, 'junior'],
  [9, 11, 'senior'],
];

export interface SubjectTeacherRequest {
  id: string;
  subjectId: string;
  title: string;
}

/** Subject teachers the school needs for `classes` (ids are stable: `teacher-math-junior`). */
export function subjectTeachersNeeded(classes: readonly SchoolClass[]): SubjectTeacherRequest[] {
  const needed: SubjectTeacherRequest[] = [];
  for (const [subjectId, fromGrade] of SECONDARY) {
    const subject = SUBJECTS.find((item) => item.id === subjectId) as SchoolSubject;
    for (const [from, to, suffix] of BANDS) {
      const teaches = classes.some((item) => item.grade >= Math.max(from, fromGrade) && item.grade <= to);
      if (teaches) {
        needed.push({ id: `teacher-${subjectId}-${suffix}`, subjectId, title: `Учитель (${subject.name})` });
      }
    }
  }
  return needed;
}

export function buildCourses(
  classes: readonly SchoolClass[],
  subjectTeachers: ReadonlyMap<string, Persona>,
): SchoolCourse[] {
  const courses: SchoolCourse[] = [];
  for (const schoolClass of classes) {
    const course = (subjectId: string, teacherId: string) =>
      courses.push({ id: `${schoolClass.id}-${subjectId}`, classId: schoolClass.id, subjectId, teacherId });
    if (schoolClass.grade <= 4) {
      for (const subjectId of PRIMARY) {
        course(subjectId, schoolClass.teacherId);
      }
      continue;
    }
    for (const [subjectId, fromGrade] of SECONDARY) {
      if (schoolClass.grade < fromGrade) {
        continue;
      }
      const band = BANDS.find(([from, to]) => schoolClass.grade >= from && schoolClass.grade <= to);
      const teacher = band && subjectTeachers.get(`teacher-${subjectId}-${band[2]}`);
      if (teacher !== undefined) {
        course(subjectId, teacher.id);
      }
    }
  }
  return courses;
}
