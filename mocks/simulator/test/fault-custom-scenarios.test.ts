/**
 * Issue 11 §2, custom faults: named scenarios of your own (a list of rules), listed and enabled like
 * the built-in ones, and fault rules refused when they name a portal or operation no loaded portal
 * has — the documented `token.exchange` never fired, since ESIA's route is `token`.
 */
import { describe, expect, it } from 'vitest';
import { FAULT_HEADER } from '../src/engine/faults/fault-report.js';
import { createSimulator, type SimulatorOptions } from '../src/index.js';
import { bodyOf, simRequest } from './fixtures/requests.js';
import { testPortal } from './fixtures/test-portal.js';

const unlimited = { test: { ratePerSecond: 1e9, burst: 1e9 } };
const make = (options: SimulatorOptions = {}) =>
  createSimulator({ portals: [testPortal], rateLimits: unlimited, ...options });

async function statuses(sim: ReturnType<typeof make>, n: number, path = '/counter', headers = {}) {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    out.push((await sim.handle(simRequest(path, { headers }))).status);
  }
  return out;
}

function caught(run: () => unknown): Error & { code?: string; field?: string; valid?: string[] } {
  try {
    run();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

describe('addRule checks portal and operation names against the loaded portals', () => {
  it('refuses token.exchange on the built-in ESIA portal, naming token and the valid operations', () => {
    const sim = createSimulator();
    const error = caught(() =>
      sim.faults.addRule({ portal: 'esia', operation: 'token.exchange', effect: { status: 503 } }),
    );
    expect(error).toMatchObject({ code: 'INVALID_RULE', field: 'operation' });
    expect(error.message).toContain('portal "esia" has no operation "token.exchange"');
    expect(error.message).toContain('did you mean "token"?');
    expect(error.valid).toEqual(expect.arrayContaining(['authorize', 'token', 'getPerson', 'login.submit']));
    expect(error.valid).not.toContain('createOrder');
    expect(sim.faults.rules()).toEqual([]);
    // The real name is accepted and fires.
    expect(sim.faults.addRule({ portal: 'esia', operation: 'token', effect: { status: 503 } })).toBe('r1');
  });

  it('an operation without a portal must exist in some loaded portal; the list is grouped by portal', () => {
    const sim = createSimulator();
    const error = caught(() => sim.faults.addRule({ operation: 'createOrdr', effect: { status: 500 } }));
    expect(error).toMatchObject({ code: 'INVALID_RULE', field: 'operation' });
    expect(error.message).toContain('did you mean "createOrder"?');
    expect(error.message).toMatch(/school: school\.get, .*; esia: authorize, .*; epgu: createOrder/);
    expect(sim.faults.addRule({ operation: 'createOrder', effect: { status: 500 } })).toBe('r1');
  });

  it('an unknown portal is refused with the loaded ones; hostile names are plain unknown names', () => {
    const sim = make();
    for (const portal of ['esia', '__proto__', 'constructor', 'toString']) {
      const error = caught(() => sim.faults.addRule({ portal, effect: { status: 500 } }));
      expect(error).toMatchObject({ code: 'INVALID_RULE', field: 'portal', valid: ['test'] });
    }
    const operation = caught(() => sim.faults.addRule({ operation: 'constructor', effect: { status: 500 } }));
    expect(operation).toMatchObject({ code: 'INVALID_RULE', field: 'operation' });
    expect(caught(() => sim.faults.enable('slow', { portals: ['nope'] }))).toMatchObject({
      code: 'UNKNOWN_PORTAL',
      field: 'portals',
    });
    expect(sim.faults.active()).toEqual([]);
  });
});

describe('custom scenarios', () => {
  const outage = {
    name: 'test-outage',
    description: 'the counter fails twice, notes are slow',
    rules: [
      { operation: 'counter.next', firstN: 2, effect: { status: 503 } },
      { id: 'slow-notes', operation: 'notes.list', effect: { delayMs: 40 } },
    ],
  };

  it('are listed with the built-in ones, fire only while enabled, label effects <name>:<rule>', async () => {
    const sim = make();
    sim.faults.defineScenario(outage);
    const listed = sim.faults.scenarios();
    expect(listed.find((s) => s.name === 'flaky')).toMatchObject({ custom: false });
    expect(listed.find((s) => s.name === 'test-outage')).toMatchObject({
      custom: true,
      active: false,
      description: 'the counter fails twice, notes are slow',
      rules: [
        { id: '1', operation: 'counter.next', firstN: 2, effect: { status: 503 } },
        { id: 'slow-notes', operation: 'notes.list', effect: { delayMs: 40 } },
      ],
    });
    expect(await statuses(sim, 1)).toEqual([200]);
    sim.faults.enable('test-outage');
    expect(await statuses(sim, 3)).toEqual([503, 503, 200]);
    const notes = await sim.handle(simRequest('/notes'));
    expect(notes.status).toBe(200);
    expect(notes.delayMs).toBe(40);
    expect(notes.headers[FAULT_HEADER]).toBe('test-outage:slow-notes; seed=goskit');
    const faulted = sim.journal.find({ operation: 'counter.next', status: 503 });
    expect(faulted.map((entry) => [entry.effects, entry.scenario])).toEqual([
      [['test-outage:1'], 'test-outage'],
      [['test-outage:1'], 'test-outage'],
    ]);
    sim.faults.disable('test-outage');
    expect((await sim.handle(simRequest('/notes'))).delayMs).toBeUndefined();
  });

  it('firstN counts from each enable; the per-request header applies one too', async () => {
    const sim = make();
    sim.faults.defineScenario(outage);
    sim.faults.enable('test-outage');
    expect(await statuses(sim, 3)).toEqual([503, 503, 200]);
    sim.faults.enable('test-outage');
    expect(await statuses(sim, 3)).toEqual([503, 503, 200]);
    sim.faults.disable('test-outage');
    expect(await statuses(sim, 1, '/counter', { 'x-goskit-scenario': 'slow,test-outage' })).toEqual([503]);
    expect(await statuses(sim, 1)).toEqual([200]);
  });

  it('probabilistic rules replay with the seed and draw from their own streams', async () => {
    const run = async (seed: string, withFlaky: boolean) => {
      const sim = make({ seed, journalSize: 500, maxDelayMs: 0 });
      sim.faults.defineScenario({
        name: 'coin',
        rules: [{ operation: 'counter.next', probability: 0.3, effect: { status: 500 } }],
      });
      sim.faults.enable('coin');
      if (withFlaky) {
        sim.faults.enable('slow');
      }
      await statuses(sim, 300);
      return sim.journal.entries().map((entry) => entry.effects.includes('coin:1'));
    };
    const first = await run('coin-seed', false);
    expect(first.filter(Boolean).length).toBeGreaterThan(60);
    expect(first.filter(Boolean).length).toBeLessThan(120);
    expect(await run('coin-seed', false)).toEqual(first);
    // Another scenario drawing its own numbers does not shift this one's.
    expect(await run('coin-seed', true)).toEqual(first);
    expect(await run('other-seed', false)).not.toEqual(first);
  });

  it('survive reset() (only activation goes back to the options), can be replaced and removed', async () => {
    const sim = make({ scenarios: ['slow'], maxDelayMs: 0 });
    sim.faults.defineScenario(outage);
    sim.faults.enable('test-outage');
    sim.reset();
    expect(sim.faults.active()).toEqual(['slow']);
    expect(sim.faults.scenarios().map((s) => s.name)).toContain('test-outage');
    sim.faults.enable('test-outage');
    sim.faults.defineScenario({
      name: 'test-outage',
      rules: [{ path: '/counter', firstN: 1, effect: { status: 418 } }],
    });
    expect(sim.faults.active()).toContain('test-outage');
    expect(await statuses(sim, 2)).toEqual([418, 200]);
    expect(sim.faults.removeScenario('test-outage')).toBe(true);
    expect(sim.faults.active()).toEqual(['slow']);
    expect(sim.faults.removeScenario('test-outage')).toBe(false);
    expect(caught(() => sim.faults.enable('test-outage'))).toMatchObject({ code: 'UNKNOWN_SCENARIO' });
    expect(caught(() => sim.faults.removeScenario('flaky'))).toMatchObject({ code: 'INVALID_SCENARIO' });
  });

  it('snapshot/restore keeps a custom scenario mid-way through its firstN', async () => {
    const sim = make();
    sim.faults.defineScenario(outage);
    sim.faults.enable('test-outage');
    expect(await statuses(sim, 1)).toEqual([503]);
    const snapshot = sim.snapshot();
    expect(await statuses(sim, 2)).toEqual([503, 200]);
    sim.restore(snapshot);
    expect(await statuses(sim, 2)).toEqual([503, 200]);
  });

  it('names like constructor and toString are plain names (memory is read with an own-property check)', async () => {
    const sim = make();
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      sim.faults.defineScenario({
        name,
        rules: [{ operation: 'counter.next', firstN: 1, effect: { status: 502 } }],
      });
      sim.faults.enable(name);
      expect(await statuses(sim, 2)).toEqual([502, 200]);
      sim.faults.disable(name);
    }
    expect(Object.hasOwn(Object.prototype, 'matched:1')).toBe(false);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('refuses bad definitions naming the field', () => {
    const sim = make();
    const define = (scenario: unknown) => caught(() => sim.faults.defineScenario(scenario as never));
    expect(define({ name: 'flaky', rules: [{ effect: { status: 500 } }] })).toMatchObject({
      code: 'INVALID_SCENARIO',
      field: 'name',
    });
    for (const name of ['', '__proto__', 'a,b', 'with space', 'x'.repeat(65), 42]) {
      expect(define({ name, rules: [{ effect: { status: 500 } }] })).toMatchObject({
        code: 'INVALID_SCENARIO',
        field: 'name',
      });
    }
    expect(define({ name: 'none', rules: [] })).toMatchObject({ code: 'INVALID_SCENARIO', field: 'rules' });
    expect(
      define({ name: 'many', rules: Array.from({ length: 101 }, () => ({ effect: { status: 500 } })) }),
    ).toMatchObject({ code: 'INVALID_SCENARIO', field: 'rules' });
    expect(
      define({ name: 'bad', rules: [{ effect: { status: 500 } }, { effect: { status: 42 } }] }),
    ).toMatchObject({
      code: 'INVALID_RULE',
      field: 'rules.1.effect.status',
    });
    expect(define({ name: 'bad', rules: [{ operation: 'token', effect: { status: 500 } }] })).toMatchObject({
      code: 'INVALID_RULE',
      field: 'rules.0.operation',
    });
    expect(
      define({
        name: 'dup',
        rules: [
          { id: 'a', effect: { status: 500 } },
          { id: 'a', effect: { status: 502 } },
        ],
      }),
    ).toMatchObject({ code: 'INVALID_RULE', field: 'rules.1.id' });
    expect(
      define({ name: 'long', description: 'x'.repeat(501), rules: [{ effect: { status: 500 } }] }),
    ).toMatchObject({
      code: 'INVALID_SCENARIO',
      field: 'description',
    });
    expect(sim.faults.scenarios().filter((s) => s.custom)).toEqual([]);
  });

  it('at most 100 custom scenarios', () => {
    const sim = make();
    for (let i = 0; i < 100; i += 1) {
      sim.faults.defineScenario({ name: `s${i}`, rules: [{ effect: { status: 500 } }] });
    }
    expect(
      caught(() => sim.faults.defineScenario({ name: 's100', rules: [{ effect: { status: 500 } }] })),
    ).toMatchObject({ code: 'INVALID_SCENARIO' });
    // Replacing one of them is still allowed.
    sim.faults.defineScenario({ name: 's0', rules: [{ effect: { status: 502 } }] });
  });

  it('a replaced scenario answers its new effect body', async () => {
    const sim = make();
    sim.faults.defineScenario({
      name: 'teapot',
      rules: [{ path: '/counter', effect: { status: 418, body: 'teapot' } }],
    });
    const answer = await sim.handle(simRequest('/counter', { headers: { 'x-goskit-scenario': 'teapot' } }));
    expect([answer.status, bodyOf(answer)]).toEqual([418, 'teapot']);
  });
});
