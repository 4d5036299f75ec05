/**
 * Playwright Test with the Chromium the machine already has (Debian's /usr/bin/chromium; set
 * CHROMIUM_PATH elsewhere) — `npx playwright install` is never needed. One worker: the specs share
 * nothing, but the machines running CI are small.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '*.spec.ts',
  workers: 1,
  reporter: [['line']],
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
