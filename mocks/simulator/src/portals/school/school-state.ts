import type { DemoData, Persona } from '../../engine/types.js';

/**
 * The school portal only reads the demo data, so its state is just a visit counter (which makes
 * GET /school a stateful GET for benchmarks) and snapshots stay tiny.
 */
export interface SchoolState {
  visits: number;
}

export function createSchoolState(): SchoolState {
  return { visits: 0 };
}

// Derived from immutable demo data, keyed by that object: a lookup cache, not simulator state —
// two simulators (or a reset with a new seed) have different demo objects and never share entries.
const indexes = new WeakMap<DemoData, Map<string, Persona>>();

export function personaIndex(demo: DemoData): Map<string, Persona> {
  let index = indexes.get(demo);
  if (!index) {
    index = new Map(demo.personas.map((persona) => [persona.id, persona]));
    indexes.set(demo, index);
  }
  return index;
}

export function fullName(persona: Persona | undefined): string {
  return persona ? `${persona.lastName} ${persona.firstName} ${persona.middleName}` : '';
}

/** Public view: no СНИЛС, passport, ИНН, phone or password. */
export function publicPersona(persona: Persona) {
  return {
    id: persona.id,
    role: persona.role,
    oid: persona.oid,
    lastName: persona.lastName,
    firstName: persona.firstName,
    middleName: persona.middleName,
    login: persona.login,
    ...(persona.children ? { children: persona.children } : {}),
    ...(persona.organisations ? { organisations: persona.organisations } : {}),
  };
}
