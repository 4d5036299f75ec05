import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import {
  bearer,
  createDraft,
  epguRequest,
  jsonOf,
  newEpguSim,
  orderOf,
  pushRequest,
  SCHOOL_ORDER,
  textOf,
  zipBytes,
} from './epgu-support.js';

let sim: Simulator;
afterEach(() => {
  expect(sim.contractViolations()).toEqual([]);
});

/** `YYYY-MM-DDTHH:mm:ss.SSS` in Moscow time of a virtual instant. */
const msk = (ms: number) => new Date(ms + 3 * 3600_000).toISOString().slice(0, 23);

interface StatusItem {
  orderId: number;
  orderSearchStatus: string;
  status: { statusId: number; statusName: string; updated: string } | null;
}
const contentOf = (body: Record<string, unknown>) => body.content as StatusItem[];

describe('EPGU getOrdersStatus', () => {
  it('FOUND with the status triple, NOT_FOUND with null (also for another user’s order), paged', async () => {
    sim = newEpguSim();
    const a = await createDraft(sim);
    const b = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(64)))).orderId as number;
    const foreign = await createDraft(sim, bearer(99));
    const ids = [a, b, foreign, 1].join(',');
    const response = await sim.handle(
      epguRequest('GET', `/api/gusmev/order/getOrdersStatus?pageNum=0&pageSize=10&orderIds=${ids}`),
    );
    const body = jsonOf(response);
    expect(body).toMatchObject({ count: 4, totalCount: 4 });
    expect(contentOf(body)).toEqual([
      {
        orderId: a,
        orderSearchStatus: 'FOUND',
        status: { statusId: 0, statusName: 'Черновик заявления', updated: expect.stringMatching(/\+0300$/) },
      },
      { orderId: b, orderSearchStatus: 'FOUND', status: expect.objectContaining({ statusId: 17 }) },
      { orderId: foreign, orderSearchStatus: 'NOT_FOUND', status: null },
      { orderId: 1, orderSearchStatus: 'NOT_FOUND', status: null },
    ]);
    const page1 = jsonOf(
      await sim.handle(
        epguRequest('GET', `/api/gusmev/order/getOrdersStatus?pageNum=1&pageSize=3&orderIds=${ids}`),
      ),
    );
    expect(page1).toMatchObject({ count: 1, totalCount: 4 });
    expect(contentOf(page1)[0]?.orderId).toBe(1);
  });

  it('400 naming the bad parameter', async () => {
    sim = newEpguSim();
    const cases: [string, RegExp][] = [
      ['pageSize=10&orderIds=1', /^pageNum: required/],
      ['pageNum=0&orderIds=1', /^pageSize: required/],
      ['pageNum=0&pageSize=101&orderIds=1', /^pageSize: expected an integer from 1 to 100/],
      ['pageNum=-1&pageSize=10&orderIds=1', /^pageNum: expected an integer/],
      ['pageNum=0&pageSize=10', /^orderIds: required/],
      ['pageNum=0&pageSize=10&orderIds=1,x2', /^orderIds: 'x2' is not an order id/],
    ];
    for (const [query, message] of cases) {
      const response = await sim.handle(epguRequest('GET', `/api/gusmev/order/getOrdersStatus?${query}`));
      expect(response.status, query).toBe(400);
      expect(jsonOf(response)).toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(message),
      });
    }
    const unauthenticated = await sim.handle(
      epguRequest('GET', '/api/gusmev/order/getOrdersStatus?pageNum=0&pageSize=1&orderIds=1', {
        token: null,
      }),
    );
    expect(unauthenticated.status).toBe(401);
  });
});

