/**
 * Streamed response bodies (`SimResponse.bodyStream`), a capability of the engine for every portal:
 * both adapters (node:http, MSW) pass the stream through as it is produced, the node server pulls a
 * chunk only when the socket took the previous one (backpressure), a client that leaves stops the
 * producer, a producer that fails drops the connection, and the journal records size, excerpt and
 * SHA-256 as the bytes go by — never by buffering the stream.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import type { JournalEntry, Simulator } from '../src/engine/types.js';
import { definePortal } from '../src/portal-kit.js';

const CHUNK = 16 * 1024;

/** What the producer of one streamed answer has done so far. */
interface Produced {
  chunks: number;
  closed: boolean;
}

/** Chunk `i` of a stream: its bytes depend on i only (so a whole body can be checked by its hash). */
function chunkBytes(i: number, size = CHUNK): Uint8Array {
  const bytes = new Uint8Array(size);
  const text = `<row n="${i}">${'x'.repeat(40)}</row>\n`;
  for (let k = 0; k < size; k++) {
    bytes[k] = text.charCodeAt(k % text.length);
  }
  return bytes;
}

function expectedSha(chunks: number): string {
  const hash = createHash('sha256');
  for (let i = 0; i < chunks; i++) {
    hash.update(chunkBytes(i));
  }
  return hash.digest('hex');
}

function streamingPortal(produced: Produced[]) {
  return definePortal({
    name: 'streams',
    title: 'Streams (test portal)',
    hosts: ['https://streams.test'],
    prefix: '/streams',
    createState: () => ({}),
    routes: [
      {
        method: 'GET',
        path: '/rows',
        operation: 'rows.get',
        handler: ({ request }) => {
          const count = Number(request.query.get('chunks') ?? '4');
          const failAt = Number(request.query.get('failAt') ?? '-1');
          const record: Produced = { chunks: 0, closed: false };
          produced.push(record);
          // An async generator: the engine must accept any async iterable, not only web streams.
          async function* rows(): AsyncGenerator<Uint8Array> {
            try {
              for (let i = 0; i < count; i++) {
                if (i === failAt) {
                  throw new Error('the producer broke');
                }
                record.chunks++;
                yield chunkBytes(i);
              }
            } finally {
              record.closed = true;
            }
          }
          return {
            status: 200,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
            bodyStream: rows(),
          };
        },
      },
      {
        method: 'GET',
        path: '/not-bytes',
        operation: 'not-bytes.get',
        handler: () => ({
          status: 200,
          headers: { 'content-type': 'text/plain' },
          bodyStream: (async function* () {
            yield chunkBytes(0);
            yield 'a string is not a chunk' as unknown as Uint8Array;
          })(),
        }),
      },
    ],
  });
}

const until = async (check: () => boolean, ms = 5_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) {
      throw new Error('timed out waiting for the condition');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

function lastEntry(sim: Simulator): JournalEntry {
  const entry = sim.journal.entries().at(-1);
  if (entry === undefined) {
    throw new Error('empty journal');
  }
  return entry;
}

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) {
    await cleanup();
  }
  cleanups = [];
});

async function server(journalBodies: 'redacted' | 'none' = 'redacted') {
  const produced: Produced[] = [];
  const sim = createSimulator({ seed: 'streams', portals: [streamingPortal(produced)], journalBodies });
  const listening = await sim.listen({ port: 0 });
  cleanups.push(() => listening.close());
  return { sim, produced, base: listening.baseUrl('streams') };
}

