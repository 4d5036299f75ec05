import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser-support.js';
import { type Running, startServer } from './server-support.js';

const available = chromiumAvailable('CORS');

let browser: Browser;
let app: Server;
let appOrigin: string;

/** A browser app on its own origin (another port of 127.0.0.1), as a vendor's dev server would be. */
function startApp(): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>app</title><p>vendor app</p>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Calls the simulator from the page with a custom header, so Chromium sends a real preflight. */
async function callFromPage(simBase: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(`${appOrigin}/`);
    return await page.evaluate(async (url) => {
      try {
        const res = await fetch(url, { headers: { 'x-request-id': 'page-1' } });
        return `${res.status} ${JSON.stringify(await res.json())}`;
      } catch (error) {
        return `blocked: ${(error as Error).name}`;
      }
    }, `${simBase}/counter/hits`);
  } finally {
    await page.close();
  }
}

describe.skipIf(!available)('CORS in a real headless Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    app = await startApp();
    appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.close(resolve));
  });

  it('a page on another origin is blocked by default and served with --cors for its origin', async () => {
    let running: Running = await startServer();
    try {
      expect(await callFromPage(running.base)).toBe('blocked: TypeError');
      // The preflight failed, so the GET itself never left the browser.
      expect(running.sim.journal.count({ portal: 'counter', operation: 'hits.get' })).toBe(0);
    } finally {
      await running.server.close();
    }
    running = await startServer({}, { cors: [appOrigin] });
    try {
      expect(await callFromPage(running.base)).toBe('200 {"hits":1}');
    } finally {
      await running.server.close();
    }
  });
});