describe('EPGU getUpdatedAfter', () => {
  it('lists the caller’s orders changed after the instant, oldest change first', async () => {
    sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 0 } });
    const start = sim.clock.now();
    const draft = await createDraft(sim);
    sim.clock.advance('PT1M');
    const pushed = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(64)))).orderId as number;
    await createDraft(sim, bearer(77));
    const query = (after: number) =>
      epguRequest(
        'GET',
        `/api/gusmev/order/getUpdatedAfter?pageNum=0&pageSize=50&updatedAfter=${msk(after)}`,
      );
    const all = jsonOf(await sim.handle(query(start - 1)));
    expect(contentOf(all).map((item) => item.orderId)).toEqual([draft, pushed]);
    const afterDraft = jsonOf(await sim.handle(query(start + 1)));
    expect(contentOf(afterDraft).map((item) => item.orderId)).toEqual([pushed]);
    // Time moves the pushed order on; the draft stays put.
    const checkpoint = sim.clock.now();
    sim.clock.advance('PT10M');
    const later = jsonOf(await sim.handle(query(checkpoint)));
    expect(contentOf(later)).toEqual([
      {
        orderId: pushed,
        orderSearchStatus: 'FOUND',
        status: expect.objectContaining({ statusId: 3, statusName: 'Услуга оказана' }),
      },
    ]);
    const none = jsonOf(await sim.handle(query(sim.clock.now())));
    expect(none).toEqual({ count: 0, totalCount: 0, content: [] });
  });

  it('400 for an updatedAfter outside YYYY-MM-DDTHH:mm:ss.SSS', async () => {
    sim = newEpguSim();
    for (const value of ['2026-09-01', '2026-09-01T09:00:00Z', '2026-02-31T09:00:00.000', 'yesterday']) {
      const response = await sim.handle(
        epguRequest('GET', `/api/gusmev/order/getUpdatedAfter?pageNum=0&pageSize=5&updatedAfter=${value}`),
      );
      expect(response.status, value).toBe(400);
      expect(jsonOf(response).message).toMatch(/^updatedAfter: expected YYYY-MM-DDTHH:mm:ss\.SSS/);
    }
  });
});

describe('EPGU result download', () => {
  it('404 until the service is provided, then the PDF; 403 for another user', async () => {
    sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 0 } });
    const orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(64)))).orderId as number;
    const path = `/api/storage/v2/files/${orderId}/2/download?mnemonic=result_${orderId}.pdf`;
    const early = await sim.handle(epguRequest('GET', path));
    expect(early.status).toBe(404);
    expect(jsonOf(early).code).toBe('not_found');
    sim.clock.advance('PT10M');
    const order = await orderOf(sim, orderId);
    const [file] = order.orderResponseFiles as { fileName: string; link: string; fileSize: number }[];
    expect(file?.link).toBe(`terrabyte://00/${orderId}/result_${orderId}.pdf/2`);
    const response = await sim.handle(epguRequest('GET', path));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    const text = textOf(response);
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain(`EPGU order ${orderId}`);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.length).toBe(file?.fileSize);
    expect((await sim.handle(epguRequest('GET', path, { token: bearer(3) }))).status).toBe(403);
    const wrongName = await sim.handle(
      epguRequest('GET', `/api/storage/v2/files/${orderId}/2/download?mnemonic=other.pdf`),
    );
    expect(wrongName.status).toBe(404);
    const noMnemonic = await sim.handle(epguRequest('GET', `/api/storage/v2/files/${orderId}/2/download`));
    expect(noMnemonic.status).toBe(400);
  });
});

describe('EPGU dictionaries', () => {
  it('serves demo dictionaries without auth; unknown code → 404', async () => {
    sim = newEpguSim();
    const regions = await sim.handle(
      epguRequest('POST', '/api/nsi/v1/dictionary/GOSKIT_REGIONS', {
        token: null,
        json: { treeFiltering: 'ONELEVEL' },
      }),
    );
    expect(regions.status).toBe(200);
    const body = jsonOf(regions);
    expect(body.error).toEqual({ code: 0, message: 'operation completed' });
    expect(body.items).toContainEqual(
      expect.objectContaining({ value: '45000000000', title: 'г. Москва', isLeaf: true }),
    );
    const paged = jsonOf(
      await sim.handle(
        epguRequest('POST', '/api/nsi/v1/dictionary/GOSKIT_REGIONS', {
          token: null,
          json: { pageNum: 2, pageSize: 3 },
        }),
      ),
    );
    expect(paged.total).toBe(body.total);
    expect((paged.items as unknown[]).length).toBe(3);
    const schools = jsonOf(
      await sim.handle(epguRequest('POST', '/api/nsi/v1/dictionary/GOSKIT_SCHOOLS', { token: null })),
    );
    expect(schools.items).toEqual([expect.objectContaining({ value: sim.demo.organisation.ogrn })]);
    const unknown = await sim.handle(
      epguRequest('POST', '/api/nsi/v1/dictionary/NO_SUCH', { token: null, json: {} }),
    );
    expect(unknown.status).toBe(404);
    expect(jsonOf(unknown).code).toBe('not_found');
    const badBody = await sim.handle(
      epguRequest('POST', '/api/nsi/v1/dictionary/TO_PFR', {
        token: null,
        body: '[1]',
        contentType: 'application/json',
      }),
    );
    expect(badBody.status).toBe(400);
  });
});
