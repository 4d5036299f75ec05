/**
 * `readExport` over the paragraf portal's `GET /export`, a multi-MB district export generated from the
 * seed and streamed by the simulator: over real HTTP from `goskit-sim`'s server on 127.0.0.1 and in
 * process through the MSW handlers. The reader takes the response body as it comes (a web
 * ReadableStream) and its report matches, record for record, what the generator wrote and broke.
 * Memory that does not grow with the size is measured in bench/paragraf-export.mjs (`--source=sim`).
 */
import {
  createSimulator,
  paragrafDemoAccount,
  paragrafPortal,
  type Simulator,
  vkidPortal,
  vkPortal,
} from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../src/export-generator.js';
import { type ExportReport, readExport } from '../src/index.js';

const SIZE = 2 * 1024 * 1024;
const SEED = 4242;
const FAULT_RATE = 0.01;
const QUERY = `?size=${SIZE}&seed=${SEED}&faultRate=${FAULT_RATE}`;

let sim: Simulator;
let authorization = '';

beforeAll(() => {
  sim = createSimulator({ seed: 'paragraf-export', portals: [paragrafPortal(), vkPortal(), vkidPortal()] });
  const account = paragrafDemoAccount(sim);
  authorization = `Basic ${btoa(`${account.login}:${account.password}`)}`;
});

/** What the reader must find: the same generator, run here. */
function expected() {
  const generator = generateExport({ seed: SEED, targetBytes: SIZE, faultRate: FAULT_RATE });
  for (const _chunk of generator) {
    // Iterating fills the stats.
  }
  return generator.stats;
}

async function readAll(response: Response): Promise<{ report: ExportReport; pupils: number }> {
  expect(response.status).toBe(200);
  if (response.body === null) {
    throw new Error('no body');
  }
  const read = readExport(response.body);
  let pupils = 0;
  for await (const record of read) {
    if (record.type === 'pupil') {
      pupils++;
    }
  }
  return { report: read.report(), pupils };
}

function expectMatches(report: ExportReport, pupils: number): void {
  const stats = expected();
  expect(report.complete).toBe(true);
  expect(report.bytes).toBe(stats.bytes);
  expect(report.bytes).toBeGreaterThanOrEqual(SIZE);
  for (const type of Object.keys(stats.written) as (keyof typeof stats.written)[]) {
    expect(report.accepted[type] + report.rejected[type], type).toBe(stats.written[type]);
    expect(report.rejected[type], type).toBe(stats.rejected[type]);
  }
  expect(report.rejected.pupil).toBeGreaterThan(0);
  expect(pupils).toBe(report.accepted.pupil);
}

describe('readExport ← paragraf portal GET /export', () => {
  let server: Awaited<ReturnType<Simulator['listen']>>;
  beforeAll(async () => {
    server = await sim.listen({ port: 0 });
  });
  afterAll(() => server.close());

  it('reads a multi-MB export over real HTTP from the standalone server', async () => {
    const response = await fetch(`${server.baseUrl('paragraf')}/export${QUERY}`, {
      headers: { authorization },
    });
    const { report, pupils } = await readAll(response);
    expectMatches(report, pupils);
    const entry = sim.journal.find({ portal: 'paragraf', operation: 'export' }).at(-1);
    expect(entry).toMatchObject({
      status: 200,
      responseBodyStream: 'complete',
      responseBodyBytes: report.bytes,
    });
  });

  it('reads the same export in process through the MSW handlers', async () => {
    const msw = setupServer(...sim.handlers);
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      const response = await fetch(`https://paragraf.goskit.test/export${QUERY}`, {
        headers: { authorization },
      });
      const { report, pupils } = await readAll(response);
      expectMatches(report, pupils);
    } finally {
      msw.close();
    }
  });

  it('a reader that stops early cancels the download; the portal stops generating', async () => {
    const response = await fetch(`${server.baseUrl('paragraf')}/export?size=1GB&seed=1`, {
      headers: { authorization },
    });
    const controller = new AbortController();
    const read = readExport(response.body as ReadableStream<Uint8Array>, { signal: controller.signal });
    let seen = 0;
    await expect(
      (async () => {
        for await (const _record of read) {
          if (++seen === 50) {
            controller.abort(new Error('enough'));
          }
        }
      })(),
    ).rejects.toThrow('enough');
    await response.body?.cancel().catch(() => {});
    const ended = async () => sim.journal.find({ operation: 'export' }).at(-1)?.responseBodyStream;
    for (let i = 0; i < 200 && (await ended()) === 'open'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const entry = sim.journal.find({ operation: 'export' }).at(-1);
    expect(entry?.responseBodyStream).toBe('cancelled');
    expect(entry?.responseBodyBytes).toBeLessThan(64 * 1024 * 1024);
  });
});
