import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import {
  bearer,
  createDraft,
  epguRequest,
  jsonOf,
  newEpguSim,
  orderArchive,
  orderOf,
  pushRequest,
  REQ_XML,
  SCHOOL_ORDER,
  textOf,
  zipArchive,
} from './epgu-support.js';

let sim: Simulator;
afterEach(() => {
  expect(sim.contractViolations()).toEqual([]);
});

/** `YYYY-MM-DDTHH:mm:ss.SSS` in UTC of a virtual instant (the spec's footnote 6). */
const utc = (ms: number) => new Date(ms).toISOString().slice(0, 23);
/** The same instant as Moscow wall-clock time (what the simulator read it as before: a 3-hour shift). */
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
    const b = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(600)))).orderId as number;
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
        // The spec's format: no zone, UTC.
        status: { statusId: 0, statusName: 'Черновик заявления', updated: utc(sim.clock.now()) },
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
    const pushed = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(600)))).orderId as number;
    await createDraft(sim, bearer(77));
    const query = (after: number) =>
      epguRequest(
        'GET',
        `/api/gusmev/order/getUpdatedAfter?pageNum=0&pageSize=50&updatedAfter=${utc(after)}`,
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
    // A page's `updated` is a valid `updatedAfter`: asking after it drops that change.
    const lastUpdated = contentOf(later)[0]?.status?.updated as string;
    const after = await sim.handle(
      epguRequest(
        'GET',
        `/api/gusmev/order/getUpdatedAfter?pageNum=0&pageSize=50&updatedAfter=${lastUpdated}`,
      ),
    );
    expect(contentOf(jsonOf(after))).toEqual([]);
  });

  it('reads updatedAfter as UTC (footnote 6), not Moscow time', async () => {
    sim = newEpguSim();
    const created = sim.clock.now();
    const orderId = await createDraft(sim);
    const list = async (value: string) =>
      contentOf(
        jsonOf(
          await sim.handle(
            epguRequest(
              'GET',
              `/api/gusmev/order/getUpdatedAfter?pageNum=0&pageSize=5&updatedAfter=${value}`,
            ),
          ),
        ),
      ).map((item) => item.orderId);
    expect(await list(utc(created - 1))).toEqual([orderId]);
    expect(await list(utc(created))).toEqual([]);
    // Moscow wall-clock time of a minute before is three hours in the future as UTC: nothing.
    expect(await list(msk(created - 60_000))).toEqual([]);
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

describe('EPGU file downloads', () => {
  it('orderAttachmentFiles lists the files inside the pushed archive; each link downloads its bytes', async () => {
    sim = newEpguSim();
    const scan = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]);
    const archive = zipArchive([
      { name: 'req_8d8567db.xml', data: REQ_XML },
      { name: 'req_8d8567db.xml.sig', data: 'signature' },
      { name: 'trans_8d8567db.xml', data: '<trans/>' },
      { name: 'скан.pdf', data: scan, method: 'stored' },
    ]);
    const orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, archive))).orderId as number;
    const order = await orderOf(sim, orderId);
    const files = order.orderAttachmentFiles as Record<string, unknown>[];
    expect(files).toEqual([
      {
        fileName: 'req_8d8567db.xml',
        fileSize: new TextEncoder().encode(REQ_XML).length,
        link: `terrabyte://00/${orderId}/req_8d8567db.xml/2`,
        id: `${orderId}/files/${Buffer.from('req_8d8567db.xml').toString('base64url')}`,
        mimeType: 'application/xml',
        hasDigitalSignature: true,
        type: 'REQUEST',
      },
      expect.objectContaining({ fileName: 'req_8d8567db.xml.sig', mimeType: 'application/pkcs7-signature' }),
      expect.objectContaining({
        fileName: 'trans_8d8567db.xml',
        type: 'ATTACHMENT',
        hasDigitalSignature: false,
      }),
      expect.objectContaining({ fileName: 'скан.pdf', fileSize: 8, mimeType: 'application/pdf' }),
    ]);
    // The spec's own id of req.xml: 2058864134/files/cmVxLnhtbA.
    expect(Buffer.from('req.xml').toString('base64url')).toBe('cmVxLnhtbA');
    for (const file of files) {
      // As go-api-epgu turns a link into a URL: the last three segments.
      const [, objectId, mnemonic, objectType] =
        /^terrabyte:\/\/.*\/(.*)\/(.*)\/(.*)$/.exec(String(file.link)) ?? [];
      const response = await sim.handle(
        epguRequest(
          'GET',
          `/api/storage/v2/files/${objectId}/${objectType}/download?mnemonic=${encodeURIComponent(String(mnemonic))}`,
        ),
      );
      expect(response.status, String(file.fileName)).toBe(200);
      expect(response.headers['content-type']).toBe(file.mimeType);
      const body = response.body as Uint8Array;
      expect(body.byteLength).toBe(file.fileSize);
      if (file.fileName === 'req_8d8567db.xml') {
        expect(new TextDecoder().decode(body)).toBe(REQ_XML);
      }
      if (file.fileName === 'скан.pdf') {
        expect([...body]).toEqual([...scan]);
        expect(response.headers['content-disposition']).toContain(
          "filename*=UTF-8''%D1%81%D0%BA%D0%B0%D0%BD.pdf",
        );
      }
    }
    const missing = await sim.handle(
      epguRequest('GET', `/api/storage/v2/files/${orderId}/2/download?mnemonic=other.xml`),
    );
    expect(missing.status).toBe(204);
    expect(
      (
        await sim.handle(
          epguRequest('GET', `/api/storage/v2/files/${orderId}/2/download?mnemonic=req_8d8567db.xml`, {
            token: bearer(3),
          }),
        )
      ).status,
    ).toBe(403);
  });

  it('the result: listed once the service is provided, link objectId = currentStatusHistoryId, objectType 3', async () => {
    sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 0 } });
    const orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(600)))).orderId as number;
    const early = await orderOf(sim, orderId);
    expect(early.orderResponseFiles).toEqual([]);
    sim.clock.advance('PT10M');
    const order = await orderOf(sim, orderId);
    const historyId = order.currentStatusHistoryId as number;
    const [file] = order.orderResponseFiles as { fileName: string; link: string; fileSize: number }[];
    expect(file).toEqual({
      hasAltMimeType: false,
      fileName: `result_${orderId}.pdf`,
      edsStatus: 'EDS_NOT_SUPPORTED',
      fileSize: expect.any(Number),
      link: `terrabyte://00/${historyId}/result_${orderId}.pdf/3`,
      id: `${historyId}/files/${Buffer.from(`result_${orderId}.pdf`).toString('base64url')}`,
      mimeType: 'application/pdf',
      hasDigitalSignature: false,
    });
    const path = `/api/storage/v2/files/${historyId}/3/download?mnemonic=result_${orderId}.pdf`;
    const response = await sim.handle(epguRequest('GET', path));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = textOf(response);
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain(`EPGU order ${orderId}`);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.length).toBe(file?.fileSize);
    expect((await sim.handle(epguRequest('GET', path, { token: bearer(3) }))).status).toBe(403);
    // An earlier status of the order holds no result; neither does another name.
    for (const other of [
      `/api/storage/v2/files/${historyId - 1}/3/download?mnemonic=result_${orderId}.pdf`,
      `/api/storage/v2/files/${historyId}/3/download?mnemonic=other.pdf`,
    ]) {
      expect((await sim.handle(epguRequest('GET', other))).status).toBe(204);
    }
    const noMnemonic = await sim.handle(epguRequest('GET', `/api/storage/v2/files/${historyId}/3/download`));
    expect(noMnemonic.status).toBe(400);
    const badType = await sim.handle(
      epguRequest('GET', `/api/storage/v2/files/${orderId}/9/download?mnemonic=x`),
    );
    expect(jsonOf(badType).message).toMatch(/^objectType: expected 2/);
  });
});

