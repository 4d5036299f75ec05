/**
 * sim.handlers behind MSW's setupWorker in a real headless Chromium: the engine bundled for the
 * browser (esbuild, platform 'browser' — a node-only import fails the bundle), a service worker
 * from msw, and fetches to the portal's real host answered inside the page.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceAliases } from '../../../vitest.config.js';
import { chromiumAvailable, launchChromium } from './browser-support.js';

const available = chromiumAvailable('MSW setupWorker');
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// esbuild ships with tsup (a root dev dependency); resolve it from there rather than adding a dependency.
const requireFromTsup = createRequire(createRequire(import.meta.url).resolve('tsup'));
interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}
const esbuild = requireFromTsup('esbuild') as EsbuildLike;

let server: Server;
let browser: Browser;
let origin: string;

async function bundle(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [here('./fixtures/browser-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    alias: workspaceAliases,
  });
  return result.outputFiles[0]?.text ?? '';
}

describe.skipIf(!available)('MSW setupWorker in Chromium', () => {
  beforeAll(async () => {
    const app = await bundle();
    const workerScript = readFileSync(here('../node_modules/msw/lib/mockServiceWorker.js'), 'utf8');
    const files: Record<string, [string, string]> = {
      '/': [
        'text/html; charset=utf-8',
        '<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>',
      ],
      '/app.js': ['text/javascript', app],
      '/mockServiceWorker.js': ['text/javascript', workerScript],
    };
    server = createServer((req, res) => {
      const file = files[req.url ?? ''];
      res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
      res.end(file?.[1] ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('answers on the real host inside the page, with faults and a journal', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.goskitReady !== undefined, undefined, { timeout: 15_000 });
    await page.evaluate(() => window.goskitReady);
    const checks = await page.evaluate(() => (window.goskitChecks as NonNullable<Window['goskitChecks']>)());
    expect(errors).toEqual([]);
    expect(checks.school).toMatchObject({ shortName: 'Демо школа', classes: 22, visits: 1 });
    expect(checks.maintenanceStatus).toBe(503);
    expect(checks.maintenanceText).toContain('Технические работы');
    expect(checks.downRejected).toBe(true);
    // No process.env in a browser: contracts are on only because the page asked for them.
    expect(checks.strict).toBe(true);
    expect(checks.listenError).toBe('NOT_IMPLEMENTED');
    expect(checks.journal).toEqual([
      { operation: 'school.get', status: 200, effects: [] },
      { operation: 'classes.list', status: 503, effects: ['maintenance:503'] },
      { operation: 'classes.list', status: 0, effects: ['down:connection-reset'] },
    ]);
  });
});
