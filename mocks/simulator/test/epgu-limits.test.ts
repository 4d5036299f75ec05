import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import { registerEpguSystem } from '../src/portals/epgu/index.js';
import { calendarWindow } from '../src/portals/epgu/request-limits.js';
import { bearer, createDraft, epguRequest, jsonOf, newEpguSim, textOf } from './epgu-support.js';

let sim: Simulator;
afterEach(() => {
  expect(sim.contractViolations()).toEqual([]);
});

const statusPage = (token?: string) =>
  epguRequest(
    'GET',
    '/api/gusmev/order/getOrdersStatus?pageNum=0&pageSize=1&orderIds=1',
    token ? { token } : {},
  );

/** Moves the virtual clock to the start of the next calendar minute. */
function toNextMinute(local: Simulator): void {
  const { endMs } = calendarWindow('minute', local.clock.now());
  local.clock.set(endMs);
}

describe('EPGU request limits (Приложение 3): per system, across its users, per calendar period', () => {
  it('per minute: bare 429 with Retry-After until the minute ends; every user of the system shares it', async () => {
    sim = newEpguSim({ limits: { perMinute: 5 } });
    toNextMinute(sim);
    sim.clock.advance('PT10S');
    const statuses: number[] = [];
    // Five users of one system: one window.
    for (let user = 1; user <= 7; user += 1) {
      statuses.push((await sim.handle(statusPage(bearer(user)))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await sim.handle(statusPage());
    expect(refused.status).toBe(429);
    expect(textOf(refused)).toBe('');
    expect(refused.headers['content-type']).toBeUndefined();
    expect(Number(refused.headers['retry-after'])).toBe(50);
    // Refused requests are not counted; another system has its own window.
    expect((await sim.handle(statusPage(bearer(1, 'openid', undefined, { clientId: 'OTHER' })))).status).toBe(
      200,
    );
    sim.clock.advance('PT49S');
    expect((await sim.handle(statusPage())).status).toBe(429);
    sim.clock.advance('PT1S');
    expect((await sim.handle(statusPage())).status).toBe(200);
    expect(sim.journal.count({ portal: 'epgu', status: 429 })).toBe(4);
  });

  it('per hour: the calendar hour; creating orders counts against the same window', async () => {
    sim = newEpguSim({ limits: { perHour: 3 } });
    sim.clock.set(calendarWindow('hour', sim.clock.now()).endMs);
    for (let i = 0; i < 3; i += 1) {
      expect((await sim.handle(statusPage())).status).toBe(200);
    }
    sim.clock.advance('PT20M');
    const refused = await sim.handle(statusPage());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBe(40 * 60);
    expect((await sim.handle(epguRequest('POST', '/api/gusmev/order', { json: {} }))).status).toBe(429);
    expect((await sim.handle(statusPage(bearer(9)))).status).toBe(429);
    sim.clock.advance('PT40M');
    expect((await sim.handle(statusPage())).status).toBe(200);
    await createDraft(sim);
  });

  it('per day, month and year too, in Moscow calendar days', () => {
    // 2026-03-31T22:30:00Z is 01:30 on 1 April in Moscow.
    const at = Date.parse('2026-03-31T22:30:00Z');
    expect(calendarWindow('day', at)).toEqual({
      startMs: Date.parse('2026-03-31T21:00:00Z'),
      endMs: Date.parse('2026-04-01T21:00:00Z'),
    });
    expect(calendarWindow('month', at)).toEqual({
      startMs: Date.parse('2026-03-31T21:00:00Z'),
      endMs: Date.parse('2026-04-30T21:00:00Z'),
    });
    expect(calendarWindow('year', at).startMs).toBe(Date.parse('2025-12-31T21:00:00Z'));
    expect(calendarWindow('minute', at + 12_345)).toEqual({ startMs: at, endMs: at + 60_000 });
    sim = newEpguSim();
  });

  it('a system registered with its own limits (data, option or control route) gets them', async () => {
    sim = newEpguSim({ limits: { perDay: 1000 } });
    registerEpguSystem(sim, { clientId: 'SMALL', limits: { perDay: 2 } });
    const small = bearer(1, 'openid', undefined, { clientId: 'SMALL' });
    expect((await sim.handle(statusPage(small))).status).toBe(200);
    expect((await sim.handle(statusPage(small))).status).toBe(200);
    const refused = await sim.handle(statusPage(small));
    expect(refused.status).toBe(429);
    const { endMs } = calendarWindow('day', sim.clock.now());
    expect(Number(refused.headers['retry-after'])).toBe(Math.ceil((endMs - sim.clock.now()) / 1000));
    // Registering a system does not close the API to the others (no systems were configured at start).
    expect((await sim.handle(statusPage())).status).toBe(200);
  });

  it('defaults are the spec figures: 2 000 a minute pass, the 2 001st is refused', async () => {
    sim = newEpguSim();
    toNextMinute(sim);
    let refusedAt = -1;
    for (let i = 0; i < 2001; i += 1) {
      const response = await sim.handle(statusPage(bearer((i % 50) + 1)));
      if (response.status === 429) {
        refusedAt = i;
        break;
      }
    }
    expect(refusedAt).toBe(2000);
  });

  it('dictionaries need no token: counted per address in the same windows', async () => {
    sim = newEpguSim({ limits: { perMinute: 2 } });
    toNextMinute(sim);
    const dictionary = (address: string) => ({
      ...epguRequest('POST', '/api/nsi/v1/dictionary/GOSKIT_REGIONS', { token: null }),
      remoteAddress: address,
    });
    expect((await sim.handle(dictionary('10.0.0.1'))).status).toBe(200);
    expect((await sim.handle(dictionary('10.0.0.1'))).status).toBe(200);
    expect((await sim.handle(dictionary('10.0.0.1'))).status).toBe(429);
    expect((await sim.handle(dictionary('10.0.0.2'))).status).toBe(200);
    // The system's own window is apart.
    expect((await sim.handle(statusPage())).status).toBe(200);
    expect(jsonOf(await sim.handle(dictionary('10.0.0.3'))).total).toBeGreaterThan(0);
  });
});
