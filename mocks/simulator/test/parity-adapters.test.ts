/**
 * One scenario table through BOTH adapters — MSW (setupServer, real hosts) and the standalone node
 * server (sim.listen on an ephemeral port) — comparing status, headers that matter, body bytes,
 * transport faults and journal entries. Two simulators with the same seed must agree exactly.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type JournalEntry, type Simulator, type SimulatorServer } from '../src/index.js';
import { TEST_HOSTS, testPortal } from './fixtures/test-portal.js';

interface Case {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setup?: (sim: Simulator) => void;
  /** Send the same request this many times; every answer is compared. */
  repeat?: number;
}

const json = { 'content-type': 'application/json' };

const CASES: Case[] = [
  { name: 'stateful GET', path: '/counter', repeat: 3 },
  {
    name: 'POST JSON creates with seeded ids',
    method: 'POST',
    path: '/notes',
    headers: json,
    body: '{"text":"Привет"}',
  },
  { name: 'list after create', path: '/notes' },
  {
    name: 'form body',
    method: 'POST',
    path: '/form',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'name=%D0%9E%D0%BB%D1%8F',
  },
  { name: 'malformed JSON → 400', method: 'POST', path: '/notes', headers: json, body: '{oops' },
  { name: 'unknown path → 404 nearest', path: '/notez' },
  { name: 'Cyrillic path is decoded alike', path: '/notes/%D0%B7%D0%B0%D0%BC%D0%B5%D1%82%D0%BA%D0%B0' },
  { name: 'wrong method → 405 + Allow', method: 'DELETE', path: '/counter' },
  { name: 'contract drift → 500', path: '/drift' },
  { name: 'throwing handler → 500', path: '/boom' },
  { name: 'query string with a token', path: '/notes?x=1&access_token=secret-token-value' },
  { name: 'HEAD answers like GET without a body', method: 'HEAD', path: '/counter' },
  { name: 'rate limit → 429 + Retry-After', path: '/counter', repeat: 4 },
  { name: 'maintenance 503', path: '/notes', headers: { 'x-goskit-scenario': 'maintenance' } },
  { name: 'maintenance 200', path: '/notes', headers: { 'x-goskit-scenario': 'maintenance-200' } },
  { name: 'down → connection reset', path: '/notes', headers: { 'x-goskit-scenario': 'down' } },
  { name: 'truncated body', path: '/notes', headers: { 'x-goskit-scenario': 'truncated-json' } },
  { name: 'wrong content type', path: '/notes', headers: { 'x-goskit-scenario': 'wrong-content-type' } },
  { name: 'empty 200', path: '/notes', headers: { 'x-goskit-scenario': 'empty-200' } },
  { name: 'unknown scenario → 400', path: '/notes', headers: { 'x-goskit-scenario': 'nope' } },
  {
    name: 'corrupt body rule (seeded bytes)',
    path: '/notes',
    setup: (sim) => sim.faults.addRule({ effect: { corruptBody: true } }),
  },
  {
    name: 'status rule with firstN',
    path: '/counter',
    repeat: 2,
    setup: (sim) => sim.faults.addRule({ firstN: 1, effect: { status: 502, body: 'bad gateway' } }),
  },
  {
    name: 'network-error rule',
    path: '/counter',
    setup: (sim) => sim.faults.addRule({ effect: { fault: 'network-error' } }),
  },
  { name: 'flaky sequence', path: '/page', repeat: 25, setup: (sim) => sim.faults.enable('flaky') },
];

const HEADERS_THAT_MATTER = ['content-type', 'retry-after', 'allow'];

interface Observed {
  status: number | 'network-error';
  headers: Record<string, string | null>;
  body: string;
  bodyFailed: boolean;
}

async function readBody(response: Response): Promise<{ bytes: Uint8Array; failed: boolean }> {
  const chunks: Uint8Array[] = [];
  const reader = response.body?.getReader();
  let failed = false;
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) {
        break;
      }
      chunks.push(chunk.value);
    }
  } catch {
    failed = true;
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks)), failed };
}

async function observe(url: string, testCase: Case): Promise<Observed> {
  try {
    const init: RequestInit = { method: testCase.method ?? 'GET', headers: testCase.headers ?? {} };
    if (testCase.body !== undefined) {
      init.body = testCase.body;
    }
    const response = await fetch(url, init);
    const { bytes, failed } = await readBody(response);
    return {
      status: response.status,
      headers: Object.fromEntries(HEADERS_THAT_MATTER.map((name) => [name, response.headers.get(name)])),
      body: Buffer.from(bytes).toString('base64'),
      bodyFailed: failed,
    };
  } catch {
    return { status: 'network-error', headers: {}, body: '', bodyFailed: true };
  }
}

const comparable = (entry: JournalEntry) => {
  const { url: _url, durationMs: _duration, ...rest } = entry;
  return rest;
};

const viaMsw = createSimulator({ portals: [testPortal], seed: 'parity', maxDelayMs: 0 });
const viaServer = createSimulator({ portals: [testPortal], seed: 'parity', maxDelayMs: 0 });
const msw = setupServer(...viaMsw.handlers);
let server: SimulatorServer;

beforeAll(async () => {
  msw.listen({
    onUnhandledRequest(request, print) {
      // The standalone server's own traffic goes to 127.0.0.1 and must not be intercepted.
      if (new URL(request.url).hostname !== '127.0.0.1') {
        print.error();
      }
    },
  });
  server = await viaServer.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  msw.close();
  await server?.close();
});

describe('adapter parity: MSW handlers vs standalone server', () => {
  beforeEach(() => {
    viaMsw.reset();
    viaServer.reset();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    testCase.setup?.(viaMsw);
    testCase.setup?.(viaServer);
    for (let i = 0; i < (testCase.repeat ?? 1); i += 1) {
      const fromMsw = await observe(`${TEST_HOSTS[0]}${testCase.path}`, testCase);
      const fromServer = await observe(`${server.baseUrl('test')}${testCase.path}`, testCase);
      expect(fromServer, `request #${i + 1}`).toEqual(fromMsw);
    }
    const mswJournal = viaMsw.journal.entries().map(comparable);
    const serverJournal = viaServer.journal.entries().map(comparable);
    expect(serverJournal).toEqual(mswJournal);
    expect(mswJournal.length).toBe(testCase.repeat ?? 1);
    for (const sim of [viaMsw, viaServer]) {
      expect(
        sim.journal
          .entries()
          .map((e) => e.url)
          .join(' '),
      ).not.toContain('secret-token-value');
    }
  });

  it('the table covers every fault effect kind', () => {
    const scenarios = new Set(
      CASES.flatMap((c) => (c.headers?.['x-goskit-scenario'] ? [c.headers['x-goskit-scenario']] : [])),
    );
    expect([...scenarios]).toEqual(
      expect.arrayContaining(['maintenance', 'down', 'truncated-json', 'wrong-content-type', 'empty-200']),
    );
  });
});
