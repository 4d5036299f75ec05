/**
 * «Демо школа» of the simulator as the chat sync reads it (what Параграф's export gives a school
 * system), and the e-diary's links of its people to the VK users who linked their «учебный профиль».
 */

import type { PersonLink, SchoolRoster } from '@goskit/sferum';
import type { DemoData } from '@goskit/simulator';

export function rosterOf(demo: DemoData): SchoolRoster {
  const classOf = new Map<string, string>();
  for (const schoolClass of demo.classes) {
    for (const id of schoolClass.studentIds) {
      classOf.set(id, schoolClass.id);
    }
  }
  const subjects = new Map((demo.subjects ?? []).map((subject) => [subject.id, subject.name]));
  const person = (p: DemoData['personas'][number]) => ({
    id: p.id,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
  });
  return {
    organisation: { id: demo.organisation.oid, shortName: demo.organisation.shortName },
    classes: demo.classes.map((c) => ({ id: c.id, name: c.name, teacherId: c.teacherId })),
    teachers: demo.personas.filter((p) => p.role === 'teacher').map(person),
    pupils: demo.personas
      .filter((p) => p.role === 'student' && classOf.has(p.id))
      .map((p) => ({ ...person(p), classId: classOf.get(p.id) ?? '' })),
    parents: demo.personas
      .filter((p) => p.role === 'parent')
      .map((p) => ({ ...person(p), childIds: (p.children ?? []).filter((id) => classOf.has(id)) })),
    subjects: (demo.courses ?? []).map((course) => ({
      id: course.id,
      name: subjects.get(course.subjectId) ?? course.subjectId,
      classId: course.classId,
      teacherIds: [course.teacherId],
    })),
  };
}

export function linksOf(
  demo: DemoData,
  users: readonly { id: number; personId?: string; educationProfile: boolean }[],
  now: number,
): PersonLink[] {
  const roles = new Map(demo.personas.map((p) => [p.id, p.role]));
  return users.flatMap((user) => {
    const role = user.personId === undefined ? undefined : roles.get(user.personId);
    if (!user.educationProfile || user.personId === undefined || role === undefined || role === 'admin') {
      return [];
    }
    return [
      {
        personId: user.personId,
        role: role === 'student' ? ('pupil' as const) : role,
        network: 'vk' as const,
        userId: String(user.id),
        linkedAt: now,
      },
    ];
  });
}
