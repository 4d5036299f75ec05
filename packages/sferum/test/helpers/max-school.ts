/**
 * A school for the MAX sync tests, built from the simulator's own demo roster: the first classes with
 * their pupils and parents, every teacher, and links from the teachers and parents to their MAX users
 * (pupils are not MAX users in the portal, so they stay unlinked ✗). Also the virtual timers a client
 * on the simulator's clock needs (waits move the clock instead of sleeping).
 */
import type { Simulator } from '@goskit/simulator';
import type { MaxActions } from '../../../../mocks/simulator/src/portals/max/index.js';
import { MemoryLinkStore, type PersonLink, type SchoolRoster } from '../../src/index.js';

export function maxSchool(
  sim: Simulator,
  people: MaxActions,
  classCount = 2,
): { roster: SchoolRoster; links: MemoryLinkStore; userOf: (personaId: string) => string } {
  const demo = sim.demo;
  const classes = demo.classes.slice(0, classCount);
  const pupilIds = new Set(classes.flatMap((schoolClass) => schoolClass.studentIds));
  const classOf = new Map(
    classes.flatMap((schoolClass) => schoolClass.studentIds.map((id) => [id, schoolClass.id] as const)),
  );
  const person = (persona: { id: string; lastName: string; firstName: string; middleName: string }) => ({
    id: persona.id,
    lastName: persona.lastName,
    firstName: persona.firstName,
    ...(persona.middleName ? { middleName: persona.middleName } : {}),
  });
  const teachers = demo.personas.filter((persona) => persona.role === 'teacher');
  const pupils = demo.personas.filter((persona) => persona.role === 'student' && pupilIds.has(persona.id));
  const parents = demo.personas.filter(
    (persona) => persona.role === 'parent' && (persona.children ?? []).some((id) => pupilIds.has(id)),
  );
  const roster: SchoolRoster = {
    organisation: { id: 'demo-school', shortName: demo.organisation.shortName },
    classes: classes.map((schoolClass) => ({
      id: schoolClass.id,
      name: schoolClass.name,
      teacherId: schoolClass.teacherId,
    })),
    teachers: teachers.map(person),
    pupils: pupils.map((pupil) => ({ ...person(pupil), classId: classOf.get(pupil.id) as string })),
    parents: parents.map((parent) => ({
      ...person(parent),
      childIds: (parent.children ?? []).filter((id) => pupilIds.has(id)),
    })),
  };
  const userOf = (personaId: string) => String(people.userId(personaId));
  const links = new MemoryLinkStore([
    ...teachers.map(
      (teacher): PersonLink => ({
        personId: teacher.id,
        role: 'teacher',
        network: 'max',
        userId: userOf(teacher.id),
        linkedAt: 0,
      }),
    ),
    ...parents.map(
      (parent): PersonLink => ({
        personId: parent.id,
        role: 'parent',
        network: 'max',
        userId: userOf(parent.id),
        linkedAt: 0,
      }),
    ),
  ]);
  return { roster, links, userOf };
}

/** Timers and sleep on the simulator's clock: a wait advances it, so limits and backoffs play out at once. */
export function virtualTime(sim: Simulator) {
  return {
    clock: {
      now: () => sim.clock.nowMs(),
      setTimeout: (callback: () => void, ms: number) => {
        sim.clock.advance(Math.max(1, Math.ceil(ms)));
        return setTimeout(callback, 0);
      },
      clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    sleep: async (ms: number) => {
      sim.clock.advance(Math.max(1, Math.ceil(ms)));
    },
  };
}

/** Resolves when `predicate` holds (checked every 5 ms of real time); rejects after `ms`. */
export async function until(predicate: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
