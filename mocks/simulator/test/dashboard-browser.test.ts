import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser-support.js';
import { type Running, startServer } from './server-support.js';

const available = chromiumAvailable('dashboard');

let running: Running;
let browser: Browser;

describe.skipIf(!available)('dashboard in a real headless Chromium', () => {
  beforeAll(async () => {
    running = await startServer({ seed: 'dashboard' });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.server.close();
  });

  it('lists portals, toggles a scenario, advances the clock and tails the journal live', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${running.base}/`);
    await expect(page.locator('h1')).toHaveTextOrFail('goskit-sim');
    const portalLink = page.locator(`a[href="${running.base}/counter"]`);
    expect(await portalLink.count()).toBe(1);

    // Enable a scenario through the UI (the page reloads), observe it through the control API.
    await page.locator('tr[data-scenario="slow"] button').click();
    await page.locator('tr[data-scenario="slow"] .badge.on').waitFor({ timeout: 15_000 });
    const scenarios = await fetch(`${running.base}/__goskit/scenarios`).then((res) => res.json());
    expect(scenarios.active).toContain('slow');

    // Advance the clock by one hour with a button and by a typed duration with the form.
    const before = running.sim.clock.now();
    const shows = (ms: number) =>
      page.locator('#clock', { hasText: new Date(ms).toISOString() }).waitFor({ timeout: 15_000 });
    await page.locator('button[data-body*="PT1H"]').click();
    await shows(before + 3_600_000);
    expect(running.sim.clock.now() - before).toBe(3_600_000);
    await page.fill('input[name="duration"]', 'PT30M');
    await page.locator('form[data-post$="clock/advance"] button').click();
    await shows(before + 5_400_000);
    expect(running.sim.clock.now() - before).toBe(5_400_000);

    // A bad duration shows the server's message instead of failing silently.
    await page.fill('input[name="duration"]', 'soon');
    await page.locator('form[data-post$="clock/advance"] button').click();
    await page.locator('#error').waitFor({ state: 'visible', timeout: 15_000 });
    expect(running.sim.clock.now() - before).toBe(5_400_000);

    // A fault rule added over the API shows up with a working remove button.
    running.sim.faults.addRule({ id: 'dash-rule', portal: 'counter', effect: { status: 503 } });
    await page.reload();
    await page.locator('tr[data-rule="dash-rule"] button').click();
    await page.locator('tr[data-rule="dash-rule"]').waitFor({ state: 'detached', timeout: 15_000 });
    expect(running.sim.faults.rules()).toEqual([]);

    // Disable it again.
    await page.locator('tr[data-scenario="slow"] button').click();
    await page.locator('tr[data-scenario="slow"] .badge:not(.on)').waitFor({ timeout: 15_000 });
    expect(running.sim.faults.active()).not.toContain('slow');

    // Live journal: a request made after the page loaded shows up without a reload.
    await page.goto(`${running.base}/journal`);
    await fetch(`${running.base}/counter/items/%3Cb%3Ex`);
    const cell = page.locator('#journal tbody td', { hasText: 'items.get' });
    await cell.first().waitFor({ timeout: 15_000 });
    // The path is shown as text, never as markup.
    expect(await page.locator('#journal tbody b').count()).toBe(0);
    await page.screenshot({ path: '/tmp/dashboard-journal.png', fullPage: true });

    await page.goto(`${running.base}/personas`);
    const snilsCells = await page.locator('td.mono', { hasText: '***-***-***' }).count();
    expect(snilsCells).toBe(running.sim.demo.personas.length);
    const html = await page.content();
    for (const persona of running.sim.demo.personas.slice(0, 5)) {
      expect(html).not.toContain(persona.snils);
    }

    await page.goto(`${running.base}/`);
    await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});

declare module 'vitest' {
  interface Assertion<T> {
    toHaveTextOrFail(expected: string): Promise<T>;
  }
}
expect.extend({
  async toHaveTextOrFail(locator: { textContent(): Promise<string | null> }, expected: string) {
    const text = (await locator.textContent()) ?? '';
    return {
      pass: text.includes(expected),
      message: () => `expected text "${text}" to include "${expected}"`,
    };
  },
});
