import type { Persona, Simulator } from '../engine/types.js';
import { html, label } from './html.js';
import { layout } from './layout.js';

const ROLE_NAMES: Record<Persona['role'], string> = {
  parent: 'родитель / parent',
  teacher: 'учитель / teacher',
  admin: 'администратор / admin',
  student: 'ученик / student',
};

/** СНИЛС shown as '***-***-*** 45': enough to tell personas apart, never the number itself. */
export function maskSnils(snils: string): string {
  const digits = snils.replace(/\D/g, '');
  return `***-***-*** ${digits.slice(-2)}`;
}

/** Demo personas to log in with (login/password are synthetic demo credentials). */
export function renderPersonas(sim: Simulator): string {
  const rows = sim.demo.personas.map(
    (persona) => html`<tr><td>${ROLE_NAMES[persona.role] ?? persona.role}</td>
<td>${persona.lastName} ${persona.firstName} ${persona.middleName}</td><td>${persona.birthDate}</td>
<td class="mono">${maskSnils(persona.snils)}</td><td class="mono">${persona.oid}</td>
<td class="mono">${persona.login}</td><td class="mono">${persona.password}</td><td>${persona.trusted ? '✓' : ''}</td></tr>`,
  );
  const content = html`<section><h2>${label('Персоны', 'Personas')} (${sim.demo.personas.length})</h2>
<p class="muted">${label('Тестовые пользователи для входа через ЕСИА', 'test users for the ESIA login page')} · ${sim.demo.organisation.shortName}</p>
<table><thead><tr><th>${label('Роль', 'role')}</th><th>${label('ФИО', 'full name')}</th><th>${label('Дата рождения', 'birth date')}</th>
<th>${label('СНИЛС', 'SNILS')}</th><th>oid</th><th>${label('Логин', 'login')}</th><th>${label('Пароль', 'password')}</th>
<th>${label('Подтв.', 'trusted')}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  return layout(sim, 'personas', 'Персоны', content);
}
