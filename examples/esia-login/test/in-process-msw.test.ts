/**
 * The same login in-process: the simulator's MSW handlers answer on the real test-stand host
 * https://esia-portal1.test.gosuslugi.ru, the app uses environment 'test' and its own GOST test
 * certificate (registered with registerEsiaClient), and a form walker plays the browser.
 */
import { createSimulator, registerEsiaClient } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AppResponse, createApp, SCOPES } from '../src/app.js';
import { EXAMPLE_CLIENT_TITLE } from '../src/simulator-link.js';
import { createTestCertificate } from '../src/test-certificate.js';
import { alertText, FormWalker, type PageVisit } from './helpers/form-walker.js';
import { parentPersona } from './helpers/personas.js';

const ESIA = 'https://esia-portal1.test.gosuslugi.ru';
const APP = 'http://localhost:3000';
const CLIENT_ID = 'GOSKIT_EXAMPLE_MSW';

const sim = createSimulator({ seed: 'example-esia-login-msw', strictContracts: true });
const server = setupServer(...sim.handlers);
const own = createTestCertificate(CLIENT_ID, sim.clock.date());
const app = createApp({
  appUrl: APP,
  esia: {
    environment: 'test',
    clientId: CLIENT_ID,
    signer: own.signer,
    tokenKeys: { jwksUrl: `${ESIA}/aas/oauth2/jwks` },
    clock: sim.clock,
  },
});
const walker = new FormWalker(`${APP}/`);
const persona = parentPersona(sim);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim.reset();
  registerEsiaClient(sim, {
    clientId: CLIENT_ID,
    redirectUris: [`${APP}/callback`],
    certificatePem: own.certificatePem,
    scopes: [...SCOPES],
    title: EXAMPLE_CLIENT_TITLE,
  });
});

/** The app's /login answer → ESIA's login page. */
async function startLogin(): Promise<PageVisit> {
  const login = await app.handle(new URL(`${APP}/login`));
  expect(login.status).toBe(302);
  const location = login.headers.location ?? '';
  expect(location.startsWith(`${ESIA}/aas/oauth2/v2/ac?`)).toBe(true);
  const page = await walker.go(location);
  expect(page.url).toContain(`${ESIA}/login?`);
  expect(page.html).toContain(EXAMPLE_CLIENT_TITLE);
  return page;
}

const credentials = (password: string, extra: Record<string, string> = {}) => ({
  login: persona.login,
  password,
  code: '123456',
  ...extra,
});

async function callback(visit: PageVisit): Promise<AppResponse> {
  expect(visit.url.startsWith(`${APP}/callback?`)).toBe(true);
  return app.handle(new URL(visit.url));
}

describe('ESIA login in-process through sim.handlers (MSW)', () => {
  it('logs in, consents, exchanges the code and reads the person', async () => {
    const consent = await walker.submit(await startLogin(), 'password', credentials(persona.password));
    expect(consent.html).toContain('Предоставление прав доступа');
    const page = await callback(await walker.decide(consent, 'allow'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Иванов Иван Иванович');
    expect(page.body).toContain('08.03.1991');
    expect(sim.journal.count({ portal: 'esia', operation: 'authorize', status: 302 })).toBe(1);
    expect(sim.journal.count({ portal: 'esia', operation: 'token', status: 200 })).toBe(1);
    expect(sim.journal.count({ portal: 'esia', operation: 'getPerson', method: 'GET', status: 200 })).toBe(1);
  });

  it('locks after three wrong passwords, asks a check question, then lets the right one in', async () => {
    let page = await startLogin();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      page = await walker.submit(page, 'password', credentials(`wrong-${attempt}`));
    }
    expect(alertText(page.html)).toContain('3 раза подряд');
    // Locked: even the right password is refused until the lock ends.
    page = await walker.submit(page, 'password', credentials(persona.password));
    expect(alertText(page.html)).toContain('временно заблокирован');

    sim.clock.advance('PT6M');
    page = await walker.submit(page, 'password', credentials(persona.password, { check: '0' }));
    expect(alertText(page.html)).toContain('проверочный вопрос');
    const [a, b] = (/сколько будет (\d+) \+ (\d+)/.exec(page.html) ?? []).slice(1).map(Number);
    const answer = String((a ?? Number.NaN) + (b ?? Number.NaN));
    const consent = await walker.submit(page, 'password', credentials(persona.password, { check: answer }));
    const done = await callback(await walker.decide(consent, 'allow'));
    expect(done.status).toBe(200);
    expect(done.body).toContain('08.03.1991');
  });

  it('a refused consent becomes ESIA-007004 with its hint; no code is exchanged', async () => {
    const consent = await walker.submit(await startLogin(), 'password', credentials(persona.password));
    const page = await callback(await walker.decide(consent, 'deny'));
    expect(page.status).toBe(400);
    expect(page.body).toContain('ESIA-007004');
    expect(page.body).toContain('Пользователь отказался предоставить доступ');
    expect(sim.journal.count({ portal: 'esia', operation: 'token' })).toBe(0);
  });
});
