import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SimulatorControl, SimulatorControlError } from '../src/control/client.js';
import { contractsFromOpenApi } from '../src/engine/contracts/openapi-contracts.js';
import type { ContractSet } from '../src/engine/types.js';
import { type Running, startServer } from './server-support.js';

const spec = parse(readFileSync(new URL('../openapi/control.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string }>>;
};
const contracts: ContractSet = contractsFromOpenApi(spec);

/** Maps '/__goskit/scenarios/flaky/enable' + POST to the spec's operationId. */
function operationFor(method: string, path: string): string | undefined {
  const inner = path.replace(/^\/__goskit/, '');
  for (const [template, item] of Object.entries(spec.paths)) {
    const regex = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = item[method.toLowerCase()];
    if (regex.test(inner) && operation !== undefined) {
      return operation.operationId;
    }
  }
  return undefined;
}

interface Checked {
  operation: string;
  status: number;
  errors: string[];
}
const checked: Checked[] = [];

/** fetch wrapper: every control answer is validated against openapi/control.yaml. */
const checkingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = new URL(String(input));
  const method = init?.method ?? 'GET';
  const operation = operationFor(method, url.pathname);
  const text = await response.clone().text();
  const contentType = response.headers.get('content-type') ?? '';
  if (operation === undefined) {
    throw new Error(`no operation in control.yaml for ${method} ${url.pathname}`);
  }
  const errors = contracts.check({ operation, status: response.status, contentType, body: JSON.parse(text) });
  checked.push({ operation, status: response.status, errors });
  return response;
};

let running: Running;
let control: SimulatorControl;
beforeAll(async () => {
  running = await startServer();
  control = new SimulatorControl({ baseUrl: running.base, fetch: checkingFetch });
});
afterAll(async () => {
  await running.server.close();
});

describe('control API over HTTP with the typed client', () => {
  it('health names the simulator, its seed and portals', async () => {
    const health = await control.health();
    expect(health).toMatchObject({
      status: 'ok',
      name: 'goskit-sim',
      seed: 'server-test',
      portals: ['counter'],
    });
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("the control API's own address answers with its routes and the portals (GET /__goskit/)", async () => {
    const index = await control.index();
    expect(index.routes).toEqual(expect.arrayContaining(['GET /__goskit/health', 'POST /__goskit/reset']));
    expect(index.portals).toEqual([{ name: 'counter', baseUrl: `${running.base}/counter` }]);
    expect(index.dashboard).toBe(`${running.base}/`);
    const bare = await fetch(`${running.base}/__goskit`);
    expect(bare.status).toBe(200);
  });

  it('portals lists base URLs on this server', async () => {
    const portals = await control.portals();
    expect(portals[0]).toMatchObject({
      name: 'counter',
      prefix: '/counter',
      baseUrl: `${running.base}/counter`,
    });
    expect(portals[0]?.routes.map((route) => route.operation)).toContain('hits.get');
    expect(portals[0]).toMatchObject({ rateLimit: null, provides: [], requires: [] });
  });

  it('scenarios: list, enable, disable, unknown → 400 listing the valid ones', async () => {
    const list = await control.scenarios.list();
    const names = list.scenarios.map((scenario) => scenario.name);
    expect(names).toEqual(expect.arrayContaining(['flaky', 'maintenance', 'slow', 'down']));
    expect((await control.scenarios.enable('slow')).active).toContain('slow');
    expect(running.sim.faults.active()).toContain('slow');
    expect((await control.scenarios.disable('slow')).active).not.toContain('slow');
    const error = await control.scenarios.enable('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimulatorControlError);
    expect(error).toMatchObject({ status: 400, code: 'UNKNOWN_SCENARIO' });
    expect((error as SimulatorControlError).message).toContain('flaky');
  });

  it('clock: get, advance by ISO duration and ms, set; bad duration → 400', async () => {
    const before = await control.clock.get();
    const after = await control.clock.advance('PT1H');
    expect(after.ms - before.ms).toBe(3_600_000);
    expect((await control.clock.advance(1000)).ms - after.ms).toBe(1000);
    const set = await control.clock.set('2027-01-01T00:00:00Z');
    expect(set.now).toBe('2027-01-01T00:00:00.000Z');
    expect(running.sim.clock.date().toISOString()).toBe('2027-01-01T00:00:00.000Z');
    await expect(control.clock.advance('one hour')).rejects.toMatchObject({ status: 400 });
  });

  it('journal: find with filters and limit, count, verify (200 / 409 with near misses), clear', async () => {
    await control.journal.clear();
    const base = running.server.baseUrl('counter');
    for (let i = 0; i < 3; i++) {
      await fetch(`${base}/hits`);
    }
    await fetch(`${base}/items/7`);
    expect(await control.journal.count()).toBe(4);
    expect(await control.journal.count({ operation: 'hits.get' })).toBe(3);
    const lastTwo = await control.journal.find({ portal: 'counter', limit: 2 });
    expect(lastTwo.map((entry) => entry.operation)).toEqual(['hits.get', 'items.get']);
    expect(await control.journal.count({ pathRegex: /^\/items\// })).toBe(1);
    expect(await control.journal.verify(3, { operation: 'hits.get' })).toBe(3);
    expect(await control.journal.verify({ atLeast: 1 }, { method: 'get', status: 200 })).toBe(4);
    const failed = await control.journal.verify(1, { operation: 'hits.gett' }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ status: 409, code: 'VERIFICATION_FAILED' });
    expect((failed as Error).message).toContain('hits.get');
    expect(await control.journal.clear()).toBe(4);
    expect(await control.journal.count()).toBe(0);
  });

  it('rules: add, list, remove, clear; invalid rule → 400 naming the field', async () => {
    const id = await control.rules.add({ portal: 'counter', operation: 'hits.get', effect: { status: 503 } });
    expect((await fetch(`${running.server.baseUrl('counter')}/hits`)).status).toBe(503);
    expect((await control.rules.list()).map((rule) => rule.id)).toContain(id);
    await control.rules.remove(id);
    expect((await fetch(`${running.server.baseUrl('counter')}/hits`)).status).toBe(200);
    await expect(control.rules.remove(id)).rejects.toMatchObject({ status: 404 });
    const bad = await control.rules.add({ effect: { status: 42 } }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400 });
    expect((bad as SimulatorControlError).body).toMatchObject({ field: 'body.effect.status' });
    await control.rules.add({ portal: 'counter', effect: { status: 500 } });
    expect(await control.rules.clear()).toBe(1);
  });

  it('rules naming a portal or operation no loaded portal has → 400 listing the valid ones', async () => {
    const wrongOperation = await control.rules
      .add({ portal: 'counter', operation: 'hits.list', effect: { status: 503 } })
      .catch((e: unknown) => e);
    expect(wrongOperation).toMatchObject({ status: 400, code: 'INVALID_RULE' });
    expect((wrongOperation as SimulatorControlError).body).toMatchObject({
      field: 'body.operation',
      valid: ['hits.get', 'echo.post', 'items.get'],
    });
    expect((wrongOperation as Error).message).toContain('did you mean "hits.get"');
    const wrongPortal = await control.rules
      .add({ portal: 'esia', effect: { status: 503 } })
      .catch((e: unknown) => e);
    expect((wrongPortal as SimulatorControlError).body).toMatchObject({
      field: 'body.portal',
      valid: ['counter'],
    });
    const scoped = await control.scenarios.enable('slow', { portals: ['nope'] }).catch((e: unknown) => e);
    expect(scoped).toMatchObject({ status: 400, code: 'UNKNOWN_PORTAL' });
    expect((scoped as SimulatorControlError).body).toMatchObject({
      field: 'body.portals',
      valid: ['counter'],
    });
    expect(await control.rules.list()).toEqual([]);
  });

  it('custom scenarios: define (201) / replace (200), listed, enabled by name, removed; bad ones → 400', async () => {
    const base = running.server.baseUrl('counter');
    const defined = await control.scenarios.define('counter-outage', {
      description: 'the counter fails twice, then answers slowly',
      rules: [
        { operation: 'hits.get', firstN: 2, effect: { status: 503 } },
        { id: 'slow', operation: 'hits.get', effect: { delayMs: 1 } },
      ],
    });
    const listed = defined.scenarios.find((scenario) => scenario.name === 'counter-outage');
    expect(listed).toMatchObject({
      custom: true,
      active: false,
      description: 'the counter fails twice, then answers slowly',
    });
    expect(listed?.rules?.map((rule) => rule.id)).toEqual(['1', 'slow']);
    expect(defined.scenarios.find((scenario) => scenario.name === 'flaky')).toMatchObject({ custom: false });
    expect((await fetch(`${base}/hits`)).status).toBe(200);
    await control.scenarios.enable('counter-outage');
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      const answer = await fetch(`${base}/hits`);
      statuses.push([answer.status, answer.headers.get('x-goskit-faults')]);
    }
    expect(statuses).toEqual([
      [503, 'counter-outage:1,counter-outage:slow; seed=server-test'],
      [503, 'counter-outage:1,counter-outage:slow; seed=server-test'],
      [200, 'counter-outage:slow; seed=server-test'],
    ]);
    // Replacing keeps it active; the new rules start afresh.
    const replaced = await fetch(`${running.base}/__goskit/scenarios/counter-outage`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ operation: 'hits.get', firstN: 1, effect: { status: 502 } }] }),
    });
    expect(replaced.status).toBe(200);
    expect((await fetch(`${base}/hits`)).status).toBe(502);
    expect((await fetch(`${base}/hits`)).status).toBe(200);
    // Survives a reset (definitions are a catalogue), which only deactivates it.
    await control.reset();
    const afterReset = await control.scenarios.list();
    expect(afterReset.scenarios.find((scenario) => scenario.name === 'counter-outage')).toMatchObject({
      active: false,
    });
    const badRule = await control.scenarios
      .define('broken', { rules: [{ operation: 'token.exchange', effect: { status: 503 } }] })
      .catch((e: unknown) => e);
    expect(badRule).toMatchObject({ status: 400, code: 'INVALID_RULE' });
    expect((badRule as SimulatorControlError).body).toMatchObject({ field: 'body.rules.0.operation' });
    const builtIn = await control.scenarios
      .define('flaky', { rules: [{ effect: { status: 500 } }] })
      .catch((e: unknown) => e);
    expect(builtIn).toMatchObject({ status: 400, code: 'INVALID_SCENARIO' });
    const empty = await control.scenarios.define('empty', { rules: [] }).catch((e: unknown) => e);
    expect((empty as SimulatorControlError).body).toMatchObject({ field: 'body.rules' });
    const badName = await control.scenarios
      .define('a,b', { rules: [{ effect: { status: 500 } }] })
      .catch((e: unknown) => e);
    expect(badName).toMatchObject({ status: 400, code: 'INVALID_SCENARIO' });
    await expect(control.scenarios.remove('flaky')).rejects.toMatchObject({
      status: 400,
      code: 'INVALID_SCENARIO',
    });
    expect((await control.scenarios.remove('counter-outage')).scenarios.map((s) => s.name)).not.toContain(
      'counter-outage',
    );
    await expect(control.scenarios.remove('counter-outage')).rejects.toMatchObject({ status: 404 });
    // Hostile names: refused or plain unknown names, never a 500.
    const proto = await control.scenarios
      .define('__proto__', { rules: [{ effect: { status: 500 } }] })
      .catch((e: unknown) => e);
    expect(proto).toMatchObject({ status: 400, code: 'INVALID_SCENARIO' });
    for (const name of ['__proto__', 'constructor', 'toString']) {
      await expect(control.scenarios.remove(name)).rejects.toMatchObject({ status: 404 });
    }
  });

  it('clock.follow(): a core Clock on the server time that moves with advance, set and reset', async () => {
    await control.reset();
    const clock = await control.clock.follow();
    expect(clock.mode).toBe(running.sim.clock.mode);
    expect(Math.abs(clock.now() - running.sim.clock.now())).toBeLessThan(1000);
    await control.clock.advance('P1D');
    expect(Math.abs(clock.now() - running.sim.clock.now())).toBeLessThan(1000);
    await control.clock.set('2030-05-05T10:00:00Z');
    expect(Math.abs(clock.now() - Date.parse('2030-05-05T10:00:00Z'))).toBeLessThan(1000);
    await control.reset();
    expect(Math.abs(clock.now() - running.sim.clock.now())).toBeLessThan(1000);
    // A change made elsewhere is seen on sync().
    running.sim.clock.advance('PT3H');
    expect(running.sim.clock.now() - clock.now()).toBeGreaterThan(3 * 3_600_000 - 1000);
    await clock.sync();
    expect(Math.abs(clock.now() - running.sim.clock.now())).toBeLessThan(1000);
    expect(await control.clock.follow()).toBe(clock);
    await control.reset();
  });

  it('seed: read, re-seed rebuilds state, reset replays it', async () => {
    const base = running.server.baseUrl('counter');
    await fetch(`${base}/hits`);
    expect((await control.seed()).seed).toBe('server-test');
    expect((await control.seed('other')).seed).toBe('other');
    expect(running.sim.seed).toBe('other');
    expect(await fetch(`${base}/hits`).then((res) => res.json())).toEqual({ hits: 1 });
    await control.reset();
    expect(await fetch(`${base}/hits`).then((res) => res.json())).toEqual({ hits: 1 });
    expect((await control.reset({ seed: 'server-test' })).seed).toBe('server-test');
    await expect(control.seed('')).rejects.toMatchObject({ status: 400 });
  });

  it('personas returns the demo personas, with the demo passwords a suite needs to log in', async () => {
    const personas = await control.personas();
    expect(personas).toEqual(running.sim.demo.personas);
    expect(personas.find((persona) => persona.id === 'parent-ivanov')).toMatchObject({
      login: 'ivan.ivanov',
      password: 'goskit-demo',
    });
  });

  it('refuses cross-site browser writes', async () => {
    const res = await fetch(`${running.base}/__goskit/reset`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
  });

  it('reports network failures with a typed error', async () => {
    const dead = new SimulatorControl({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 });
    const error = await dead.health().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, serverCode: 'NETWORK' });
    // The message names the URL it tried (issue 11 §3).
    expect((error as Error).message).toContain(
      'GET http://127.0.0.1:1/__goskit/health: cannot reach the simulator',
    );
  });

  it('every control response above matched openapi/control.yaml', () => {
    expect(checked.length).toBeGreaterThan(25);
    const operations = new Set(checked.map((entry) => entry.operation));
    for (const item of Object.values(spec.paths)) {
      for (const operation of Object.values(item)) {
        expect(operations).toContain(operation.operationId);
      }
    }
    expect(checked.filter((entry) => entry.errors.length > 0)).toEqual([]);
  });
});
