/** The app's HTML: a home page, the signed-in person, and a failed sign-in with ESIA's code and hint. */
import type { EsiaError, EsiaPerson } from '@goskit/gosuslugi';

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const STYLE = `body{margin:0;font-family:Arial,sans-serif;background:#f4f6f8;color:#1d2733}
header{background:#2a6b3d;color:#fff;padding:14px 24px;font-weight:700}
main{max-width:560px;margin:32px auto;background:#fff;border-radius:8px;padding:24px 32px;box-shadow:0 1px 4px #0002}
h1{font-size:22px;margin:0 0 16px}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:8px;border-bottom:1px solid #e3e7eb;font-size:15px}th{color:#5b6670;font-weight:400;width:45%}
a.button{display:inline-block;margin-top:16px;padding:10px 20px;border-radius:4px;background:#0d4cd3;color:#fff;text-decoration:none}
a.secondary{background:#e4ecfd;color:#0d4cd3}.code{font-family:monospace;font-size:18px;color:#b3261e}
.hint{color:#5b6670;font-size:14px}`;

export function layout(body: string): string {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Демо-школа — вход через Госуслуги</title><style>${STYLE}</style></head>
<body><header>Демо-школа · пример goskit</header><main>
${body}
</main></body></html>`;
}

export function homePage(): string {
  return layout(`<h1>Электронный дневник</h1>
<p>Чтобы увидеть дневник ребёнка, войдите через Госуслуги.</p>
<a class="button" id="login" href="/login">Войти через Госуслуги</a>`);
}

export function personPage(person: EsiaPerson): string {
  const rows: [string, string | undefined][] = [
    ['ФИО', [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ')],
    ['Дата рождения', person.birthDate],
    ['СНИЛС', person.snils],
    ['Подтверждённая учётная запись', person.trusted ? 'да' : 'нет'],
    ...(person.contacts ?? []).map((c): [string, string] => [
      c.type === 'EML' ? 'Электронная почта' : 'Телефон',
      c.value,
    ]),
  ];
  const table = rows
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value ?? '')}</td></tr>`)
    .join('\n');
  return layout(`<h1>Здравствуйте!</h1>
<p class="hint">Данные получены из ЕСИА (/rs/prns) после входа через Госуслуги.</p>
<table id="person">
${table}
</table>
<a class="button secondary" href="/logout">Выйти</a>`);
}

export function failurePage(error: EsiaError): string {
  const hint = error.hint
    ? `<p id="hint">${escapeHtml(error.hint.ru)}</p><p class="hint" lang="en">${escapeHtml(error.hint.en)}</p>`
    : '';
  return layout(`<h1>Вход не удался</h1>
<p class="code" id="error-code">${escapeHtml(error.esiaCode ?? error.code)}</p>
${hint}
<a class="button" href="/">На главную</a>`);
}

export function crashPage(): string {
  return layout(
    '<h1>Ошибка</h1><p>Что-то пошло не так. Попробуйте ещё раз.</p><a class="button" href="/">На главную</a>',
  );
}
