import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, schoolPortal } from '../src/index.js';
import { TEST_HOSTS, type TestPortalState, testPortal } from './fixtures/test-portal.js';

const sim = createSimulator({ portals: [testPortal, schoolPortal], seed: 'msw', maxDelayMs: 50 });
const server = setupServer(...sim.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => sim.reset());
afterAll(() => server.close());

const [host, altHost] = TEST_HOSTS as [string, string];

describe('MSW adapter (setupServer, real fetch to the real hosts)', () => {
  it('one handler per host of every portal', () => {
    expect(sim.handlers).toHaveLength(3);
    expect(sim.handlers).toBe(sim.handlers);
  });

  it('answers on every host; a host with a path prefix strips it', async () => {
    const first = await fetch(`${host}/counter`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/application\/json/);
    expect(await first.json()).toEqual({ value: 1 });
    expect(await (await fetch(`${altHost}/counter`)).json()).toEqual({ value: 2 });
    expect(sim.journal.entries().map((e) => [e.path, e.url])).toEqual([
      ['/counter', `${host}/counter`],
      ['/counter', `${altHost}/counter`],
    ]);
    expect(sim.portalState<TestPortalState>('test').counter).toBe(2);
  });

  it('passes method, query, headers and body bytes through', async () => {
    const created = await fetch(`${host}/notes?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer secret-value-123' },
      body: JSON.stringify({ text: 'Привет' }),
    });
    expect(created.status).toBe(201);
    const note = (await created.json()) as { id: string; text: string };
    expect(note.text).toBe('Привет');
    const read = await fetch(`${host}/notes/${note.id}`);
    expect(await read.json()).toEqual(note);
    const form = await fetch(`${host}/form`, { method: 'POST', body: new URLSearchParams({ name: 'Оля' }) });
    expect(await form.json()).toEqual({ name: 'Оля' });
    expect(sim.journal.find({ operation: 'notes.create' })[0]?.requestBody).toBe('{"text":"Привет"}');
  });

  it('faults: network errors reject fetch, truncation cuts bytes, delays wait', async () => {
    sim.faults.enable('down');
    await expect(fetch(`${host}/counter`)).rejects.toThrow(TypeError);
    sim.faults.disable('down');
    const truncated = await fetch(`${host}/notes`, { headers: { 'x-goskit-scenario': 'truncated-json' } });
    expect(truncated.status).toBe(200);
    await expect(truncated.text()).rejects.toThrow(/terminated/);
    sim.faults.addRule({ path: '/counter', effect: { delayMs: 30 } });
    const started = performance.now();
    expect((await fetch(`${host}/counter`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('maintenance pages, 404 with the nearest route, 405 with Allow and 204-style bodies', async () => {
    const page = await fetch(`${host}/notes`, { headers: { 'x-goskit-scenario': 'maintenance' } });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('Технические работы');
    const missing = await fetch(`${host}/notez`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ nearest: 'GET /notes' });
    const wrong = await fetch(`${host}/counter`, { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    sim.faults.addRule({ path: '/page', effect: { status: 204 } });
    const empty = await fetch(`${host}/page`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it('rate limits answer through MSW with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await fetch(`${host}/counter`);
      statuses.push([response.status, response.headers.get('retry-after')]);
    }
    expect(statuses).toEqual([
      [200, null],
      [200, null],
      [200, null],
      [429, '1'],
    ]);
  });

  it('serves the built-in school portal on its real host', async () => {
    const school = await fetch('https://school.goskit.test/school');
    expect(await school.json()).toMatchObject({ shortName: 'Демо школа', classes: 22 });
    const students = (await (await fetch('https://school.goskit.test/classes/1А/students')).json()) as {
      items: { lastName: string }[];
    };
    expect(students.items[0]?.lastName).toBe('Иванов');
    expect(sim.contractViolations()).toEqual([]);
  });
});
