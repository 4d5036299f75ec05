/**
 * The paragraf portal's `GET /export`: a district export generated from the seed while it is streamed
 * (HTTP Basic with the exchange account), the same bytes for the same seed, bad query values refused
 * with 400 naming the field, and the export contract (application/xml, streamed) met.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorServer } from '../src/engine/types.js';
import { paragrafDemoAccount } from '../src/portals/paragraf/index.js';
import { paragrafSim } from './paragraf-support.js';

const sim = paragrafSim();
let server: SimulatorServer;
let base = '';
let auth = '';

beforeAll(async () => {
  server = await sim.listen({ port: 0 });
  base = server.baseUrl('paragraf');
  const account = paragrafDemoAccount(sim);
  auth = `Basic ${Buffer.from(`${account.login}:${account.password}`).toString('base64')}`;
});
afterAll(() => server.close());

const download = (query: string, authorization = auth) =>
  fetch(`${base}/export${query}`, { headers: { authorization } });

describe('paragraf GET /export', () => {
  it('streams an XML export of the asked size; the same seed gives the same bytes', async () => {
    const first = await download('?size=200KB&seed=7');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(first.headers.get('content-length')).toBeNull();
    expect(first.headers.get('x-goskit-export-seed')).toBe('7');
    const bytes = new Uint8Array(await first.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(text.trimEnd().endsWith('</export>')).toBe(true);
    expect(bytes.byteLength).toBeGreaterThanOrEqual(200 * 1024);
    expect(bytes.byteLength).toBeLessThan(210 * 1024);
    const again = new Uint8Array(await (await download('?size=200KB&seed=7')).arrayBuffer());
    const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
    expect(sha(again)).toBe(sha(bytes));
    const other = new Uint8Array(await (await download('?size=200KB&seed=8')).arrayBuffer());
    expect(sha(other)).not.toBe(sha(bytes));
    const entries = sim.journal.find({ portal: 'paragraf', operation: 'export', status: 200 });
    expect(entries[0]).toMatchObject({ responseBodyStream: 'complete', responseBodySha256: sha(bytes) });
    expect(sim.contractViolations()).toEqual([]);
  });

  it('derives the seed from the simulator seed by default, and faults on request', async () => {
    const plain = await download('?size=4KB');
    const seed = plain.headers.get('x-goskit-export-seed');
    expect(seed).toMatch(/^[0-9]+$/);
    await plain.arrayBuffer();
    const faulty = await (await download(`?size=64KB&seed=${seed}&faultRate=0.2&pretty=false`)).text();
    expect(faulty).not.toContain('\n  <school');
    expect(faulty).toMatch(/value="6"|30\.02\.2026|31\.02\.|№1|Пе7ров/);
  });

  it('refuses missing or wrong credentials with 401 and a Basic challenge', async () => {
    const account = paragrafDemoAccount(sim);
    for (const authorization of [
      '',
      'Basic',
      'Basic !!!',
      `Basic ${Buffer.from(`${account.login}:wrong`).toString('base64')}`,
      `Basic ${Buffer.from('__proto__:x').toString('base64')}`,
      `Bearer ${account.password}`,
      `Basic ${'A'.repeat(2000)}`,
    ]) {
      const response = await download('?size=4KB', authorization);
      expect(response.status, authorization.slice(0, 40)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      expect(await response.json()).toMatchObject({ error: 'AUTH_FAILED' });
    }
  });

  it('refuses bad query values with 400 naming the field (ru and en)', async () => {
    const cases: [string, string][] = [
      ['?size=12', 'size'],
      ['?size=-5', 'size'],
      ['?size=1TB', 'size'],
      ['?size=__proto__', 'size'],
      ['?size=99999999GB', 'size'],
      ['?seed=constructor', 'seed'],
      ['?seed=1e3', 'seed'],
      ['?faultRate=1.5', 'faultRate'],
      ['?faultRate=NaN', 'faultRate'],
      ['?pretty=yes', 'pretty'],
    ];
    for (const [query, field] of cases) {
      const response = await download(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: string; field: string; messageRu: string };
      expect(body, query).toMatchObject({ error: 'INVALID_QUERY', field });
      expect(body.messageRu).toContain(field);
    }
  });

  it('a smaller maxExportBytes bounds the size', async () => {
    const small = paragrafSim({ maxExportBytes: 10_000 });
    const listening = await small.listen({ port: 0 });
    try {
      const account = paragrafDemoAccount(small);
      const response = await fetch(`${listening.baseUrl('paragraf')}/export?size=20000`, {
        headers: { authorization: `Basic ${btoa(`${account.login}:${account.password}`)}` },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ field: 'size' });
    } finally {
      await listening.close();
    }
  });
});
