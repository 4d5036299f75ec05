import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSimulator } from '../src/create-simulator.js';
import { epguPortal } from '../src/portals/epgu/index.js';
import { epguOpenApi } from '../src/portals/epgu/openapi.gen.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { API_ORDER, bearer, SCHOOL_ORDER, zipBytes } from './epgu-support.js';
import {
  acRequest,
  authorizeQuery,
  codeExchangeForm,
  jsonOf,
  locationOf,
  loginAndConsent,
  request,
} from './esia-support.js';

describe('EPGU contract', () => {
  it('openapi.gen.ts equals packages/gosuslugi/openapi/epgu.yaml (pnpm generate writes it)', () => {
    const yaml = new URL('../../../packages/gosuslugi/openapi/epgu.yaml', import.meta.url);
    expect(epguOpenApi).toEqual(parse(readFileSync(yaml, 'utf8')));
  });

  it('every route is a declared operation, and the contract catches a wrong answer', () => {
    const portal = epguPortal();
    const declared = new Set(portal.contracts?.operations());
    expect(portal.routes.map((route) => route.operation).sort()).toEqual([...declared].sort());
    const check = (body: unknown, status = 200) =>
      portal.contracts?.check({ operation: 'getOrder', status, contentType: 'application/json', body }) ?? [];
    expect(check({ code: 'OK', message: null, order: '{}' })).toEqual([]);
    expect(check({ code: 'OK', message: null, order: {} }).length).toBeGreaterThan(0);
    expect(check({ code: 'OK' }, 418).length).toBeGreaterThan(0);
  });
});

describe('EPGU through MSW with real fetch and FormData on the real hosts', () => {
  const sim = createSimulator({
    seed: 'epgu-msw',
    portals: [epguPortal({ auth: 'any-bearer' })],
    strictContracts: true,
  });
  const server = setupServer(...sim.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('create → push (undici multipart) → status → download, on both hosts', async () => {
    const authorization = `Bearer ${bearer(1000000001)}`;
    for (const host of ['https://svcdev-beta.test.gosuslugi.ru', 'https://lk.gosuslugi.ru']) {
      const created = await fetch(`${host}/api/gusmev/order`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(SCHOOL_ORDER),
      });
      expect(created.status).toBe(200);
      const { orderId } = (await created.json()) as { orderId: number };
      const form = new FormData();
      form.set('meta', JSON.stringify({ orderId }));
      form.set('file', new Blob([zipBytes(3000)], { type: 'application/zip' }), 'заявление.zip');
      const pushed = await fetch(`${host}/api/gusmev/push`, {
        method: 'POST',
        headers: { authorization },
        body: form,
      });
      expect(pushed.status, await pushed.clone().text()).toBe(200);
      sim.clock.advance('PT10M');
      const statuses = await fetch(
        `${host}/api/gusmev/order/getOrdersStatus?pageNum=0&pageSize=5&orderIds=${orderId}`,
        { headers: { authorization } },
      );
      const page = (await statuses.json()) as { content: { status: { statusId: number } }[] };
      const statusId = page.content[0]?.status.statusId;
      expect([3, 15, 24]).toContain(statusId);
      const download = await fetch(
        `${host}/api/storage/v2/files/${orderId}/2/download?mnemonic=result_${orderId}.pdf`,
        { headers: { authorization } },
      );
      expect(download.status).toBe(statusId === 3 ? 200 : 404);
      const unauthenticated = await fetch(`${host}/api/gusmev/order/${orderId}`, { method: 'POST' });
      expect(unauthenticated.status).toBe(401);
      expect(await unauthenticated.text()).toBe('');
    }
    expect(sim.contractViolations()).toEqual([]);
  });
});

