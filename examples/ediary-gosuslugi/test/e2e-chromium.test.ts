/**
 * Issue 17 §5 proof: a real headless Chromium walks the e-diary story against goskit-sim running as
 * its own process (the package's `sim` command: ESIA, the outbox, the feed and its backup). The
 * parent links the account through ESIA's pages (login, password, confirmation code; three wrong
 * passwords lock the login and ask an extra check), sees «Связь успешно установлена» in «Уведомления»
 * and the e-mail and SMS with date, time and connection id; a teacher's mark reaches the parent; a
 * bad data file shows the deviations report; a fault rule on the primary feed moves the app to the
 * backup and back.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startEdiaryApp } from '../src/server.js';
import { type SimProcess, startSim } from './helpers/sim-process.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing: the Chromium end-to-end proof must run in CI`);
}
const title = available
  ? `the e-diary ↔ Gosuslugi story in headless Chromium (${CHROMIUM})`
  : `the e-diary ↔ Gosuslugi story in headless Chromium — skipped: ${CHROMIUM} is missing (CI=true makes this fail)`;

interface RemoteNotice {
  channel: string;
  text: string;
  subject?: string;
  time: string;
  recipient: { oid?: string; email?: string; phone?: string };
}

describe.skipIf(!available)(title, () => {
  let sim: SimProcess;
  let running: RunningApp;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let parentOid = '';
  let connectionId = '';
  const appErrors: unknown[] = [];

  beforeAll(async () => {
    sim = await startSim(['--seed', 'example-ediary']);
    running = await startEdiaryApp({
      port: 0,
      publicHost: '127.0.0.1',
      simulatorUrl: sim.url,
      onError: (error) => appErrors.push(error),
    });
    userDataDir = mkdtempSync(join(tmpdir(), 'ediary-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1000, height: 900 },
      locale: 'ru-RU',
    });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await running?.close();
    await sim?.stop();
    if (userDataDir) {
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });

  const text = async (selector: string) => (await page.locator(selector).first().textContent()) ?? '';

  async function notices(query: Record<string, string>): Promise<RemoteNotice[]> {
    const response = await fetch(`${sim.url}/__goskit/notifications/notices?${new URLSearchParams(query)}`);
    return ((await response.json()) as { notices: RemoteNotice[] }).notices;
  }

  /** Picks «Иванов Иван Иванович» in the list of demo users (fills the login field). */
  async function pickPersona(): Promise<void> {
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('login')),
      page.getByRole('link', { name: 'Иванов Иван Иванович' }).click(),
    ]);
    await page.waitForLoadState('domcontentloaded');
  }

  /** Types the password and the confirmation code the page shows (and the extra check, if asked). */
  async function submitLogin(password: string, check?: string): Promise<void> {
    await pickPersona();
    expect(await page.locator('#login').inputValue()).not.toBe('');
    await page.locator('#password').fill(password);
    const code = /код подтверждения (\d+)/.exec(await text('form .hint'))?.[1];
    expect(code).toMatch(/^\d+$/);
    await page.locator('#code').fill(code ?? '');
    if (check !== undefined) {
      await page.locator('#check').fill(check);
    }
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/esia/login') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Войти' }).click(),
    ]);
    await page.waitForLoadState('domcontentloaded');
  }

  it('links the parent: three wrong passwords ask an extra check, then ESIA and the feed link the account', async () => {
    const parent = (await sim.control.personas()).find(
      (p) => p.lastName === 'Иванов' && p.firstName === 'Иван' && p.birthDate === '08.03.1991',
    );
    expect(parent).toBeDefined();
    parentOid = parent?.oid ?? '';

    await page.goto(running.url);
    expect(await text('h1')).toBe('Демо школа: электронный дневник');
    await page.getByRole('link', { name: 'Связать с Госуслугами' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/esia/login'));

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await submitLogin(`wrong-${attempt}`);
      expect(await text('[role=alert]')).toContain(
        attempt < 3 ? `Осталось попыток: ${3 - attempt}` : '3 раза подряд',
      );
    }
    expect(await page.getByRole('button', { name: 'Войти' }).isDisabled()).toBe(true);
    await sim.control.clock.advance('PT6M'); // the lock lasts 5 minutes of the simulator's clock
    await pickPersona();
    const question = (await page.locator('label[for=check]').textContent()) ?? '';
    const [a, b] = (/(\d+) \+ (\d+)/.exec(question) ?? []).slice(1).map(Number);
    expect(a).toBeGreaterThan(0);
    await submitLogin(parent?.password ?? '', String((a ?? 0) + (b ?? 0)));

    await page.waitForURL((url) => url.pathname.endsWith('/esia/consent'));
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(`${running.url}/callback`)),
      page.getByRole('button', { name: 'Предоставить' }).click(),
    ]);
    await page.waitForLoadState('domcontentloaded');
    expect(await text('h1')).toBe('Связь успешно установлена');
    connectionId = await text('#connection-id');
    expect(connectionId).toMatch(/^EDL-\d+$/);
    expect(await text('#server')).toBe('primary');
    expect(await page.locator('#pupils tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/ediary-linked.png', fullPage: true });
    expect(appErrors).toEqual([]);
  });

  it('«Связь успешно установлена» is in «Уведомления», by e-mail and by SMS with date, time and connection id', async () => {
    await page.goto(`${running.url}/notifications`);
    expect(await text('h1')).toBe('Уведомления');
    expect(await text('#notices li[data-category="ediary.link"]')).toContain('Связь успешно установлена');

    const sent = await notices({ category: 'ediary.link', recipient: parentOid });
    expect(sent.map((notice) => notice.channel).sort()).toEqual(['email', 'lk', 'sms']);
    const sms = sent.find((notice) => notice.channel === 'sms');
    const email = sent.find((notice) => notice.channel === 'email');
    const detail = new RegExp(
      `Дата: \\d\\d\\.\\d\\d\\.\\d{4}, время: \\d\\d:\\d\\d \\(МСК\\), идентификатор связи: ${connectionId}`,
    );
    expect(sms?.text).toMatch(new RegExp(`^Связь успешно установлена\\. ${detail.source}`));
    expect(sms?.recipient.phone).toMatch(/^\+7\d{10}$/);
    expect(email?.subject).toBe('Связь успешно установлена');
    expect(email?.text).toMatch(detail);

    // The simulator's dashboard shows the same e-mail and SMS to whoever runs it.
    await page.goto(`${sim.url}/`);
    const smsRow = page.locator('table.notices tr[data-channel="sms"]', { hasText: connectionId });
    await expect.poll(() => smsRow.count()).toBe(1);
    expect(await smsRow.textContent()).toContain('Связь успешно установлена. Дата:');
    expect(
      await page.locator('table.notices tr[data-channel="email"]', { hasText: connectionId }).count(),
    ).toBe(1);
  });

  it('a teacher’s new mark reaches the parent’s notifications at once', async () => {
    await page.goto(running.url);
    expect(await text('#linked')).toContain(connectionId);
    await page.locator('#mark-form select[name=value]').selectOption('5');
    await page.locator('#mark-form input[name=subject]').fill('Геометрия');
    await Promise.all([
      page.waitForURL(`${running.url}/marks`),
      page.getByRole('button', { name: 'Поставить оценку' }).click(),
    ]);
    expect(await text('h1')).toBe('Оценка отправлена');
    expect(await text('#server')).toBe('primary');

    await page.goto(`${running.url}/notifications`);
    expect(await text('#notices li[data-category="ediary.mark"]')).toMatch(
      /Новая оценка: 5 — Геометрия, \d\d\.\d\d\.\d{4}/,
    );
    expect((await notices({ category: 'ediary.mark', recipient: parentOid, channel: 'push' })).length).toBe(
      1,
    );
  });

  it('a bad data file shows the deviations report, sends the good marks and tells the administrator', async () => {
    await page.goto(running.url);
    await Promise.all([
      page.waitForURL(`${running.url}/files`),
      page.getByRole('button', { name: 'Проверить и отправить' }).click(),
    ]);
    expect(await text('h1')).toBe('Отчёт об отклонениях: marks-demo.xml');
    expect(await text('#summary')).toContain('Записей 7, принято 2, отклонено 5');
    const codes = await page
      .locator('#deviations tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code')));
    expect(codes).toHaveLength(5);
    expect(codes).toEqual(
      expect.arrayContaining(['EDIARY_PUPIL_UNKNOWN', 'EDIARY_DUPLICATE_ID', 'EDIARY_DATE_IN_FUTURE']),
    );
    expect(await text('#deviations')).toContain('Дата ещё не наступила');
    await page.screenshot({ path: '/tmp/ediary-report.png', fullPage: true });

    const admin = await notices({ category: 'ediary.deviations', channel: 'email' });
    expect(admin.at(-1)?.subject).toBe('Отчёт об отклонениях: marks-demo.xml');
    await page.goto(`${running.url}/notifications`);
    expect(await text('#notices')).toContain('Новая оценка: зч — Физкультура');
  });

  it('refuses bad forms with a 400 naming the field, and bodies past 1 MiB with a 413', async () => {
    const post = (path: string, form: Record<string, string> | string) =>
      fetch(`${running.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: typeof form === 'string' ? form : new URLSearchParams(form),
      });
    const refusal = async (response: Response) => ({ status: response.status, text: await response.text() });
    for (const pupilId of ['__proto__', 'constructor', 'toString', 'pupil-unknown']) {
      const answer = await refusal(await post('/marks', { pupilId, subject: 'Математика', value: '5' }));
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('pupilId: такого ученика нет в школе / no such pupil');
    }
    const pupilId = (await sim.control.personas()).find((persona) => persona.role === 'student')?.id ?? '';
    const badMark = await refusal(await post('/marks', { pupilId, subject: 'Математика', value: '6' }));
    expect(badMark.status).toBe(400);
    expect(badMark.text).toContain('value: оценка 1–5');
    const badName = await refusal(await post('/files', { fileName: '../etc/passwd', content: '<marks/>' }));
    expect(badName.status).toBe(400);
    expect(badName.text).toContain('fileName:');
    const huge = await post('/files', `fileName=big.xml&content=${'x'.repeat(1024 * 1024 + 1)}`);
    expect(huge.status).toBe(413);
    await huge.body?.cancel();
    const notForm = await fetch(`${running.url}/marks`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(notForm.status).toBe(415);
    await notForm.body?.cancel();
    // Nothing of it reached the feed.
    expect(
      await sim.control.journal.count({ portal: 'ediary', operation: 'batches.create', status: 400 }),
    ).toBe(0);
    expect(appErrors).toEqual([]);
  });

  it('a fault on the primary feed moves the app to the backup, and a healthy primary takes calls back', async () => {
    await sim.control.journal.clear();
    const rule = await sim.control.rules.add({ portal: 'ediary', effect: { status: 503 } });
    await page.goto(running.url);
    expect(await text('#active-server')).toBe('backup-1');
    await page.locator('#mark-form input[name=subject]').fill('Алгебра');
    await Promise.all([
      page.waitForURL(`${running.url}/marks`),
      page.getByRole('button', { name: 'Поставить оценку' }).click(),
    ]);
    expect(await text('h1')).toBe('Оценка отправлена');
    expect(await text('#server')).toBe('backup-1');
    expect(await sim.control.journal.count({ portal: 'ediary', status: 503 })).toBeGreaterThanOrEqual(2);
    await sim.control.journal.verify(1, {
      portal: 'ediary-backup',
      operation: 'batches.create',
      status: 200,
    });

    // One state behind both servers: the parent sees the mark the backup took.
    await page.goto(`${running.url}/notifications`);
    expect(await text('#notices li[data-category="ediary.mark"]')).toContain('Алгебра');
    await page.goto(`${running.url}/feed`);
    expect(
      await page.locator('#events tr[data-type="switch"]', { hasText: 'primary → backup-1' }).count(),
    ).toBe(1);
    await page.screenshot({ path: '/tmp/ediary-failover.png', fullPage: true });

    await sim.control.rules.remove(rule);
    await sim.control.clock.advance('PT15S'); // the health probe runs every 10 s of the clock
    // A call starts the due probe; once the primary has answered it, calls go back to it.
    await expect
      .poll(async () => {
        await page.goto(running.url);
        return text('#active-server');
      })
      .toBe('primary');
    expect(appErrors).toEqual([]);
  });
});
