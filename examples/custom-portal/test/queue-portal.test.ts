/**
 * The custom portal through both adapters and the CLI: in process (MSW on its real host), on the
 * standalone server (sim.listen), and loaded by `goskit-sim --portal` — the same story each time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { builtInPortals, createSimulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queuePortal } from '../src/queue-portal.js';
import { signInParent } from './parent-session.js';
import { queueStory, REGION_DATA } from './scenario.js';

describe('in process, through MSW', () => {
  const sim = createSimulator({
    seed: 'queue-msw',
    portals: [...builtInPortals(), queuePortal],
    data: REGION_DATA,
  });
  const server = setupServer(...sim.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('a parent signed in with ESIA queues their children', async () => {
    const parent = await signInParent(sim, 'https://esia-portal1.test.gosuslugi.ru');
    await queueStory('https://queue.zelenograd-region.example', parent);
    expect(sim.journal.count({ portal: 'queue', operation: 'applications.create' })).toBe(3);
    expect(sim.contractViolations()).toEqual([]);
  });

  it('refuses a data slice that breaks its schema, naming the field', () => {
    expect(() =>
      createSimulator({
        portals: [...builtInPortals(), queuePortal],
        data: { queue: { kindergartens: [] } },
      }),
    ).toThrow(/^data\.queue\.kindergartens: /);
  });

  it('needs the identity service: without ESIA it does not start', () => {
    expect(() => createSimulator({ portals: [queuePortal] })).toThrow(
      /requires service "identity".*load esiaPortal\(\)/,
    );
  });
});

describe('standalone, through sim.listen()', () => {
  it('answers the same on 127.0.0.1', async () => {
    const sim = createSimulator({
      seed: 'queue-server',
      portals: [...builtInPortals(), queuePortal],
      data: REGION_DATA,
    });
    const server = await sim.listen({ port: 0 });
    try {
      const parent = await signInParent(sim, server.baseUrl('esia'));
      await queueStory(server.baseUrl('queue'), parent);
      const panel = await (await fetch(`${server.url}/`)).text();
      expect(panel).toContain('Очередь в детские сады · queue');
      expect(panel).toMatch(/Детский сад № 7 «Берёзка».*в очереди: 1/s);
    } finally {
      await server.close();
    }
  });
});

describe('goskit-sim --portal', () => {
  let child: ChildProcess | undefined;
  afterEach(() => child?.kill('SIGKILL'));

  it('loads the portal module next to the built-in ones', async () => {
    const cli = fileURLToPath(new URL('../../../mocks/simulator/src/cli.ts', import.meta.url));
    const portal = fileURLToPath(new URL('../src/queue-portal.ts', import.meta.url));
    child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--portal', portal], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = await new Promise<string>((resolve, reject) => {
      let text = '';
      child?.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('goskit-sim ready on')) {
          resolve(text);
        }
      });
      child?.on('exit', (code) => reject(new Error(`goskit-sim exited ${code}: ${text}`)));
    });
    const base = /queue\s+(http:\/\/\S+)/.exec(output)?.[1] as string;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/queue$/);
    const list = await fetch(`${base}/api/v1/kindergartens`);
    expect((await list.json()) as unknown).toEqual({
      items: [
        { id: 'dou-1', title: 'Детский сад № 1 «Солнышко»', places: 2 },
        { id: 'dou-7', title: 'Детский сад № 7 «Берёзка»', places: 1 },
      ],
    });
  }, 30_000);
});
