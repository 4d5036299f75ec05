/** The app's HTML: the school's page, the link result, «Уведомления», a transfer report, the feed's servers. */
import type { FailoverEvent } from '@goskit/core';
import type {
  DeviationReport,
  EdiaryLink,
  MatchReport,
  SchoolPupil,
  TransferSummary,
} from '@goskit/gosuslugi';

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const STYLE = `body{margin:0;font-family:Arial,sans-serif;background:#f4f6f8;color:#1d2733}
header{background:#2a6b3d;color:#fff;padding:14px 24px;font-weight:700}header a{color:#fff;margin-left:16px}
main{max-width:880px;margin:24px auto;background:#fff;border-radius:8px;padding:20px 32px;box-shadow:0 1px 4px #0002}
h1{font-size:22px;margin:0 0 16px}h2{font-size:18px;margin:24px 0 8px}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px;border-bottom:1px solid #e3e7eb;font-size:14px;vertical-align:top}
a.button,button{display:inline-block;margin-top:8px;padding:8px 18px;border:0;border-radius:4px;background:#0d4cd3;color:#fff;text-decoration:none;font-size:15px}
textarea{width:100%;font-family:monospace;font-size:12px}.hint{color:#5b6670;font-size:13px}.error{color:#b3261e}
ul.notices{list-style:none;padding:0}ul.notices li{border-bottom:1px solid #e3e7eb;padding:8px 0}time{color:#5b6670;margin-right:8px}`;

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} — электронный дневник</title><style>${STYLE}</style></head>
<body><header>Электронный дневник «Демо школа» · пример goskit<a href="/">Главная</a><a href="/notifications">Уведомления</a><a href="/feed">Сервер ленты</a></header><main>
${body}
</main></body></html>`;
}

/** '2026-09-10T09:30:00.000Z' → '10.09.2026 12:30' (Moscow, UTC+3, as Gosuslugi shows times). */
export function moscowTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    return iso.slice(0, 40);
  }
  const moscow = new Date(ms + 3 * 3_600_000).toISOString();
  return `${moscow.slice(8, 10)}.${moscow.slice(5, 7)}.${moscow.slice(0, 4)} ${moscow.slice(11, 16)}`;
}

export const fullName = (pupil: SchoolPupil) => `${pupil.lastName} ${pupil.firstName}`;

export interface HomeView {
  schoolTitle: string;
  /** The signed-in parent's link, if any. */
  link: EdiaryLink | undefined;
  /** Pupils some parent linked (the teacher's choice), or the reason they are unknown. */
  linkedPupils: SchoolPupil[] | string;
  sampleFile: string;
  activeServer: string;
}

export function homePage(view: HomeView): string {
  const parent =
    view.link === undefined
      ? `<p>Свяжите дневник с Госуслугами: уведомления об оценках, посещаемости и расписании придут в личный кабинет.</p>
<a class="button" id="link" href="/link">Связать с Госуслугами</a>`
      : `<p id="linked">Связь с Госуслугами установлена: <strong>${escapeHtml(view.link.connectionId)}</strong>, детей: ${view.link.pupils.length}.</p>
<a class="button" href="/notifications">Уведомления</a>`;
  const pupils =
    typeof view.linkedPupils === 'string'
      ? `<p class="error">${escapeHtml(view.linkedPupils)}</p>`
      : view.linkedPupils.length === 0
        ? '<p class="hint">Пока ни один родитель не связал дневник с Госуслугами.</p>'
        : `<form method="post" action="/marks" id="mark-form">
<label>Ученик <select name="pupilId">${view.linkedPupils
            .map((pupil) => `<option value="${escapeHtml(pupil.id)}">${escapeHtml(fullName(pupil))}</option>`)
            .join('')}</select></label>
<label>Предмет <input name="subject" value="Математика" maxlength="100"></label>
<label>Оценка <select name="value">${['5', '4', '3', '2', '1', 'зч', 'н']
            .map((value) => `<option>${value}</option>`)
            .join('')}</select></label>
<button type="submit">Поставить оценку</button></form>`;
  return layout(
    'Главная',
    `<h1>${escapeHtml(view.schoolTitle)}</h1>
<h2>Родителю</h2>
${parent}
<h2>Учителю: новая оценка</h2>
${pupils}
<h2>Администратору: файл с оценками</h2>
<p class="hint">Файл проверяется по XSD и бизнес-правилам; принятые записи уходят в Госуслуги, отклонения — в отчёт.</p>
<form method="post" action="/files" id="file-form">
<label>Имя файла <input name="fileName" value="marks-demo.xml" maxlength="120"></label>
<textarea name="content" rows="12">${escapeHtml(view.sampleFile)}</textarea>
<button type="submit">Проверить и отправить</button></form>
<p class="hint">Лента Госуслуг: запросы идут на сервер <strong id="active-server">${escapeHtml(view.activeServer)}</strong>.</p>`,
  );
}

export function linkedPage(
  link: EdiaryLink,
  matching: MatchReport,
  created: boolean,
  server: string,
): string {
  const rows = link.pupils
    .map(
      (pupil) =>
        `<tr><td>${escapeHtml(pupil.pupilId)}</td><td>${pupil.by === 'snils' ? 'по СНИЛС' : 'по ФИО и дате рождения'}</td></tr>`,
    )
    .join('');
  const problems = matching.ambiguous.length + matching.unmatched.length;
  return layout(
    'Связь установлена',
    `<h1>${created ? 'Связь успешно установлена' : 'Связь уже была установлена'}</h1>
