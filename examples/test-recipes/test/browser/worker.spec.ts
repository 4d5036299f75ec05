/**
 * Recipe: a front-end page whose fetches the simulator answers inside the browser, behind MSW's
 * `setupWorker` — `msw init public` (the `test:browser` script) writes the service worker file, the
 * page bundle is built with esbuild (the package's `browser` export condition picks the browser entry).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
let server: Server;
let origin = '';

test.beforeAll(async () => {
  await build({
    entryPoints: [join(root, 'src/classes-page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(root, 'public/app.js'),
    logLevel: 'silent',
  });
  server = createServer(async (request, response) => {
    const path = request.url === '/' ? '/index.html' : (request.url ?? '/');
    try {
      const body = await readFile(join(root, 'public', path.replace(/\.\.+/g, '')));
      response
        .writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface PageWindow {
  ready?: Promise<void>;
  sim?: {
    faults: { enable(name: string): void };
    journal: { entries(): { operation: string; status: number }[] };
    contractViolations(): unknown[];
  };
}

test('the page lists the classes the simulator answers in the service worker; a fault shows its error', async ({
  page,
}) => {
  await page.goto(`${origin}/`);
  await page.evaluate(() => (window as PageWindow).ready);
  await expect(page.getByRole('status')).toHaveText('Классов: 22');
  await expect(page.locator('#classes li')).toHaveCount(22);

  await page.evaluate(() => (window as PageWindow).sim?.faults.enable('maintenance'));
  await page.getByRole('button', { name: 'Обновить' }).click();
  await expect(page.getByRole('status')).toHaveText('Сервис на техническом обслуживании');

  const journal = await page.evaluate(() =>
    (window as PageWindow).sim?.journal.entries().map(({ operation, status }) => [operation, status]),
  );
  expect(journal).toEqual([
    ['classes.list', 200],
    ['classes.list', 503],
  ]);
  expect(await page.evaluate(() => (window as PageWindow).sim?.contractViolations())).toEqual([]);
});
