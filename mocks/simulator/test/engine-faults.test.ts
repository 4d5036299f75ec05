import { describe, expect, it } from 'vitest';
import { FAULT_HEADER } from '../src/engine/faults/fault-report.js';
import { createSimulator, type SimulatorOptions, withScenario } from '../src/index.js';
import { definePortal, describeRun, json } from '../src/portal-kit.js';
import { bodyOf, jsonOf, simRequest } from './fixtures/requests.js';
import { type TestPortalState, testPortal } from './fixtures/test-portal.js';

const unlimited = { test: { ratePerSecond: 1e9, burst: 1e9 } };
/** A second loaded portal, so scoping a scenario or a rule to another portal can be shown. */
const otherPortal = definePortal({
  name: 'other',
  title: 'Other',
  hosts: ['https://other.test'],
  prefix: '/other',
  createState: () => ({}),
  routes: [{ method: 'GET', path: '/ping', operation: 'ping', handler: () => json({ ok: true }) }],
});
const make = (options: SimulatorOptions = {}) =>
  createSimulator({ portals: [testPortal], rateLimits: unlimited, maxDelayMs: 10_000, ...options });

async function run(sim: ReturnType<typeof make>, n: number, path = '/counter') {
  const out = [];
  for (let i = 0; i < n; i += 1) {
    out.push(await sim.handle(simRequest(path)));
  }
  return out;
}

describe('flaky', () => {
  it('fails about 10% with 5xx, 5% with timeouts, some corrupt bodies and 429 bursts', async () => {
    const sim = make({ seed: 'flaky-1', scenarios: ['flaky'], journalSize: 2000 });
    await run(sim, 2000);
    const effects = sim.journal.entries().flatMap((e) => e.effects);
    const count = (prefix: string) => effects.filter((e) => e.startsWith(prefix)).length;
    const fiveXX = count('flaky:50');
    expect(fiveXX).toBeGreaterThan(120);
    expect(fiveXX).toBeLessThan(280);
    expect(count('flaky:timeout')).toBeGreaterThan(50);
    expect(count('flaky:timeout')).toBeLessThan(150);
    expect(count('flaky:corrupt-body')).toBeGreaterThan(3);
    expect(count('flaky:429-burst')).toBeGreaterThan(40);
    const throttled = sim.journal.find({ status: 429 });
    expect(throttled.length).toBe(count('flaky:429-burst'));
    // Bursts come in runs: a 429 is usually followed by another one.
    const statuses = sim.journal.entries().map((e) => e.status);
    const runs = statuses.filter((s, i) => s === 429 && statuses[i + 1] === 429).length;
    expect(runs).toBeGreaterThan(throttled.length / 2);
  });

  it('same seed → same failures; another seed → other failures', async () => {
    const statuses = async (seed: string) => {
      const sim = make({ seed, scenarios: ['flaky'] });
      await run(sim, 300);
      return sim.journal.entries().map((e) => `${e.status}:${e.effects.join('+')}`);
    };
    expect(await statuses('same')).toEqual(await statuses('same'));
    expect(await statuses('same')).not.toEqual(await statuses('other'));
  });

  it('5xx and timeouts do not reach the portal: its state only counts successful calls', async () => {
    const sim = make({ seed: 'state', scenarios: ['flaky'] });
    await run(sim, 200);
    const reached = sim.journal.entries().filter((e) => e.status === 200).length;
    const corrupted = sim.journal
      .find({ status: 200 })
      .filter((e) => e.effects.includes('flaky:corrupt-body')).length;
    expect(sim.portalState<TestPortalState>('test').counter).toBe(reached);
    expect(corrupted).toBeLessThanOrEqual(reached);
  });

  it('timeouts are a delay capped by maxDelayMs, then a network error', async () => {
    const sim = make({ seed: 'flaky-1', scenarios: ['flaky'], maxDelayMs: 1234 });
    const responses = await run(sim, 300);
    const timeouts = responses.filter((r) => r.fault === 'network-error');
    expect(timeouts.length).toBeGreaterThan(0);
    for (const response of timeouts) {
      expect(response.delayMs).toBe(1234);
    }
  });
});