<p>Идентификатор связи: <strong id="connection-id">${escapeHtml(link.connectionId)}</strong>; ответил сервер <strong id="server">${escapeHtml(server)}</strong>.</p>
<table id="pupils"><thead><tr><th>Ученик</th><th>Сопоставлен</th></tr></thead><tbody>${rows}</tbody></table>
${problems > 0 ? `<p class="hint">Не удалось однозначно сопоставить детей: ${problems}.</p>` : ''}
<a class="button" href="/notifications">Уведомления</a>`,
  );
}

export interface Notice {
  time: string;
  text: string;
  subject?: string;
  category: string;
}

export function notificationsPage(notices: Notice[], signedIn: boolean): string {
  if (!signedIn) {
    return layout(
      'Уведомления',
      '<h1>Уведомления</h1><p>Уведомления личного кабинета видны после входа через Госуслуги.</p><a class="button" href="/link">Войти через Госуслуги</a>',
    );
  }
  const items = notices
    .map(
      (notice) =>
        `<li class="notice" data-category="${escapeHtml(notice.category)}"><time>${escapeHtml(moscowTime(notice.time))}</time>${escapeHtml(notice.text)}</li>`,
    )
    .join('');
  return layout(
    'Уведомления',
    `<h1>Уведомления</h1>
<p class="hint">Личный кабинет Госуслуг (симулятор), новые сверху; время московское.</p>
<ul class="notices" id="notices">${items || '<li>Пока пусто</li>'}</ul>`,
  );
}

export function markSentPage(summary: TransferSummary): string {
  const batch = summary.batches[0];
  const refusal = summary.refusals[0];
  return layout(
    'Оценка',
    `<h1>${summary.accepted > 0 ? 'Оценка отправлена' : 'Оценка не принята'}</h1>
<p id="mark-result">Принято: ${summary.accepted}, отклонено: ${summary.rejected}, повторов: ${summary.duplicates}; ответил сервер <strong id="server">${escapeHtml(batch?.server ?? '—')}</strong>.</p>
${refusal === undefined ? '' : `<p class="error">${escapeHtml(refusal.code)}: ${escapeHtml(refusal.message ?? '')}</p>`}
<a class="button" href="/">На главную</a>`,
  );
}

export function reportPage(
  report: DeviationReport,
  transfer: TransferSummary,
  administratorNotified: boolean,
): string {
  const rows = report.deviations
    .map(
      (deviation) =>
        `<tr data-code="${escapeHtml(deviation.code)}"><td>${deviation.line}</td><td>${escapeHtml(deviation.recordId ?? '')}</td><td>${escapeHtml(deviation.path)}</td><td>${escapeHtml(deviation.code)}</td><td>${escapeHtml(deviation.rule.ru)}<br><span class="hint" lang="en">${escapeHtml(deviation.rule.en)}</span></td></tr>`,
    )
    .join('');
  return layout(
    'Отчёт об отклонениях',
    `<h1>Отчёт об отклонениях: ${escapeHtml(report.file)}</h1>
<p id="summary">Записей ${report.records}, принято ${report.accepted}, отклонено ${report.refused}, пропущено ${report.skipped}, отклонений ${report.deviationCount}. Отправлено в Госуслуги: ${transfer.accepted}.</p>
<p>${administratorNotified ? 'Администратор школы получил уведомление об отклонениях.' : 'Отклонений нет — уведомлять администратора не о чем.'}</p>
<table id="deviations"><thead><tr><th>Строка</th><th>Запись</th><th>Путь</th><th>Код</th><th>Правило</th></tr></thead><tbody>${rows}</tbody></table>
<details><summary>JSON</summary><pre id="report-json">${escapeHtml(JSON.stringify(report, null, 2))}</pre></details>
<a class="button" href="/">На главную</a>`,
  );
}

export function feedPage(active: string, events: readonly FailoverEvent[]): string {
  const describe = (event: FailoverEvent): [string, string] => {
    switch (event.type) {
      case 'failure':
        return [
          'сбой',
          `${event.server.name}: ${event.reason}${event.status === undefined ? '' : ` ${event.status}`}`,
        ];
      case 'switch':
        return ['переключение', `${event.from.name} → ${event.to.name}`];
      case 'answer':
        return ['ответ', `${event.server.name} ${event.status}`];
      case 'down':
        return ['сервер выведен', `${event.server.name}: ${event.reason}`];
      case 'up':
        return ['сервер вернулся', `${event.server.name} (${event.via})`];
      case 'probe':
        return ['проверка', `${event.server.name}: ${event.healthy ? 'здоров' : 'не отвечает'}`];
    }
  };
  const rows = [...events]
    .reverse()
    .map((event) => {
      const [type, what] = describe(event);
      return `<tr data-type="${escapeHtml(event.type)}"><td>${escapeHtml(new Date(event.at).toISOString().slice(11, 19))}</td><td>${escapeHtml(type)}</td><td>${escapeHtml(what)}</td></tr>`;
    })
    .join('');
  return layout(
    'Сервер ленты',
    `<h1>Лента Госуслуг: основной и резервный серверы</h1>
<p>Сейчас запросы идут на <strong id="active-server">${escapeHtml(active)}</strong>.</p>
<table id="events"><thead><tr><th>Время (UTC)</th><th>Событие</th><th>Сервер</th></tr></thead><tbody>${rows || '<tr><td colspan="3">Пока событий нет</td></tr>'}</tbody></table>`,
  );
}

export function errorPage(title: string, code: string, message: string): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1><p class="error" id="error-code">${escapeHtml(code)}</p><p id="error-message">${escapeHtml(message)}</p><a class="button" href="/">На главную</a>`,
  );
}
