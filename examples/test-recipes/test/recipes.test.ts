/**
 * Proof that each recipe works: the node:test, Jest and Playwright suites of this example run as a
 * user runs them (their own runner, the built packages), and each must pass with all its tests.
 * A missing Chromium skips the browser recipe outside CI and fails it in CI.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, exampleDir, run } from './support.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromium = existsSync(CHROMIUM);
if (!chromium && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing: the browser recipe must run in CI`);
}

const bin = (path: string) => join(exampleDir, 'node_modules', path);

beforeAll(() => ensureBuilt(), 600_000);

describe('test recipes, each under its own runner', () => {
  it('node:test — contract checks on by option, in process and against the goskit-sim CLI', async () => {
    const result = await run(
      process.execPath,
      ['--import', 'tsx', '--test', 'test/node/esia-sign-in.node-test.ts'],
      {
        NODE_ENV: '',
        VITEST: '',
      },
    );
    expect(result.output, result.output).toMatch(/^# pass 7$/m);
    expect(result.output).toMatch(/^# fail 0$/m);
    expect(result.code).toBe(0);
  }, 180_000);

  it('Jest (native ESM on Node 20) — 5 tests pass', async () => {
    const result = await run(
      process.execPath,
      ['--experimental-vm-modules', bin('jest/bin/jest.js'), '--config', 'jest.config.cjs'],
      { VITEST: '' },
    ); // Jest's own NODE_ENV=test must be what turns contract checks on
    expect(result.output, result.output).toMatch(/Tests:\s+5 passed, 5 total/);
    expect(result.code).toBe(0);
  }, 180_000);

  it.skipIf(!chromium)(
    'Playwright — setupWorker page and the ESIA login page in Chromium',
    async () => {
      const init = await run(process.execPath, [bin('msw/cli/index.js'), 'init', 'public', '--no-save']);
      expect(init.code, init.output).toBe(0);
      expect(existsSync(join(exampleDir, 'public/mockServiceWorker.js'))).toBe(true);
      const result = await run(process.execPath, [bin('@playwright/test/cli.js'), 'test'], {
        CHROMIUM_PATH: CHROMIUM,
      });
      expect(result.output, result.output).toMatch(/\b3 passed\b/);
      expect(result.code).toBe(0);
    },
    240_000,
  );
});
