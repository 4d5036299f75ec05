/**
 * The paragraf portal's dashboard section: the «База ссылок», the queue, and «Демо школа»'s general
 * journals with their next lesson and a button that publishes it as «Онлайн-урок» (subject chat and
 * call appear in the vk section).
 */
import { escapeHtml } from '../../engine/escape-html.js';
import type { DashboardPanel } from '../../engine/types.js';
import { linkView } from './links.js';
import type { ParagrafState } from './state.js';

const MAX_ROWS = 40;

export const paragrafPanel: DashboardPanel<ParagrafState> = {
  title: 'АИСУ «Параграф» (paragraf)',
  render: ({ state, origin }) => {
    const links = [...state.links.values()]
      .map(linkView)
      .map(
        (link) =>
          `<li>${escapeHtml(link.schoolId)} → club${escapeHtml(link.communityId)} «${escapeHtml(link.communityName)}» <span class="mono">${escapeHtml(link.tokenHint)}</span></li>`,
      )
      .join('');
    const lessons = [...state.lessons.values()];
    const rows = [...state.journals.values()]
      .slice(0, MAX_ROWS)
      .map((journal) => {
        const own = lessons.filter((lesson) => lesson.journalId === journal.id);
        const online = own.find((lesson) => lesson.state === 'online');
        const next = own.find((lesson) => lesson.state === 'planned');
        const action =
          online !== undefined
            ? `<a class="mono" href="${escapeHtml(online.joinLink ?? '')}">${escapeHtml(online.joinLink ?? '')}</a> <button data-post="${escapeHtml(`/__goskit/paragraf/lessons/${online.id}/finish`)}">Завершить / finish</button>`
            : next !== undefined
              ? `<button data-post="${escapeHtml(`/__goskit/paragraf/lessons/${next.id}/online`)}">Онлайн-урок ${escapeHtml(next.date)}</button>`
              : '—';
        return `<tr><td class="mono">${escapeHtml(journal.id)}</td><td>${escapeHtml(journal.className)}</td><td>${escapeHtml(journal.subjectName)}</td><td>${escapeHtml(journal.kind)}</td><td class="mono">${escapeHtml(journal.chatPeerId ?? '—')}</td><td>${action}</td></tr>`;
      })
      .join('');
    const queued = state.queue.size;
    return `<p>«База ссылок» / link base: ${links === '' ? 'пусто / empty' : `<ul>${links}</ul>`}</p>
<p>Очередь обмена / exchange queue: ${escapeHtml(queued)} (<a class="mono" href="${escapeHtml(`${origin}/__goskit/paragraf/queue`)}">/__goskit/paragraf/queue</a>) · SOAP: <span class="mono">${escapeHtml(`${origin}/paragraf/exchange`)}</span></p>
<table><thead><tr><th>Журнал / journal</th><th>Класс</th><th>Предмет</th><th>kind</th><th>chat peer_id</th><th>Урок / lesson</th></tr></thead><tbody>${rows}</tbody></table>
<p class="muted">${escapeHtml(state.journals.size)} журналов; все: <a class="mono" href="${escapeHtml(`${origin}/__goskit/paragraf/journals`)}">/__goskit/paragraf/journals</a></p>`;
  },
};
