/**
 * The README's quickstarts, run as written: the default simulator serves the built-in portals
 * (school, esia, epgu) on their real hosts through MSW and under their prefixes on the standalone
 * server, and the README's portal table names exactly those hosts and prefixes.
 */
import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as mainEntry from '../src/index.js';
import { builtInPortals, createSimulator } from '../src/index.js';
import * as mswNodeEntry from '../src/msw-node.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README quickstart — in-process (MSW)', () => {
  const sim = createSimulator({ seed: 'ci-42' });
  const server = setupServer(...sim.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers on the real hosts of the built-in portals', async () => {
    expect(sim.portals.map((portal) => portal.name).sort()).toEqual([
      'ediary',
      'epgu',
      'esia',
      'gospochta',
      'max',
      'notifications',
      'paragraf',
      'school',
      'vk',
      'vkid',
    ]);
    const classes = (await (await fetch('https://school.goskit.test/classes')).json()) as { total: number };
    expect(classes.total).toBe(sim.demo.classes.length);
    const jwks = await fetch('https://esia-portal1.test.gosuslugi.ru/aas/oauth2/jwks');
    expect(((await jwks.json()) as { keys: unknown[] }).keys).toHaveLength(1);
    const dictionary = await fetch(
      'https://svcdev-beta.test.gosuslugi.ru/api/nsi/v1/dictionary/GOSKIT_SCHOOLS',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
    );
    expect(dictionary.status).toBe(200);
    sim.journal.verify(1, { portal: 'school', operation: 'classes.list' });
    sim.journal.verify(3, {});
    expect(sim.contractViolations()).toEqual([]);
  });
});

describe('README quickstart — standalone server', () => {
  it('serves each built-in portal under its prefix on one port', async () => {
    const sim = createSimulator({ seed: 'demo' });
    const server = await sim.listen({ port: 0 });
    try {
      expect(server.baseUrl('school')).toBe(`${server.url}/school`);
      expect((await fetch(`${server.url}/school/classes`)).status).toBe(200);
      expect((await fetch(`${server.baseUrl('esia')}/aas/oauth2/jwks`)).status).toBe(200);
      const dictionary = await fetch(`${server.baseUrl('epgu')}/api/nsi/v1/dictionary/GOSKIT_SCHOOLS`, {
        method: 'POST',
        body: '{}',
      });
      expect(dictionary.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('README portal table', () => {
  it('lists every built-in portal with its hosts and prefix', () => {
    for (const portal of builtInPortals()) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${portal.name}\``));
      expect(row, `README row for ${portal.name}`).toBeDefined();
      expect(row).toContain(`\`${portal.prefix}\``);
      for (const host of portal.hosts) {
        expect(row).toContain(host);
      }
    }
  });
});

describe('README "Test against the simulator" section', () => {
  it('names only helpers the package exports (the blocks themselves run in examples/test-recipes)', () => {
    const start = readme.indexOf('\n## Test against the simulator\n');
    expect(start).toBeGreaterThan(0);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const table = section.split('\n').filter((line) => line.startsWith('| `'));
    const named = table.flatMap((line) =>
      [...(line.split('|')[1] ?? '').matchAll(/`(\w+)\(/g)].map((m) => m[1]),
    );
    expect(named).toEqual(
      expect.arrayContaining([
        'setupSimulatorServer',
        'completeEsiaLogin',
        'registerTestEsiaSystem',
        'simulatorClock',
      ]),
    );
    const exported = new Set([...Object.keys(mainEntry), ...Object.keys(mswNodeEntry)]);
    for (const name of named) {
      expect(
        exported.has(name as string) || name === 'sim' || name === 'control',
        `${name} is exported`,
      ).toBe(true);
    }
  });
});
