import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/index.js';
import { jsonOf, simRequest } from './fixtures/requests.js';
import { type TestPortalState, testPortal } from './fixtures/test-portal.js';

const unlimited = { test: { ratePerSecond: 1e9, burst: 1e9 } };
const post = (text: string) =>
  simRequest('/notes', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });

describe('state, reset and snapshots', () => {
  it('portal state is per instance: two simulators never share it', async () => {
    const a = createSimulator({ portals: [testPortal] });
    const b = createSimulator({ portals: [testPortal] });
    await a.handle(simRequest('/counter'));
    await a.handle(simRequest('/counter'));
    expect(a.portalState<TestPortalState>('test').counter).toBe(2);
    expect(b.portalState<TestPortalState>('test').counter).toBe(0);
    expect(() => a.portalState('nope')).toThrowError(expect.objectContaining({ code: 'UNKNOWN_PORTAL' }));
  });

  it('same seed → same ids for created data; reset() replays the seed', async () => {
    const created = async (seed: string) => {
      const sim = createSimulator({ portals: [testPortal], seed });
      return [jsonOf(await sim.handle(post('a'))).id, jsonOf(await sim.handle(post('b'))).id];
    };
    expect(await created('s1')).toEqual(await created('s1'));
    expect(await created('s1')).not.toEqual(await created('s2'));

    const sim = createSimulator({
      portals: [testPortal],
      seed: 's1',
      scenarios: ['slow'],
      rateLimits: unlimited,
    });
    const first = jsonOf(await sim.handle(post('a')));
    sim.clock.advance('P1D');
    sim.faults.enable('down');
    sim.faults.addRule({ effect: { status: 500 } });
    sim.reset();
    expect(sim.faults.active()).toEqual(['slow']);
    expect(sim.faults.rules()).toEqual([]);
    expect(sim.journal.size).toBe(0);
    expect(sim.clock.date().toISOString()).toBe('2026-09-01T06:00:00.000Z');
    expect(sim.portalState<TestPortalState>('test').notes).toHaveLength(1);
    expect(jsonOf(await sim.handle(post('a')))).toEqual(first);
  });

  it('reset({ seed }) switches the seed and regenerates demo data', () => {
    const sim = createSimulator({ portals: [testPortal], seed: 'one' });
    const before = sim.demo.organisation.ogrn;
    sim.reset({ seed: 'two' });
    expect(sim.seed).toBe('two');
    expect(sim.demo.organisation.ogrn).not.toBe(before);
    expect(sim.demo).toEqual(createSimulator({ portals: [testPortal], seed: 'two' }).demo);
  });

  it('snapshot/restore rewinds state, clock, random streams, rate buckets, faults and journal', async () => {
    const sim = createSimulator({ portals: [testPortal], seed: 'snap' });
    await sim.handle(post('kept'));
    sim.faults.addRule({ path: '/counter', firstN: 1, effect: { status: 503 } });
    const snapshot = sim.snapshot();
    const after = async () => [
      jsonOf(await sim.handle(post('next'))).id,
      (await sim.handle(simRequest('/counter'))).status,
      (await sim.handle(simRequest('/counter'))).status,
      sim.journal.size,
    ];
    const firstRun = await after();
    sim.clock.advance('PT5M');
    sim.faults.enable('down');
    sim.restore(snapshot);
    expect(sim.clock.now()).toBe(snapshot.clockMs);
    expect(sim.faults.active()).toEqual([]);
    expect(sim.portalState<TestPortalState>('test').notes.map((n) => n.text)).toEqual([
      expect.any(String),
      'kept',
    ]);
    expect(await after()).toEqual(firstRun);
    // The snapshot itself is not aliased by later requests.
    expect((snapshot.portalStates.test as TestPortalState).notes).toHaveLength(2);
    expect(() => sim.restore({ version: 2 } as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_SNAPSHOT' }),
    );
  });

  it('snapshot({ journal: false }) leaves the journal out and restore keeps the current one', async () => {
    const sim = createSimulator({ portals: [testPortal] });
    await sim.handle(simRequest('/counter'));
    const snapshot = sim.snapshot({ journal: false });
    expect(snapshot.journal).toBeUndefined();
    await sim.handle(simRequest('/counter'));
    sim.restore(snapshot);
    expect(sim.journal.size).toBe(2);
    expect(sim.portalState<TestPortalState>('test').counter).toBe(1);
  });
});
