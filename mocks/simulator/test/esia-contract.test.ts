import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSimulator } from '../src/create-simulator.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { esiaOpenApi } from '../src/portals/esia/openapi.gen.js';
import { authorizeQuery, newSim, request } from './esia-support.js';

describe('ESIA contract', () => {
  it('openapi.gen.ts equals packages/gosuslugi/openapi/esia.yaml (pnpm generate writes it)', () => {
    const yaml = new URL('../../../packages/gosuslugi/openapi/esia.yaml', import.meta.url);
    expect(esiaOpenApi).toEqual(parse(readFileSync(yaml, 'utf8')));
  });

  it('declares every operation the portal routes to', () => {
    const portal = esiaPortal();
    const declared = new Set(portal.contracts?.operations());
    const pages = new Set(['login.page', 'login.submit', 'consent.page', 'consent.submit']);
    for (const route of portal.routes) {
      expect(declared.has(route.operation) || pages.has(route.operation), route.operation).toBe(true);
    }
  });

  it('rate limit answers 429 with Retry-After', async () => {
    const sim = newSim({ rateLimit: { ratePerSecond: 1, burst: 2 } });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 4; i += 1) {
      const response = await sim.handle(request('GET', '/aas/oauth2/jwks'));
      statuses.push(response.status);
      retryAfter ??= response.headers['retry-after'];
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(sim.contractViolations()).toEqual([]);
  });
});

describe('ESIA through MSW with real fetch on the real hosts', () => {
  const sim = createSimulator({ seed: 'esia-msw', portals: [esiaPortal()] });
  const server = setupServer(...sim.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('v2/ac redirects to the login page on the production host too', async () => {
    const query = await authorizeQuery(sim);
    for (const host of ['https://esia-portal1.test.gosuslugi.ru', 'https://esia.gosuslugi.ru']) {
      const response = await fetch(`${host}/aas/oauth2/v2/ac?${new URLSearchParams(query)}`, {
        redirect: 'manual',
      });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toMatch(
        new RegExp(`^${host.replace(/\./g, '\\.')}/login\\?rid=`),
      );
    }
    const jwks = (await (await fetch('https://esia.gosuslugi.ru/aas/oauth2/jwks')).json()) as {
      keys: unknown[];
    };
    expect(jwks.keys).toHaveLength(1);
    expect(sim.contractViolations()).toEqual([]);
  });
});