describe('EPGU dictionaries', () => {
  it('serves demo dictionaries without auth; an unknown code → 200 with error.code 7, as the real NSI', async () => {
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
    expect(body.items).toContainEqual({
      value: '45000000000',
      parentValue: null,
      title: 'г. Москва',
      isLeaf: true,
      children: [],
      attributes: [],
      source: null,
      attributeValues: {},
    });
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
    for (const code of ['NO_SUCH', '__proto__', 'constructor']) {
      const unknown = await sim.handle(
        epguRequest('POST', `/api/nsi/v1/dictionary/${code}`, {
          token: null,
          json: { treeFiltering: 'ONELEVEL' },
        }),
      );
      expect(unknown.status).toBe(200);
      expect(jsonOf(unknown)).toEqual({
        error: { code: 7, message: 'Entity not found' },
        fieldErrors: [],
        total: 0,
        items: [],
      });
    }
    const legacy = newEpguSim({ unknownDictionary: 'not-found' });
    const notFound = await legacy.handle(
      epguRequest('POST', '/api/nsi/v1/dictionary/NO_SUCH', { token: null, json: {} }),
    );
    expect(notFound.status).toBe(404);
    expect(jsonOf(notFound).code).toBe('not_found');
    expect(legacy.contractViolations()).toEqual([]);
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
