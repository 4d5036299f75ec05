/** The feed on the dashboard: connections (ids, school, pupils count), batches and deviation reports. */
import { escapeHtml } from '../../engine/escape-html.js';
import type { DashboardPanel } from '../../engine/types.js';
import type { EdiaryState } from './state.js';

export const ediaryPanel: DashboardPanel<EdiaryState> = {
  title: 'Электронный дневник ↔ Госуслуги · ediary',
  render: ({ state }) => {
    const rows = [...state.connections.values()]
      .slice(-20)
      .map(
        (connection) =>
          `<tr><td>${escapeHtml(connection.connectionId)}</td><td>${escapeHtml(connection.schoolTitle)}</td><td>${escapeHtml(connection.parentOid)}</td><td>${connection.pupils.length}</td><td>${escapeHtml(new Date(connection.linkedAtMs).toISOString().slice(0, 19).replace('T', ' '))}</td></tr>`,
      )
      .join('');
    return `<p>Связей: ${state.connections.size}, пакетов: ${state.batches.size}, отчётов об отклонениях: ${state.reports.length}</p>
<table class="connections"><thead><tr><th>Связь</th><th>Школа</th><th>Родитель (oid)</th><th>Учеников</th><th>Установлена</th></tr></thead><tbody>${rows || '<tr><td colspan="5">Связей нет</td></tr>'}</tbody></table>`;
  },
};
