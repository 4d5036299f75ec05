import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSimulator } from '../src/create-simulator.js';
import { validateSchema } from '../src/engine/contracts/json-schema.js';
import { epguPortal } from '../src/portals/epgu/index.js';
import { epguOpenApi } from '../src/portals/epgu/openapi.gen.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import {
  API_ORDER,
  bearer,
  createDraft,
  newEpguSim,
  orderArchive,
  orderOf,
  pushRequest,
  SCHOOL_ORDER,
} from './epgu-support.js';
import {
  acRequest,
  authorizeQuery,
  clientCredentialsForm,
  codeExchangeForm,
  encodePermissions,
  jsonOf,
  locationOf,
  loginAndConsent,
  request,
} from './esia-support.js';
import specExample from './fixtures/epgu-spec-order-example.json' with { type: 'json' };

const jsonType = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** key → JSON type, one level deep (nested objects' keys as `parent.key`). */
function shapeOf(value: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    out[`${prefix}${key}`] = jsonType(item);
    if (!prefix && item !== null && typeof item === 'object' && !Array.isArray(item)) {
      Object.assign(out, shapeOf(item as Record<string, unknown>, `${key}.`));
    }
  }
  return out;
}

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
    // The statuses the spec does not list are gone from the contract.
    const chunk = (status: number) =>
      portal.contracts?.check({
        operation: 'pushChunk',
        status,
        contentType: 'application/json',
        body: {},
      }) ?? [];
    expect(chunk(413).length).toBeGreaterThan(0);
    expect(chunk(404).length).toBeGreaterThan(0);
  });

  it('the order JSON has the 98 fields of the spec’s example with their types, and fits components.schemas.Order', async () => {
    const sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 0 } });
    const orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(800)))).orderId as number;
    sim.clock.advance('PT10M');
    const order = await orderOf(sim, orderId);
    const example = specExample as Record<string, unknown>;
    expect(Object.keys(example)).toHaveLength(98);
    expect(Object.keys(order)).toEqual(Object.keys(example));
    expect(shapeOf(order)).toEqual(shapeOf(example));
    const status = (order.statuses as Record<string, unknown>[])[0] as Record<string, unknown>;
    const exampleStatus = (example.statuses as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(shapeOf(status)).toEqual(shapeOf(exampleStatus));
    const file = (order.orderAttachmentFiles as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(shapeOf(file)).toEqual(
      shapeOf((example.orderAttachmentFiles as Record<string, unknown>[])[0] ?? {}),
    );
    const context = { root: epguOpenApi, patterns: new Map<string, RegExp>() };
    const schema = { $ref: '#/components/schemas/Order' };
    expect(validateSchema(schema, order, context)).toEqual([]);
    expect(validateSchema(schema, example, context)).toEqual([]);
    expect(validateSchema(schema, { ...order, id: '1' }, context).length).toBeGreaterThan(0);
    // A draft too.
    const draft = await orderOf(sim, await createDraft(sim));
    expect(validateSchema(schema, draft, context)).toEqual([]);
    expect(sim.contractViolations()).toEqual([]);
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
      form.set('file', new Blob([orderArchive(3000)], { type: 'application/zip' }), 'заявление.zip');
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
      const details = (await (
        await fetch(`${host}/api/gusmev/order/${orderId}`, { method: 'POST', headers: { authorization } })
      ).json()) as { order: string };
      const order = JSON.parse(details.order) as {
        orderResponseFiles: { link: string }[];
        orderAttachmentFiles: { link: string; fileName: string }[];
      };
      const links = [...order.orderAttachmentFiles, ...order.orderResponseFiles].map((file) => file.link);
      expect(links.length).toBe(statusId === 3 ? 4 : 3);
      for (const link of links) {
        const [, objectId, mnemonic, objectType] = /^terrabyte:\/\/.*\/(.*)\/(.*)\/(.*)$/.exec(link) ?? [];
        const download = await fetch(
          `${host}/api/storage/v2/files/${objectId}/${objectType}/download?mnemonic=${mnemonic}`,
          { headers: { authorization } },
        );
        expect(download.status, link).toBe(200);
        expect((await download.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
      const unauthenticated = await fetch(`${host}/api/gusmev/order/${orderId}`, { method: 'POST' });
      expect(unauthenticated.status).toBe(401);
      expect(await unauthenticated.text()).toBe('');
    }
    expect(sim.contractViolations()).toEqual([]);
  });
});

describe("EPGU 'esia' auth with tokens issued by the simulator's ESIA portal", () => {
  it('accepts openid + an APIPGU consent; refuses the api-order scope without one (403); a day later 401; prm_chg renews', async () => {
    const sim = createSimulator({
      seed: 'epgu-esia',
      portals: [esiaPortal(), epguPortal()],
      strictContracts: true,
    });
    const tokenFor = async (scope: string, permissions?: string) => {
      const query = await authorizeQuery(sim, { scope, ...(permissions ? { permissions } : {}) });
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
    // As go-api-epgu asks: scope openid, the consent in `permissions`.
    const granted = await tokenFor('openid', encodePermissions());
    const created = await sim.handle(epgu(granted));
    expect(created.status).toBe(200);
    const orderId = jsonOf(created).orderId as number;
    const parent = sim.demo.personas.find((persona) => persona.login === 'ivan.ivanov');
    const order = sim
      .portalState<{ orders: Map<string, { ownerId: string; systemId: string }> }>('epgu')
      .orders.get(String(orderId));
    expect(order).toMatchObject({ ownerId: parent?.oid, systemId: 'GOSKIT_DEMO' });
    // The api-order scope without the consent: refused, as the spec's Приложение 4 says.
    const withoutConsent = await sim.handle(epgu(await tokenFor(`openid fullname ${API_ORDER}`)));
    expect(withoutConsent.status).toBe(403);
    expect(jsonOf(withoutConsent).code).toBe('access_denied_person_permissions');
    // A forged token with the right claims but no valid signature is refused.
    expect((await sim.handle(epgu(bearer(parent?.oid ?? '1')))).status).toBe(401);
    // Consent tokens live a day on the virtual clock.
    sim.clock.advance('PT23H59M');
    expect((await sim.handle(epgu(granted))).status).toBe(200);
    sim.clock.advance('PT2M');
    expect((await sim.handle(epgu(granted))).status).toBe(401);
    // The system renews it without the person: client_credentials with prm_chg?oid=…
    const form = await clientCredentialsForm(sim, `prm_chg?oid=${parent?.oid}`);
    const renewed = jsonOf(await sim.handle(request('POST', '/aas/oauth2/v3/te', { form })));
    const again = await sim.handle(epgu(renewed.access_token as string));
    expect(again.status).toBe(200);
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
      form.set('file', new Blob([orderArchive(2048)]), 'a.zip');
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
      const archive = orderArchive(2 * 1024 + 300);
      const statuses: number[] = [];
      for (const chunk of [0, 1, 2]) {
        const part = new FormData();
        part.set('orderId', String(orderId));
        part.set(
          'file',
          new Blob([archive.subarray(chunk * 1024, Math.min(archive.length, (chunk + 1) * 1024))]),
          `big.z00${chunk + 1}`,
        );
        part.set('chunk', String(chunk));
        part.set('chunks', '3');
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
