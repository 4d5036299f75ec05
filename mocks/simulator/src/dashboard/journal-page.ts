import type { Simulator } from '../engine/types.js';
import { html, label } from './html.js';
import { layout } from './layout.js';

/** Live tail of the journal: the table body is filled and refreshed by the inline script. */
export function renderJournal(sim: Simulator): string {
  const content = html`<section><h2>${label('Журнал запросов', 'Request journal')}</h2>
<div class="row"><span class="muted">${label('Записей', 'entries')}: <span id="journal-total">${sim.journal.size}</span> /
${sim.journal.capacity} · ${label('обновляется каждую секунду', 'refreshes every second')}</span>
<button data-post="/__goskit/journal" data-method="DELETE">${label('Очистить', 'Clear')}</button></div>
<table id="journal" data-limit="50"><thead><tr><th>${label('Время', 'time')}</th><th>${label('Портал', 'portal')}</th>
<th>${label('Операция', 'operation')}</th><th>${label('Метод', 'method')}</th><th>URL</th><th>${label('Статус', 'status')}</th>
<th>${label('Эффекты', 'effects')}</th><th>ms</th></tr></thead><tbody></tbody></table></section>`;
  return layout(sim, 'journal', 'Журнал', content);
}
