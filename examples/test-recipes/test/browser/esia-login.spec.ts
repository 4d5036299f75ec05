/**
 * Recipe: drive the simulator's ESIA login page in a real Chromium. The simulator runs in the test
 * process as a server on 127.0.0.1 (`sim.listen` — or `goskit-sim` in another process); the browser
 * goes to the authorization URL the app made, picks the persona, types the password and the SMS code
 * the page shows, consents, and comes back to the app's callback, which the test catches with
 * `page.route` (no app server needed) and hands to the app.
 */

import {
  createSimulator,
  registerTestEsiaSystem,
  type SimulatorServer,
  simulatorClock,
} from '@goskit/simulator';
import { expect, type Page, test } from '@playwright/test';
import { createSignIn } from '../../src/esia-sign-in.js';

const CALLBACK = 'http://127.0.0.1:3999/esia/callback';
const sim = createSimulator({ seed: 'playwright', strictContracts: true });
let server: SimulatorServer;

test.beforeAll(async () => {
  server = await sim.listen({ port: 0 });
});
test.afterEach(() => sim.reset());
test.afterAll(() => server.close());

async function startSignIn(page: Page) {
  const system = await registerTestEsiaSystem(sim, { clientId: 'SCHOOL_APP', redirectUris: [CALLBACK] });
  const app = createSignIn({
    environment: { baseUrl: server.baseUrl('esia') },
    clientId: system.clientId,
    redirectUri: CALLBACK,
    signer: system.signer,
    clock: await simulatorClock(sim),
  });
  const returned: string[] = [];
  await page.route(`${CALLBACK}**`, (route) => {
    returned.push(route.request().url());
    return route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<h1>Вернулись в приложение</h1>',
    });
  });
  const { url } = await app.start();
  await page.goto(url);
  return { app, returned };
}

async function logIn(page: Page, password: string): Promise<void> {
  await page.getByRole('link', { name: 'Иванов Иван Иванович' }).click(); // fills the login
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByLabel('Код подтверждения из СМС').fill('123456');
  await page.getByRole('button', { name: 'Войти' }).click();
}

test('a parent signs in through the ESIA login and consent pages', async ({ page }) => {
  const { app, returned } = await startSignIn(page);
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await logIn(page, 'goskit-demo');
  await expect(page.getByRole('heading', { name: 'Предоставление прав доступа' })).toBeVisible();
  await page.getByRole('button', { name: 'Предоставить' }).click();
  await expect(page.getByRole('heading', { name: 'Вернулись в приложение' })).toBeVisible();
  const person = await app.finish(returned[0] ?? '');
  expect(person.fullName).toBe('Иванов Иван Иванович');
  expect(sim.journal.count({ portal: 'esia', operation: 'token', status: 200 })).toBe(1);
});

test('a wrong password shows the page message; refusing consent returns ESIA-007004', async ({ page }) => {
  const { app, returned } = await startSignIn(page);
  await logIn(page, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Неверный логин или пароль. Осталось попыток: 2.');
  await logIn(page, 'goskit-demo');
  await page.getByRole('button', { name: 'Отказать' }).click();
  await expect(page.getByRole('heading', { name: 'Вернулись в приложение' })).toBeVisible();
  expect(new URL(returned[0] ?? '').searchParams.get('error')).toBe('access_denied');
  await expect(app.finish(returned[0] ?? '')).rejects.toMatchObject({ esiaCode: 'ESIA-007004' });
});
