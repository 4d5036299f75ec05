/**
 * The application: three routes around @goskit/gosuslugi.
 *   GET /login    → 302 to ESIA's authorization URL
 *   GET /callback → exchange the code, verify the tokens, read the person, show them
 *   GET /logout   → 302 to ESIA's logout
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createEsiaClient, EsiaError, type EsiaPerson } from '@goskit/gosuslugi';
import type { EsiaSide } from './simulator.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function page(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><meta charset="utf-8"><title>Вход через Госуслуги</title>
<body style="font-family:sans-serif;max-width:40em;margin:2em auto">${body}</body>`);
}

function personHtml(person: EsiaPerson): string {
  const rows: [string, string | undefined][] = [
    ['ФИО', [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ')],
    ['Дата рождения', person.birthDate],
    ['СНИЛС', person.snils],
    ['Подтверждённая учётная запись', person.trusted ? 'да' : 'нет'],
    ...(person.contacts ?? []).map((c): [string, string] => [
      c.type === 'EML' ? 'E-mail' : 'Телефон',
      c.value,
    ]),
  ];
  return `<table>${rows
    .filter(([, value]) => value !== undefined)
    .map(
      ([name, value]) =>
        `<tr><th align="left">${escapeHtml(name)}</th><td>${escapeHtml(value ?? '')}</td></tr>`,
    )
    .join('')}</table>`;
}

export function createApp(esiaSide: EsiaSide, appUrl: string) {
  const esia = createEsiaClient({
    environment: { baseUrl: esiaSide.baseUrl },
    clientId: esiaSide.clientId,
    redirectUri: `${appUrl}/callback`,
    signer: esiaSide.signer,
    scopes: ['openid', 'fullname', 'birthdate', 'snils', 'email', 'mobile', 'contacts'],
    tokenKeys: { jwksUrl: `${esiaSide.baseUrl}/aas/oauth2/jwks` },
    now: esiaSide.now,
  });

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', appUrl);
    try {
      if (url.pathname === '/login') {
        const { url: target } = await esia.authorizationUrl();
        res.writeHead(302, { location: target }).end();
      } else if (url.pathname === '/callback') {
        const tokens = await esia.handleCallback(url);
        const person = await esia.person(tokens.accessToken).get({ embed: ['contacts'] });
        page(res, 200, `<h1>Здравствуйте!</h1>${personHtml(person)}<p><a href="/logout">Выйти</a></p>`);
      } else if (url.pathname === '/logout') {
        res.writeHead(302, { location: esia.logoutUrl({ redirectUrl: `${appUrl}/` }) }).end();
      } else {
        page(res, 200, '<h1>Демо-школа</h1><p><a href="/login">Войти через Госуслуги</a></p>');
      }
    } catch (error) {
      if (error instanceof EsiaError) {
        const hint = error.hint ? `<p>${escapeHtml(error.hint.ru)}</p>` : '';
        page(
          res,
          400,
          `<h1>Вход не удался</h1><p>${escapeHtml(error.esiaCode ?? error.code)}</p>${hint}<p><a href="/">На главную</a></p>`,
        );
        return;
      }
      page(res, 500, '<h1>Ошибка</h1>');
      throw error;
    }
  };
}
