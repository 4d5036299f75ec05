/** The school portal's dashboard section: the shared roster at a glance (what every portal builds on). */
import { escapeHtml } from '../../engine/escape-html.js';
import type { DashboardPanel } from '../../engine/types.js';
import type { SchoolState } from './school-state.js';

export const schoolPanel: DashboardPanel<SchoolState> = {
  title: 'Демо школа · roster',
  render: ({ sim: { demo }, origin }) => {
    const count = (role: string) => demo.personas.filter((persona) => persona.role === role).length;
    const rows = [
      ['Классы / classes', demo.classes.length],
      ['Ученики / students', count('student')],
      ['Родители / parents', count('parent')],
      ['Учителя / teachers', count('teacher')],
      ['Предметы / subjects', demo.subjects?.length ?? 0],
      ['Журналы (класс × предмет) / courses', demo.courses?.length ?? 0],
    ]
      .map(([name, value]) => `<tr><td>${escapeHtml(name)}</td><td>${escapeHtml(value)}</td></tr>`)
      .join('');
    const api = `${origin}/school/classes`;
    return `<p>${escapeHtml(demo.organisation.fullName)}</p><table><tbody>${rows}</tbody></table>
<p class="muted"><a class="mono" href="${escapeHtml(api)}">${escapeHtml(api)}</a></p>`;
  },
};