describe('slow', () => {
  it('log-normal latency: median near 300 ms, p99 near 2 s, never above the cap', async () => {
    const sim = make({ seed: 'slow', scenarios: ['slow'] });
    const delays = (await run(sim, 3000)).map((r) => r.delayMs ?? 0).sort((a, b) => a - b);
    const median = delays[1500] ?? 0;
    const p99 = delays[2970] ?? 0;
    expect(median).toBeGreaterThan(250);
    expect(median).toBeLessThan(360);
    expect(p99).toBeGreaterThan(1400);
    expect(p99).toBeLessThan(2800);
    const capped = make({ seed: 'slow', scenarios: ['slow'], maxDelayMs: 500 });
    expect(Math.max(...(await run(capped, 500)).map((r) => r.delayMs ?? 0))).toBe(500);
  });
});

describe('maintenance, down and body quirks', () => {
  it('maintenance answers the Russian HTML page with 503 + Retry-After, maintenance-200 with 200', async () => {
    const sim = make({ scenarios: ['maintenance'] });
    const [page] = await run(sim, 1);
    expect(page?.status).toBe(503);
    expect(page?.headers['retry-after']).toBe('3600');
    expect(page?.headers['content-type']).toMatch(/text\/html/);
    expect(bodyOf(page ?? {})).toContain('Технические работы');
    sim.faults.disable('maintenance');
    sim.faults.enable('maintenance-200');
    const [ok] = await run(sim, 1);
    expect(ok?.status).toBe(200);
    expect(bodyOf(ok ?? {})).toContain('Технические работы');
    expect(sim.portalState<TestPortalState>('test').counter).toBe(0);
  });

  it('down resets every connection', async () => {
    const sim = make({ scenarios: ['down'] });
    const responses = await run(sim, 3);
    expect(responses.every((r) => r.fault === 'connection-reset')).toBe(true);
    expect(sim.journal.find({ status: 0 })).toHaveLength(3);
  });

  it('truncated-json, wrong-content-type and empty-200 mangle the real answer', async () => {
    const sim = make();
    const full = bodyOf((await run(sim, 1))[0] ?? {});
    const truncated = await sim.handle(
      simRequest('/counter', { headers: { 'x-goskit-scenario': 'truncated-json' } }),
    );
    expect(truncated.truncateAt).toBe(Math.floor(new TextEncoder().encode(full).length / 2));
    const wrong = await sim.handle(
      simRequest('/counter', { headers: { 'x-goskit-scenario': 'wrong-content-type' } }),
    );
    expect(wrong.headers['content-type']).toMatch(/text\/html/);
    expect(jsonOf(wrong)).toEqual({ value: 3 });
    const empty = await sim.handle(simRequest('/counter', { headers: { 'x-goskit-scenario': 'empty-200' } }));
    expect(empty.status).toBe(200);
    expect(bodyOf(empty)).toBe('');
  });

  it('scenarios compose: slow + maintenance gives a delayed maintenance page', async () => {
    const sim = make({ seed: 'compose', scenarios: ['slow', 'maintenance'] });
    const [response] = await run(sim, 1);
    expect(response?.status).toBe(503);
    expect(response?.delayMs).toBeGreaterThan(0);
    expect(sim.journal.entries()[0]?.effects).toEqual(['slow:delay', 'maintenance:503']);
  });
});

