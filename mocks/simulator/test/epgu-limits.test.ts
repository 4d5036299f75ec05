import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import { bearer, createDraft, epguRequest, newEpguSim, textOf } from './epgu-support.js';

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

describe('EPGU request limits', () => {
  it('per minute (engine bucket): bare 429 with Retry-After in seconds, per token', async () => {
    sim = newEpguSim({ limits: { perMinute: 5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push((await sim.handle(statusPage())).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await sim.handle(statusPage());
    expect(refused.status).toBe(429);
    expect(textOf(refused)).toBe('');
    expect(refused.headers['content-type']).toBeUndefined();
    // 5 per minute refill one token every 12 s.
    expect(Number(refused.headers['retry-after'])).toBe(12);
    expect(sim.journal.count({ portal: 'epgu', status: 429 })).toBe(3);
    // Another token has its own bucket; the first one refills on the virtual clock.
    expect((await sim.handle(statusPage(bearer(2)))).status).toBe(200);
    sim.clock.advance('PT12S');
    expect((await sim.handle(statusPage())).status).toBe(200);
  });

  it('per hour (portal window): bare 429 with Retry-After until the hour ends', async () => {
    sim = newEpguSim({ limits: { perMinute: 1000, perHour: 3 } });
    for (let i = 0; i < 3; i += 1) {
      expect((await sim.handle(statusPage())).status).toBe(200);
    }
    sim.clock.advance('PT20M');
    const refused = await sim.handle(statusPage());
    expect(refused.status).toBe(429);
    expect(textOf(refused)).toBe('');
    expect(Number(refused.headers['retry-after'])).toBe(40 * 60);
    // Creating orders counts against the same window.
    expect((await sim.handle(epguRequest('POST', '/api/gusmev/order', { json: {} }))).status).toBe(429);
    expect((await sim.handle(statusPage(bearer(9)))).status).toBe(200);
    sim.clock.advance('PT40M');
    expect((await sim.handle(statusPage())).status).toBe(200);
    await createDraft(sim);
  });

  it('defaults are the reference figures: 2 000 per minute pass, the 2 001st is refused', async () => {
    sim = newEpguSim();
    let refusedAt = -1;
    for (let i = 0; i < 2001; i += 1) {
      const response = await sim.handle(statusPage());
      if (response.status === 429) {
        refusedAt = i;
        break;
      }
    }
    expect(refusedAt).toBe(2000);
  });

  it('dictionaries need no token and are not held to the token windows', async () => {
    sim = newEpguSim({ limits: { perMinute: 1000, perHour: 1 } });
    for (let i = 0; i < 3; i += 1) {
      const response = await sim.handle(
        epguRequest('POST', '/api/nsi/v1/dictionary/GOSKIT_REGIONS', { token: null }),
      );
      expect(response.status).toBe(200);
    }
  });
});
