/** A small «Демо школа» roster: two classes, three teachers, four pupils, three parents, one subject chat. */
import type { SchoolRoster } from '../../src/index.js';

export function demoRoster(): SchoolRoster {
  return {
    organisation: { id: 'school-1', shortName: 'Демо школа', fullName: 'ГБОУ «Демо школа»' },
    classes: [
      { id: 'c1', name: '1А', teacherId: 't1' },
      { id: 'c2', name: '5 б', teacherId: 't2' },
    ],
    teachers: [
      { id: 't1', lastName: 'Смирнова', firstName: 'Ольга', middleName: 'Петровна' },
      { id: 't2', lastName: 'Кузнецов', firstName: 'Иван' },
      { id: 't3', lastName: 'Попова', firstName: 'Мария' },
    ],
    pupils: [
      { id: 'p1', lastName: 'Иванов', firstName: 'Пётр', classId: 'c1' },
      { id: 'p2', lastName: 'Петрова', firstName: 'Анна', classId: 'c1' },
      { id: 'p3', lastName: 'Соколов', firstName: 'Денис', classId: 'c2' },
      { id: 'p4', lastName: 'Морозова', firstName: 'Ева', classId: 'c2' },
    ],
    parents: [
      { id: 'r1', lastName: 'Иванова', firstName: 'Елена', childIds: ['p1'] },
      { id: 'r2', lastName: 'Петров', firstName: 'Олег', childIds: ['p2', 'p3'] },
      { id: 'r3', lastName: 'Морозов', firstName: 'Артём', childIds: ['p4'] },
    ],
    subjects: [
      { id: 's1', name: 'Математика', classId: 'c2', teacherIds: ['t3'], chat: true },
      { id: 's2', name: 'Музыка', classId: 'c2', teacherIds: ['t3'] },
    ],
  };
}

/** VK user ids of the linked people: every teacher, pupil p1–p3, parents r1–r2 (p4 and r3 not linked). */
export const LINKED: Readonly<Record<string, string>> = {
  t1: '101',
  t2: '102',
  t3: '103',
  p1: '201',
  p2: '202',
  p3: '203',
  r1: '301',
  r2: '302',
};