describe('scenario selection', () => {
  it('lists scenarios, rejects unknown names with the valid ones, scopes by portal', async () => {
    const sim = make({ portals: [testPortal, otherPortal] });
    expect(sim.faults.scenarios().map((s) => s.name)).toEqual(
      expect.arrayContaining(['flaky', 'slow', 'maintenance', 'maintenance-200', 'down']),
    );
    expect(() => sim.faults.enable('flakey')).toThrowError(/UNKNOWN|valid: flaky, slow/);
    expect(() => sim.faults.enable('flakey')).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_SCENARIO' }),
    );
    sim.faults.enable('down', { portals: ['other'] });
    expect(sim.faults.active()).toEqual(['down']);
    expect((await run(sim, 1))[0]?.status).toBe(200);
    expect(sim.faults.scenarios().find((s) => s.name === 'down')?.active).toBe(true);
  });

  it('x-goskit-scenario applies to one request; unknown names answer 400 listing valid ones', async () => {
    const sim = make();
    const down = await sim.handle(simRequest('/counter', { headers: { 'x-goskit-scenario': 'slow, down' } }));
    expect(down.fault).toBe('connection-reset');
    expect((await sim.handle(simRequest('/counter'))).status).toBe(200);
    const bad = await sim.handle(simRequest('/counter', { headers: { 'x-goskit-scenario': 'nope' } }));
    expect(bad.status).toBe(400);
    expect(jsonOf(bad)).toMatchObject({
      error: 'unknown_scenario',
      scenarios: expect.arrayContaining(['flaky']),
    });
  });

  it('withScenario enables around sync and async functions and restores after errors', async () => {
    const sim = make();
    sim.faults.enable('slow');
    const inside = sim.faults.withScenario('maintenance', () => sim.faults.active());
    expect(inside).toEqual(['slow', 'maintenance']);
    expect(sim.faults.active()).toEqual(['slow']);
    const status = await sim.faults.withScenario(
      'down',
      async () => (await sim.handle(simRequest('/counter'))).fault,
    );
    expect(status).toBe('connection-reset');
    expect(sim.faults.active()).toEqual(['slow']);
    expect(() =>
      sim.faults.withScenario('down', () => {
        throw new Error('test failed');
      }),
    ).toThrow('test failed');
    expect(sim.faults.active()).toEqual(['slow']);
    await expect(
      withScenario(sim, 'maintenance', async () => {
        expect((await sim.handle(simRequest('/counter'))).status).toBe(503);
        throw new Error('async failure');
      }),
    ).rejects.toThrow('async failure');
    expect(sim.faults.active()).toEqual(['slow']);
  });

  it('a faulted answer names what fired and the seed in x-goskit-faults; clean answers carry nothing', async () => {
    const sim = make({ seed: 'сид 42', scenarios: ['maintenance'] });
    const [page] = await run(sim, 1);
    expect(page?.headers[FAULT_HEADER]).toBe(`maintenance:503; seed=${encodeURIComponent('сид 42')}`);
    sim.faults.disable('maintenance');
    sim.faults.addRule({ id: 'bad\r\nid,x', path: '/counter', firstN: 1, effect: { status: 502 } });
    const [ruled, clean] = await run(sim, 2);
    expect(ruled?.headers[FAULT_HEADER]).toBe('rule:bad%0D%0Aid%2Cx; seed=%D1%81%D0%B8%D0%B4%2042');
    expect(clean?.headers[FAULT_HEADER]).toBeUndefined();
    // Replaying the reported seed reproduces the same failures.
    const flaky = async (seed: string) =>
      (await run(make({ seed, scenarios: ['flaky'] }), 60)).map(
        (r) => r.headers[FAULT_HEADER] ?? r.fault ?? '',
      );
    const first = await flaky('replay-me');
    expect(first.filter((report) => report.includes('seed=replay-me')).length).toBeGreaterThan(0);
    expect(await flaky('replay-me')).toEqual(first);
  });

  it('describeRun names seed, scenarios and clock', () => {
    const sim = make({ seed: 'replay-me', scenarios: ['flaky'] });
    expect(describeRun(sim)).toBe('seed=replay-me scenarios=flaky clock=2026-09-01T06:00:00.000Z');
  });
});

