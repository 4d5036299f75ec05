import { describe, expect, it } from 'vitest';
import { createSimulator, SimulatorError } from '../src/index.js';
import { simRequest } from './fixtures/requests.js';
import { testPortal } from './fixtures/test-portal.js';

const unlimited = { test: { ratePerSecond: 1e9, burst: 1e9 } };

describe('journal', () => {
  it('is a ring buffer: never grows past capacity, keeps the newest entries in order', async () => {
    const sim = createSimulator({ portals: [testPortal], journalSize: 5, rateLimits: unlimited });
    for (let i = 0; i < 12; i += 1) {
      await sim.handle(simRequest('/counter'));
    }
    expect(sim.journal.size).toBe(5);
    expect(sim.journal.capacity).toBe(5);
    expect(sim.journal.entries().map((e) => e.id)).toEqual([8, 9, 10, 11, 12]);
    expect(sim.journal.entries().at(-1)?.responseBody).toBe('{"value":12}');
    sim.journal.clear();
    expect(sim.journal.size).toBe(0);
    await sim.handle(simRequest('/counter'));
    expect(sim.journal.entries()[0]?.id).toBe(13);
  });

  it('records redacted url, headers-free bodies, virtual time and operation', async () => {
    const sim = createSimulator({ portals: [testPortal], rateLimits: unlimited });
    sim.clock.advance('PT2H');
    await sim.handle(
      simRequest('/notes', {
        method: 'POST',
        query: { access_token: 'very-secret-token' },
        headers: { 'content-type': 'application/json' },
        body: '{"text":"hi","password":"p4ss"}',
      }),
    );
    // find() redacts its hits too (redaction is deferred until an entry is read).
    expect(sim.journal.find({ operation: 'notes.create' })[0]?.url).not.toContain('very-secret-token');
    const [entry] = sim.journal.entries();
    expect(entry).toMatchObject({
      portal: 'test',
      operation: 'notes.create',
      method: 'POST',
      path: '/notes',
      status: 201,
      time: '2026-09-01T08:00:00.000Z',
    });
    expect(entry?.url).not.toContain('very-secret-token');
    expect(entry?.requestBody).toContain('"text":"hi"');
    expect(entry?.requestBody).not.toContain('p4ss');
    expect(entry?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("truncates large bodies and can record none ('none')", async () => {
    const sim = createSimulator({ portals: [testPortal], rateLimits: unlimited });
    const text = 'я'.repeat(400);
    for (let i = 0; i < 20; i += 1) {
      await sim.handle(
        simRequest('/notes', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        }),
      );
    }
    await sim.handle(simRequest('/notes'));
    const last = sim.journal.entries().at(-1);
    expect(last?.responseBody?.length).toBeLessThanOrEqual(4096 + 20);
    expect(last?.responseBody).toMatch(/…\[truncated\]$/);
    const quiet = createSimulator({ portals: [testPortal], journalBodies: 'none' });
    await quiet.handle(simRequest('/notes'));
    expect(quiet.journal.entries()[0]?.responseBody).toBeUndefined();
  });

  it('find / count filter by portal, operation, method, path (string or RegExp), status and since', async () => {
    const sim = createSimulator({ portals: [testPortal], rateLimits: unlimited });
    await sim.handle(simRequest('/counter'));
    sim.clock.advance('PT1M');
    const since = sim.clock.now();
    await sim.handle(simRequest('/notes'));
    await sim.handle(simRequest('/notes/missing'));
    expect(sim.journal.count({ operation: 'notes.get', status: 404 })).toBe(1);
    expect(sim.journal.count({ path: /^\/notes/ })).toBe(2);
    expect(sim.journal.count({ method: 'get', portal: 'test' })).toBe(3);
    expect(sim.journal.count({ since })).toBe(2);
    expect(sim.journal.find({ path: '/counter' })).toHaveLength(1);
  });

  it('verify passes on the right count and fails listing near misses and the seed', async () => {
    const sim = createSimulator({ portals: [testPortal], seed: 'journal-seed', rateLimits: unlimited });
    await sim.handle(simRequest('/notes'));
    await sim.handle(
      simRequest('/notes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"x"}',
      }),
    );
    await sim.handle(simRequest('/counter'));
    sim.journal.verify(1, { operation: 'notes.create' });
    sim.journal.verify({ atLeast: 2 }, { path: /notes/ });
    sim.journal.verify({ atMost: 0 }, { status: 500 });
    let error: unknown;
    try {
      sim.journal.verify(1, { method: 'POST', path: '/notez', status: 201 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SimulatorError);
    const message = (error as SimulatorError).message;
    expect((error as SimulatorError).code).toBe('VERIFICATION_FAILED');
    expect(message).toContain(
      'expected exactly 1 request(s) matching { method="POST", path="/notez", status=201 }, found 0',
    );
    const lines = message.split('\n');
    // The closest miss is the POST /notes → 201 (differs only in path).
    expect(lines[2]).toContain('POST test/notes → 201');
    expect(lines[2]).toContain('differs in: path');
    expect(message).toContain('seed=journal-seed');
  });
});
