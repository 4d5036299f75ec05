/**
 * Issue 13 §5: linking a school person through the VK ID pages in a real headless Chromium
 * (/usr/bin/chromium via playwright-core), with this package's VK ID client. A school system's app
 * (node:http on 127.0.0.1) redirects to `authorizationUrl()` with the person in `data`, the browser
 * signs in on the standalone simulator's VK ID — «Учебный профиль», «Продолжить», «Информация о
 * себе», «Продолжить» — and the app's callback runs `handleCallback()` and `linkFromVkId()`. The
 * person's link is then ✓ and the token works on the VK API through `createVkClient`.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator, type Simulator, type SimulatorServer, vkUsers } from '@goskit/simulator';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VKID_DEMO_CLIENT_ID } from '../../../mocks/simulator/src/portals/vkid/index.js';
import {
  createVkClient,
  createVkIdClient,
  linkFromVkId,
  linkStatus,
  MemoryLinkStore,
  type VkIdClient,
  VkIdError,
} from '../src/index.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing: the VK ID linking proof must run in CI`);
}

let sim: Simulator;
let server: SimulatorServer;
let app: Server;
let appUrl: string;
let browser: Browser;
let vkid: VkIdClient;
const links = new MemoryLinkStore();
const tokens = new Map<string, string>();
const appErrors: unknown[] = [];
let lastCallback: string | undefined;

describe.skipIf(!available)('linking a parent with VK ID in headless Chromium', () => {
  beforeAll(async () => {
    sim = createSimulator({ seed: 'sferum-vkid-linking', clockMode: 'running' });
    server = await sim.listen({ port: 0, host: '127.0.0.1' });
    app = createServer((request, response) => {
      const url = new URL(request.url ?? '/', appUrl);
      void (async () => {
        if (url.pathname === '/link') {
          const personId = url.searchParams.get('person') ?? '';
          const { url: target } = await vkid.authorizationUrl({ data: { personId, role: 'parent' } });
          response.writeHead(302, { location: target }).end();
          return;
        }
        if (url.pathname === '/callback') {
          lastCallback = url.href;
          const login = await vkid.handleCallback(url.href);
          const data = login.data as { personId: string; role: 'parent' };
          await linkFromVkId(links, { id: data.personId, role: data.role }, login, Date.now());
          tokens.set(data.personId, login.accessToken);
          response
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end('<h1>Профиль VK привязан</h1>');
          return;
        }
        response.writeHead(404).end();
      })().catch((error: unknown) => {
        appErrors.push(error);
        response.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    vkid = createVkIdClient({
      clientId: VKID_DEMO_CLIENT_ID,
      redirectUri: `${appUrl}/callback`,
      environment: { baseUrl: server.baseUrl('vkid') },
      scopes: ['vkid.personal_info', 'messages'],
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.close(resolve));
    await server?.close();
  });

  it('the parent picks «Учебный профиль», the callback links them ✓, and the token works', async () => {
    const parent = vkUsers(sim).find((user) => user.personId === 'parent-ivanov');
    expect(
      linkStatus({ id: 'parent-ivanov', role: 'parent' }, await links.get('parent-ivanov', 'vk'), {
        now: Date.now(),
      }).status,
    ).toBe('not-linked');

    const page = await browser.newPage();
    await page.goto(`${appUrl}/link?person=parent-ivanov`);
    expect(new URL(page.url()).origin).toBe(new URL(server.url).origin);
    expect(await page.locator('h1').textContent()).toBe('Вход в VK ID');
    await page.fill('#login', parent?.login ?? '');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByText('Выберите профиль').waitFor();
    await page.getByText('Учебный профиль').click();
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByText('Информация о себе').waitFor();
    await page.check('#personal_info');
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByText('Профиль VK привязан').waitFor();
    expect(appErrors).toEqual([]);

    const link = await links.get('parent-ivanov', 'vk');
    expect(link).toMatchObject({
      personId: 'parent-ivanov',
      role: 'parent',
      userId: String(parent?.id),
      via: 'vkid',
    });
    expect(linkStatus({ id: 'parent-ivanov', role: 'parent' }, link, { now: Date.now() }).status).toBe(
      'linked',
    );

    // The VK ID token is a user token on the VK API.
    const vk = createVkClient({
      token: tokens.get('parent-ivanov') ?? '',
      tokenKind: 'user',
      environment: { baseUrl: server.baseUrl('vk') },
    });
    const [me] = await vk.users.get();
    expect(me?.id).toBe(parent?.id);

    // The callback is single use: the same state cannot link anyone again.
    await expect(vkid.handleCallback(lastCallback ?? '')).rejects.toBeInstanceOf(VkIdError);
  });
});
