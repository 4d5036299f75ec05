/** Demo personas as ESIA accounts: lookup by oid or by any login ESIA accepts (login, phone, e-mail, СНИЛС). */
import type { DemoData, Persona } from '../../engine/types.js';

const digits = (value: string) => value.replace(/\D/g, '');

export function personaByOid(demo: DemoData, oid: string): Persona | undefined {
  return demo.personas.find((persona) => persona.oid === oid);
}

export function personaByLogin(demo: DemoData, login: string): Persona | undefined {
  const wanted = login.trim().toLowerCase();
  if (wanted === '') {
    return undefined;
  }
  const wantedDigits = digits(wanted);
  return demo.personas.find(
    (persona) =>
      persona.login.toLowerCase() === wanted ||
      persona.email.toLowerCase() === wanted ||
      (wantedDigits.length >= 10 &&
        (digits(persona.phone).endsWith(wantedDigits.slice(-10)) || digits(persona.snils) === wantedDigits)),
  );
}

/** Who the login page offers: adults first (parents, teachers, admins), then a few students. */
export function loginPersonas(demo: DemoData, limit = 8): Persona[] {
  const adults = demo.personas.filter((persona) => persona.role !== 'student');
  const students = demo.personas.filter((persona) => persona.role === 'student');
  return [...adults.slice(0, limit - 2), ...students.slice(0, 2)];
}

export function fullName(persona: Persona): string {
  return [persona.lastName, persona.firstName, persona.middleName].filter(Boolean).join(' ');
}

export const ROLE_TITLES: Record<Persona['role'], string> = {
  parent: 'родитель',
  teacher: 'учитель',
  admin: 'администратор школы',
  student: 'ученик',
};