describe('rules', () => {
  it('probability fires about that often, deterministically per seed', async () => {
    const hits = async (seed: string) => {
      const sim = make({ seed });
      sim.faults.addRule({ operation: 'counter.next', probability: 0.3, effect: { status: 503 } });
      await run(sim, 1000);
      return sim.journal.find({ status: 503 }).map((e) => e.id);
    };
    const first = await hits('p');
    expect(first.length).toBeGreaterThan(250);
    expect(first.length).toBeLessThan(350);
    expect(await hits('p')).toEqual(first);
  });

  it('firstN limits a rule to the first matching requests', async () => {
    const sim = make();
    const id = sim.faults.addRule({
      path: '/counter',
      firstN: 2,
      effect: { status: 500, body: { code: 'boom' } },
    });
    const responses = await run(sim, 4);
    expect(responses.map((r) => r.status)).toEqual([500, 500, 200, 200]);
    expect(jsonOf(responses[0] ?? {})).toEqual({ code: 'boom' });
    expect(sim.journal.entries()[0]?.effects).toEqual([`rule:${id}`]);
    expect(jsonOf(responses[2] ?? {})).toEqual({ value: 1 });
  });

  it('matches by method, portal and /regex/ path; modifiers keep the portal answer', async () => {
    const sim = make({ portals: [testPortal, otherPortal] });
    sim.faults.addRule({
      id: 'slow-notes',
      method: 'get',
      path: '/^\\/notes/',
      effect: { delayMs: 250, headers: { 'X-Injected': '1' } },
    });
    sim.faults.addRule({ portal: 'other', effect: { fault: 'network-error' } });
    const notes = await sim.handle(simRequest('/notes'));
    expect(notes.status).toBe(200);
    expect(notes.delayMs).toBe(250);
    expect(notes.headers['x-injected']).toBe('1');
    expect((await sim.handle(simRequest('/counter'))).delayMs).toBeUndefined();
    expect(sim.faults.rules().map((r) => r.id)).toEqual(['slow-notes', 'r1']);
    expect(sim.faults.removeRule('slow-notes')).toBe(true);
    expect((await sim.handle(simRequest('/notes'))).delayMs).toBeUndefined();
    sim.faults.clearRules();
    expect(sim.faults.rules()).toEqual([]);
  });

  it('rejects invalid rules naming the field', () => {
    const sim = make();
    const invalid = (rule: unknown) => () => sim.faults.addRule(rule as never);
    expect(invalid({ effect: { status: 999 } })).toThrowError(/INVALID|effect\.status/);
    expect(invalid({ effect: { status: 999 } })).toThrowError(
      expect.objectContaining({ code: 'INVALID_RULE' }),
    );
    expect(invalid({ probability: 2, effect: { status: 500 } })).toThrowError(/probability/);
    expect(invalid({ effect: {} })).toThrowError(/effect/);
    expect(invalid({ effect: { fault: 'explode' } })).toThrowError(/effect\.fault/);
    expect(invalid({ path: '/[/', effect: { status: 500 } })).toThrowError(/path/);
    expect(invalid({ firstN: 0, effect: { status: 500 } })).toThrowError(/firstN/);
    expect(invalid({ bogus: 1, effect: { status: 500 } })).toThrowError(
      expect.objectContaining({ code: 'INVALID_RULE' }),
    );
    sim.faults.addRule({ id: 'dup', effect: { status: 500 } });
    expect(invalid({ id: 'dup', effect: { status: 500 } })).toThrowError(/already exists/);
  });

  it('truncate, corruptBody, emptyBody and contentType rules', async () => {
    const sim = make();
    sim.faults.addRule({ path: '/notes', effect: { truncate: 5, contentType: 'text/plain' } });
    const notes = await sim.handle(simRequest('/notes'));
    expect(notes.truncateAt).toBe(5);
    expect(notes.headers['content-type']).toBe('text/plain');
    sim.faults.clearRules();
    sim.faults.addRule({ path: '/notes', effect: { corruptBody: true } });
    const corrupted = bodyOf(await sim.handle(simRequest('/notes')));
    expect(() => JSON.parse(corrupted)).toThrow();
  });
});
