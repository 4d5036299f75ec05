/**
 * The state a run starts from: «Демо школа»'s exchange account (login `demo-school`, a password drawn
 * from the seed), one general journal per roster course (class × subject) plus two journals that are
 * not general education, and five lessons per journal on the school days from the virtual start.
 */
import type { PortalRuntime } from '../../engine/types.js';
import type { ParagrafData } from './data.js';
import type { ParagrafJournal, ParagrafLesson, ParagrafState } from './state.js';

export const DEMO_LOGIN = 'demo-school';
const LESSONS_PER_JOURNAL = 5;
const ALPHANUMERIC = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** dd.mm.yyyy of the n-th school day (Mon–Fri) from `startMs`, n from 0. */
export function schoolDay(startMs: number, n: number): string {
  const date = new Date(startMs);
  let left = n;
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6 || left > 0) {
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) {
      left--;
    }
    date.setUTCDate(date.getUTCDate() + 1);
  }
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

export function createParagrafState(runtime: PortalRuntime<ParagrafData>): ParagrafState {
  const demo = runtime.demo;
  const random = runtime.random;
  const state: ParagrafState = {
    accounts: new Map(),
    queue: new Map(),
    queueCounter: 0,
    failNext: [],
    links: new Map(),
    journals: new Map(),
    lessons: new Map(),
    schoolId: demo.organisation.oid,
  };
  for (const account of runtime.data?.accounts ?? []) {
    state.accounts.set(account.login, { ...account });
  }
  if (runtime.data?.demo === false) {
    return state;
  }
  let password = 'Demo';
  for (let i = 0; i < 8; i++) {
    password += ALPHANUMERIC[random.int(0, ALPHANUMERIC.length - 1)];
  }
  state.accounts.set(DEMO_LOGIN, { login: DEMO_LOGIN, password, schoolId: state.schoolId });

  const classes = new Map(demo.classes.map((item) => [item.id, item]));
  const subjects = new Map((demo.subjects ?? []).map((item) => [item.id, item]));
  const journals: ParagrafJournal[] = [];
  for (const course of demo.courses ?? []) {
    const schoolClass = classes.get(course.classId);
    const subject = subjects.get(course.subjectId);
    if (schoolClass === undefined || subject === undefined) {
      continue;
    }
    journals.push({
      id: `J-${course.id}`,
      kind: 'general',
      courseId: course.id,
      classId: schoolClass.id,
      className: schoolClass.name,
      subjectName: subject.name,
      teacherId: course.teacherId,
    });
  }
  const first = demo.courses?.[0];
  const firstClass = first === undefined ? undefined : classes.get(first.classId);
  if (first !== undefined && firstClass !== undefined) {
    for (const [suffix, kind, subjectName] of [
      ['robotics', 'additional', 'Робототехника'],
      ['chess', 'extracurricular', 'Шахматы'],
    ] as const) {
      journals.push({
        id: `J-${firstClass.id}-${suffix}`,
        kind,
        classId: firstClass.id,
        className: firstClass.name,
        subjectName,
        teacherId: first.teacherId,
      });
    }
  }
  const startMs = runtime.clock.now();
  for (const journal of journals) {
    state.journals.set(journal.id, journal);
    for (let n = 0; n < LESSONS_PER_JOURNAL; n++) {
      const lesson: ParagrafLesson = {
        id: `L-${journal.id.slice(2)}-${n + 1}`,
        journalId: journal.id,
        date: schoolDay(startMs, n),
        number: random.int(1, 6),
        topic: `${journal.subjectName}: тема ${n + 1}`,
        mode: 'offline',
        state: 'planned',
      };
      state.lessons.set(lesson.id, lesson);
    }
  }
  return state;
}
