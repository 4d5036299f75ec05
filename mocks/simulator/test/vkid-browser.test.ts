/**
 * The VK ID pages in a real headless Chromium against the standalone server: sign in as a teacher,
 * choose «Учебный профиль», «Продолжить», check «Информация о себе» (Имя, Отчество, Пол, Дата
 * рождения), «Продолжить» — the browser lands on the app's callback (a real node:http server) with
 * code + device_id; the app exchanges the code and calls the VK API with the token. A teacher without
 * a linked profile cannot pick it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorServer } from '../src/engine/types.js';
import { vkUsers } from '../src/portals/vk/index.js';
import { VKID_DEMO_CLIENT_ID } from '../src/portals/vkid/index.js';
import { chromiumAvailable, launchChromium } from './browser-support.js';
import { vkSim } from './vk-support.js';

const available = chromiumAvailable('vkid');
const sim = vkSim({ seed: 'vkid-browser' });
let simServer: SimulatorServer;
let app: Server;
let appUrl: string;
let browser: Browser;
const callbacks: URL[] = [];

describe.skipIf(!available)('VK ID pages in headless Chromium', () => {
  beforeAll(async () => {
    simServer = await sim.listen({ port: 0 });
    app = createServer((request, response) => {
      if (request.url?.startsWith('/callback') === true) {
        callbacks.push(new URL(request.url, appUrl));
      }
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<h1>Приложение: вход выполнен</h1>');
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.close(resolve));
    await simServer?.close();
  });

  function authorizeUrl(challenge: string): string {
    return `${simServer.baseUrl('vkid')}/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: VKID_DEMO_CLIENT_ID,
      redirect_uri: `${appUrl}/callback`,
      state: 'browser-state',
      code_challenge: challenge,
      code_challenge_method: 's256',
      scope: 'vkid.personal_info messages',
    })}`;
  }

  it('signs a teacher in with the «Учебный профиль» and the token works on the VK API', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const teacher = vkUsers(sim).find((user) => user.personId === 'teacher-demo');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(authorizeUrl(challenge));
    expect(await page.locator('h1').textContent()).toBe('Вход в VK ID');
    await page.fill('#login', teacher?.login ?? '');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByText('Выберите профиль').waitFor();
    await page.getByText('Учебный профиль').click();
    expect(await page.locator('input[value="education"]').isChecked()).toBe(true);
    await page.screenshot({ path: '/tmp/vkid-profile.png' });
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByText('Информация о себе').waitFor();
    expect(await page.locator('main').textContent()).toContain('Имя, Отчество, Пол, Дата рождения');
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Отметьте «Информация о себе»');
    await page.check('#personal_info');
    await page.screenshot({ path: '/tmp/vkid-consent.png' });
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByText('Приложение: вход выполнен').waitFor();
    await page.screenshot({ path: '/tmp/vkid-callback.png' });
    expect(errors).toEqual([]);

    const callback = callbacks.at(-1) as URL;
    expect(callback.pathname).toBe('/callback');
    expect(callback.searchParams.get('state')).toBe('browser-state');
    const tokens = await fetch(`${simServer.baseUrl('vkid')}/oauth2/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: VKID_DEMO_CLIENT_ID,
        redirect_uri: `${appUrl}/callback`,
        code: callback.searchParams.get('code') ?? '',
        device_id: callback.searchParams.get('device_id') ?? '',
        code_verifier: verifier,
      }),
    }).then((response) => response.json() as Promise<{ access_token: string; user_id: number }>);
    expect(tokens.user_id).toBe(teacher?.id);
    const me = await fetch(`${simServer.baseUrl('vk')}/method/users.get?v=5.199`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    }).then((response) => response.json() as Promise<{ response: { id: number; first_name: string }[] }>);
    expect(me.response[0]).toMatchObject({ id: teacher?.id, first_name: 'Мария' });
  });

  it('a teacher without a linked profile sees «Учебный профиль» disabled and can go on with the personal one', async () => {
    const unlinked = vkUsers(sim).find((user) => user.personId === 'teacher-1b');
    expect(unlinked?.educationProfile).toBe(false);
    const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
    const page = await browser.newPage();
    await page.goto(authorizeUrl(challenge));
    await page.fill('#login', unlinked?.login ?? '');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByText('Выберите профиль').waitFor();
    expect(await page.locator('input[value="education"]').isDisabled()).toBe(true);
    expect(await page.locator('main').textContent()).toContain('Не привязан');
    expect(await page.locator('input[value="personal"]').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Продолжить' }).click();
    expect(await page.locator('main').textContent()).toContain('Имя, Фамилия, Пол, Дата рождения');
  });

  it('an unregistered redirect URI shows VK ID’s error page and the browser stays there', async () => {
    const page = await browser.newPage();
    const target = authorizeUrl('x'.repeat(43)).replace(
      encodeURIComponent(`${appUrl}/callback`),
      encodeURIComponent('https://evil.example/'),
    );
    const response = await page.goto(target);
    expect(response?.status()).toBe(400);
    expect(new URL(page.url()).pathname).toBe('/vkid/authorize');
    expect(await page.locator('h1').textContent()).toBe('Недопустимый адрес возврата');
  });
});