describe('streamed bodies over the node server', () => {
  it('sends every chunk without a Content-Length; the journal has size, excerpt and SHA-256', async () => {
    const { sim, base } = await server();
    const response = await fetch(`${base}/rows?chunks=40`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(40 * CHUNK);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(expectedSha(40));
    await until(() => lastEntry(sim).responseBodyStream === 'complete');
    const entry = lastEntry(sim);
    expect(entry).toMatchObject({
      operation: 'rows.get',
      responseBodyBytes: 40 * CHUNK,
      responseBodySha256: expectedSha(40),
    });
    // Bounded: an excerpt of the start, marked as cut.
    expect(entry.responseBody?.startsWith('<row n="0">')).toBe(true);
    expect(entry.responseBody?.endsWith('…[truncated]')).toBe(true);
    expect(entry.responseBody?.length).toBeLessThanOrEqual(4096 + 12);
  });

  it('pulls from the producer only as fast as the client reads (backpressure)', async () => {
    const { produced, base } = await server();
    // 4 096 chunks = 64 MB if it were produced ahead of the reader.
    const stalled = await new Promise<{ destroy(): void }>((resolve, reject) => {
      const req = httpRequest(`${base}/rows?chunks=4096`, (res) => {
        res.pause();
        resolve({ destroy: () => req.destroy() });
      });
      req.on('error', reject);
      req.end();
    });
    await until(() => (produced[0]?.chunks ?? 0) > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const early = produced[0]?.chunks ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Socket and kernel buffers hold a few MB at most; the producer then waits.
    expect(produced[0]?.chunks).toBe(early);
    expect(early).toBeLessThan(4096 / 4);
    stalled.destroy();
    await until(() => produced[0]?.closed === true);
    expect(produced[0]?.chunks).toBeLessThan(4096);
  });

  it('stops the producer when the client goes away; the journal says cancelled, without a hash', async () => {
    const { sim, produced, base } = await server();
    const controller = new AbortController();
    const response = await fetch(`${base}/rows?chunks=100000`, { signal: controller.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    await until(() => produced[0]?.closed === true);
    await until(() => lastEntry(sim).responseBodyStream === 'cancelled');
    const entry = lastEntry(sim);
    expect(entry.responseBodySha256).toBeUndefined();
    expect(entry.responseBodyBytes).toBeGreaterThan(0);
    expect(entry.responseBodyBytes).toBeLessThan(100000 * CHUNK);
  });

  it('drops the connection mid-body when the producer fails; the journal says failed', async () => {
    const { sim, base } = await server();
    const response = await fetch(`${base}/rows?chunks=10&failAt=3`);
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
    await until(() => lastEntry(sim).responseBodyStream === 'failed');
    expect(lastEntry(sim).responseBodyBytes).toBe(3 * CHUNK);
  });

  it('refuses a chunk that is not bytes (the stream fails, the server stays up)', async () => {
    const { sim, base } = await server();
    const response = await fetch(`${base}/not-bytes`);
    await expect(response.arrayBuffer()).rejects.toThrow();
    await until(() => lastEntry(sim).responseBodyStream === 'failed');
    expect((await fetch(`${base}/rows?chunks=1`)).status).toBe(200);
  });

  it('HEAD answers the headers and never runs the producer past its start', async () => {
    const { sim, produced, base } = await server();
    const response = await fetch(`${base}/rows?chunks=50`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(produced[0]?.chunks ?? 0).toBe(0);
    expect(lastEntry(sim).responseBodyStream).toBeUndefined();
  });

  it('applies truncate and corruptBody faults to the stream as it goes by', async () => {
    const { sim, base } = await server();
    sim.faults.addRule({ id: 'cut', operation: 'rows.get', firstN: 1, effect: { truncate: 3 * CHUNK + 5 } });
    const cut = await fetch(`${base}/rows?chunks=10`);
    await expect(cut.arrayBuffer()).rejects.toThrow();
    await until(() => lastEntry(sim).responseBodyStream === 'failed');
    expect(lastEntry(sim)).toMatchObject({ responseBodyBytes: 3 * CHUNK + 5, effects: ['rule:cut'] });

    sim.faults.addRule({ id: 'junk', operation: 'rows.get', firstN: 1, effect: { corruptBody: true } });
    const junk = new Uint8Array(await (await fetch(`${base}/rows?chunks=4`)).arrayBuffer());
    expect(junk.byteLength).toBe(4 * CHUNK);
    expect(junk.at(-1)).toBeGreaterThanOrEqual(0x80);
    expect(createHash('sha256').update(junk).digest('hex')).not.toBe(expectedSha(4));
  });

  it('with journalBodies "none" counts only the size', async () => {
    const { sim, base } = await server('none');
    await (await fetch(`${base}/rows?chunks=3`)).arrayBuffer();
    await until(() => lastEntry(sim).responseBodyStream === 'complete');
    const entry = lastEntry(sim);
    expect(entry.responseBodyBytes).toBe(3 * CHUNK);
    expect(entry.responseBody).toBeUndefined();
    expect(entry.responseBodySha256).toBeUndefined();
  });
});

describe('streamed bodies through the MSW handlers', () => {
  it('hand the stream to the client; reading it pulls the producer; a failure fails the read', async () => {
    const produced: Produced[] = [];
    const sim = createSimulator({ seed: 'streams', portals: [streamingPortal(produced)] });
    const msw = setupServer(...sim.handlers);
    msw.listen({ onUnhandledRequest: 'error' });
    cleanups.push(() => msw.close());
    const response = await fetch('https://streams.test/rows?chunks=12');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(expectedSha(12));
    await until(() => lastEntry(sim).responseBodyStream === 'complete');
    expect(lastEntry(sim).responseBodySha256).toBe(expectedSha(12));

    const broken = await fetch('https://streams.test/rows?chunks=10&failAt=2');
    await expect(broken.arrayBuffer()).rejects.toThrow();
    await until(() => lastEntry(sim).responseBodyStream === 'failed');
  });
});
