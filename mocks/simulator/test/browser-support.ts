/**
 * Headless Chromium for the browser tests (dashboard, MSW setupWorker): Debian's /usr/bin/chromium
 * driven by playwright-core. Outside CI a missing binary skips the suite; in CI it fails loudly, since
 * .ci/run installs it.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here; throws in CI, where skipping would hide a broken setup. */
export function chromiumAvailable(suite: string): boolean {
  const available = existsSync(CHROMIUM);
  if (!available && process.env.CI === 'true') {
    throw new Error(`${CHROMIUM} is missing; CI must install Debian chromium for the ${suite} test`);
  }
  return available;
}

/** Flags for a sandbox-less container: no GPU, and no background traffic that could leave 127.0.0.1. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