describe("EPGU 'esia' auth with tokens issued by the simulator's ESIA portal", () => {
  it('accepts an ESIA access token with the api-order scope; refuses one without it (403)', async () => {
    const sim = createSimulator({
      seed: 'epgu-esia',
      portals: [esiaPortal(), epguPortal()],
      strictContracts: true,
    });
    const tokenFor = async (scope: string) => {
      const query = await authorizeQuery(sim, { scope });
      const back = await loginAndConsent(sim, await sim.handle(acRequest(query)), 'ivan.ivanov');
      const code = locationOf(back).searchParams.get('code') as string;
      const form = await codeExchangeForm(sim, code, { scope });
      return jsonOf(await sim.handle(request('POST', '/aas/oauth2/v3/te', { form }))).access_token as string;
    };
    const epgu = (token: string) => ({
      method: 'POST',
      portal: 'epgu',
      path: '/api/gusmev/order',
      query: new URLSearchParams(),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: new TextEncoder().encode(JSON.stringify(SCHOOL_ORDER)),
      url: 'https://svcdev-beta.test.gosuslugi.ru/api/gusmev/order',
      baseUrl: 'https://svcdev-beta.test.gosuslugi.ru',
    });
    const granted = await tokenFor(`openid fullname ${API_ORDER}`);
    const created = await sim.handle(epgu(granted));
    expect(created.status).toBe(200);
    const orderId = jsonOf(created).orderId as number;
    const parent = sim.demo.personas.find((persona) => persona.login === 'ivan.ivanov');
    expect(
      sim.portalState<{ orders: Map<string, { ownerId: string }> }>('epgu').orders.get(String(orderId))
        ?.ownerId,
    ).toBe(parent?.oid);
    const withoutScope = await sim.handle(epgu(await tokenFor('openid fullname')));
    expect(withoutScope.status).toBe(403);
    expect(jsonOf(withoutScope).code).toBe('access_denied_person_permissions');
    // A forged token with the right claims but no valid signature is refused.
    expect((await sim.handle(epgu(bearer(parent?.oid ?? '1')))).status).toBe(401);
    // Tokens expire on the virtual clock.
    sim.clock.advance('PT61M');
    expect((await sim.handle(epgu(granted))).status).toBe(401);
    expect(sim.contractViolations()).toEqual([]);
  });
});

describe('EPGU on the standalone server (127.0.0.1, ephemeral port)', () => {
  it('multipart push and chunked push over real HTTP under /epgu', async () => {
    const sim = createSimulator({
      seed: 'epgu-server',
      portals: [epguPortal({ auth: 'any-bearer', chunkMinBytes: 1024 })],
      strictContracts: true,
    });
    const server = await sim.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = server.baseUrl('epgu');
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/epgu$/);
      const authorization = `Bearer ${bearer()}`;
      const form = new FormData();
      form.set('meta', JSON.stringify(SCHOOL_ORDER));
      form.set('file', new Blob([zipBytes(2048)]), 'a.zip');
      const pushed = await fetch(`${base}/api/gusmev/push`, {
        method: 'POST',
        headers: { authorization },
        body: form,
      });
      expect(pushed.status).toBe(200);
      const created = await fetch(`${base}/api/gusmev/order`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(SCHOOL_ORDER),
      });
      const { orderId } = (await created.json()) as { orderId: number };
      const statuses: number[] = [];
      for (const [chunk, size] of [
        [0, 1024],
        [1, 1500],
        [2, 3],
      ] as const) {
        const part = new FormData();
        part.set('orderId', String(orderId));
        part.set('chunk', String(chunk));
        part.set('chunks', '3');
        if (chunk === 0) {
          part.set('meta', JSON.stringify(SCHOOL_ORDER));
        }
        part.set('file', new Blob([zipBytes(size, chunk)]), 'big.zip');
        statuses.push(
          (
            await fetch(`${base}/api/gusmev/push/chunked`, {
              method: 'POST',
              headers: { authorization },
              body: part,
            })
          ).status,
        );
      }
      expect(statuses).toEqual([206, 206, 200]);
      expect(sim.contractViolations()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
