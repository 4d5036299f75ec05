import { RateLimitError } from '@goskit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEpguClient, EPGU_TEST_URL, type EpguClientOptions, EpguError } from '../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const B = EPGU_TEST_URL;
const TOKEN = 'esia-access-token';

function client(extra: Partial<EpguClientOptions> = {}) {
  return createEpguClient({ environment: 'test', accessToken: TOKEN, retry: false, ...extra });
}

describe('EPGU orders', () => {
  it('creates an order with a JSON body and the bearer token', async () => {
    server.use(
      http.post(`${B}/api/gusmev/order`, async ({ request }) => {
        expect(request.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
        expect(await request.json()).toEqual({
          region: '45000000000',
          serviceCode: '10000000367',
          targetCode: '-10000000367',
        });
        return HttpResponse.json({ orderId: 764037284 });
      }),
    );
    expect(
      await client().createOrder({
        region: '45000000000',
        serviceCode: '10000000367',
        targetCode: '-10000000367',
      }),
    ).toEqual({
      orderId: 764037284,
    });
  });

  it('pushes multipart meta + zip', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    server.use(
      http.post(`${B}/api/gusmev/push`, async ({ request }) => {
        expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
        const form = await request.formData();
        expect(JSON.parse(form.get('meta') as string)).toEqual({
          region: '45000000000',
          serviceCode: 'S',
          targetCode: 'T',
          orderId: 7,
        });
        const file = form.get('file') as File;
        expect(file.name).toBe('archive.zip');
        expect(new Uint8Array(await file.arrayBuffer())).toEqual(zip);
        return HttpResponse.json({ orderId: 7 });
      }),
    );
    expect(
      await client().push({
        meta: { region: '45000000000', serviceCode: 'S', targetCode: 'T', orderId: 7 },
        file: zip,
      }),
    ).toEqual({
      orderId: 7,
    });
  });

  it('refuses an archive over 50 000 000 bytes before sending anything', async () => {
    // No handler: MSW's onUnhandledRequest 'error' fails the test if a request is made.
    const big = new Blob([new Uint8Array(50_000_001)]);
    const error = (await client()
      .push({ meta: {}, file: big })
      .catch((e: unknown) => e)) as EpguError;
    expect(error).toBeInstanceOf(EpguError);
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.hint?.en).toMatch(/pushChunked/);
  });

  it('parses the escaped JSON order of getOrder', async () => {
    const order = { id: 7, statusId: 2, orderStatusName: 'Принято от заявителя', title: 'Запись в 1 класс' };
    server.use(
      http.post(`${B}/api/gusmev/order/7`, () =>
        HttpResponse.json({ code: 'OK', message: null, order: JSON.stringify(order) }),
      ),
    );
    const details = await client().getOrder(7);
    expect(details.order).toEqual(order);
    expect(details.orderJson).toBe(JSON.stringify(order));
  });

  it('keeps the EPGU error code in EpguError', async () => {
    server.use(
      http.post(`${B}/api/gusmev/order/7/cancel`, () =>
        HttpResponse.json({ code: 'cancel_not_allowed', message: 'Отмена невозможна' }, { status: 409 }),
      ),
    );
    const error = (await client()
      .cancel(7)
      .catch((e: unknown) => e)) as EpguError;
    expect(error).toMatchObject({ code: 'EPGU_ERROR', epguCode: 'cancel_not_allowed', status: 409 });
    expect(error.hint?.ru).toMatch(/нельзя отменить/);
    expect(error.message).not.toContain(TOKEN);
  });

  it('turns a bare 429 into core RateLimitError with retryAfter', async () => {
    server.use(
      http.post(
        `${B}/api/gusmev/order`,
        () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '120' } }),
      ),
    );
    const error = (await client({ retry: { limit: 1, maxRetryAfter: 1000 } })
      .createOrder({ region: 'r', serviceCode: 's', targetCode: 't' })
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120_000);
  });

  it('pages through getUpdatedAfter with updatedAfter in UTC (footnote 6), or at a configured offset', async () => {
    const queries: Record<string, string>[] = [];
    server.use(
      http.get(`${B}/api/gusmev/order/getUpdatedAfter`, ({ request }) => {
        const q = Object.fromEntries(new URL(request.url).searchParams);
        queries.push(q);
        const page = Number(q.pageNum);
        const content = [0, 1]
          .map((i) => page * 2 + i)
          .filter((n) => n < 3)
          .map((n) => ({
            orderId: 100 + n,
            orderSearchStatus: 'FOUND',
            status: { statusId: 2, statusName: 'Принято', updated: '2026-09-01T12:00:00.000' },
          }));
        return HttpResponse.json({ count: content.length, totalCount: 3, content });
      }),
    );
    const items = await client()
      .getUpdatedAfter({ updatedAfter: new Date('2026-09-01T06:00:00Z'), pageSize: 2 })
      .toArray({ limit: 100 });
    expect(items.map((i) => i.orderId)).toEqual([100, 101, 102]);
    expect(queries).toEqual([
      { pageNum: '0', pageSize: '2', updatedAfter: '2026-09-01T06:00:00.000' },
      { pageNum: '1', pageSize: '2', updatedAfter: '2026-09-01T06:00:00.000' },
    ]);
    queries.length = 0;
    await client({ timeZoneOffsetMinutes: 180 })
      .getUpdatedAfter({ updatedAfter: new Date('2026-09-01T06:00:00Z'), pageSize: 2 })
      .toArray({ limit: 100 });
    expect(queries[0]?.updatedAfter).toBe('2026-09-01T09:00:00.000');
  });

  it('asks getOrdersStatus for a list of ids', async () => {
    server.use(
      http.get(`${B}/api/gusmev/order/getOrdersStatus`, ({ request }) => {
        const ids = (new URL(request.url).searchParams.get('orderIds') as string).split(',');
        return HttpResponse.json({
          count: ids.length,
          totalCount: ids.length,
          content: ids.map((id) =>
            id === '9'
              ? { orderId: 9, orderSearchStatus: 'NOT_FOUND', status: null }
              : {
                  orderId: Number(id),
                  orderSearchStatus: 'FOUND',
                  status: { statusId: 3, statusName: 'Исполнено', updated: '2026-09-01T12:00:00.000' },
                },
          ),
        });
      }),
    );
    const statuses = await client().getOrdersStatus([7, 9]);
    expect(statuses.map((s) => [s.orderId, s.orderSearchStatus])).toEqual([
      [7, 'FOUND'],
      [9, 'NOT_FOUND'],
    ]);
  });

  it('reads dictionaries without the user token and downloads files', async () => {
    server.use(
      http.post(`${B}/api/nsi/v1/dictionary/EPGU_SERVICE_REGION`, async ({ request }) => {
        expect(request.headers.get('authorization')).toBeNull();
        expect(await request.json()).toEqual({ treeFiltering: 'ONELEVEL', pageNum: 1, pageSize: 10 });
        return HttpResponse.json({
          total: 1,
          items: [{ value: '45000000000', title: 'Москва', isLeaf: true }],
        });
      }),
      http.get(`${B}/api/storage/v2/files/55/2/download`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('mnemonic')).toBe('result.pdf');
        return new HttpResponse(new Uint8Array([37, 80, 68, 70]), {
          headers: { 'content-type': 'application/octet-stream' },
        });
      }),
    );
    const epgu = client();
    const dict = await epgu.dictionary('EPGU_SERVICE_REGION', {
      treeFiltering: 'ONELEVEL',
      pageNum: 1,
      pageSize: 10,
    });
    expect(dict.items[0]?.title).toBe('Москва');
    expect(await epgu.downloadFile({ objectId: 55, objectType: 2, mnemonic: 'result.pdf' })).toEqual(
      new Uint8Array([37, 80, 68, 70]),
    );
  });
});

describe('EPGU chunked push', () => {
  const MB = 1_000_000;

  it('sends 5 MB chunks, expects 206 for each but the last and 200 at the end', async () => {
    const seen: { chunk: string; chunks: string; size: number; orderId: string }[] = [];
    server.use(
      http.post(`${B}/api/gusmev/push/chunked`, async ({ request }) => {
        const form = await request.formData();
        const entry = {
          chunk: form.get('chunk') as string,
          chunks: form.get('chunks') as string,
          size: (form.get('file') as File).size,
          orderId: form.get('orderId') as string,
        };
        seen.push(entry);
        const last = Number(entry.chunk) === Number(entry.chunks) - 1;
        return last
          ? HttpResponse.json({ orderId: 42 }, { status: 200 })
          : HttpResponse.json(
              { orderId: 42, chunk: Number(entry.chunk), chunks: Number(entry.chunks) },
              { status: 206 },
            );
      }),
    );
    const file = new Uint8Array(11 * MB);
    const progress: number[] = [];
    const result = await client().pushChunked({
      orderId: 42,
      meta: { region: 'r' },
      file,
      chunkSize: 5 * MB,
      onChunk: (p) => progress.push(p.bytesSent),
    });
    expect(result).toEqual({ orderId: 42, chunks: 3 });
    expect(seen).toEqual([
      { chunk: '0', chunks: '3', size: 5 * MB, orderId: '42' },
      { chunk: '1', chunks: '3', size: 5 * MB, orderId: '42' },
      { chunk: '2', chunks: '3', size: 1 * MB, orderId: '42' },
    ]);
    expect(progress).toEqual([5 * MB, 10 * MB, 11 * MB]);
  });

  it('validates the chunk size (5–50 MB) before sending', async () => {
    const epgu = client();
    for (const chunkSize of [4_999_999, 50_000_001, 5.5e6 + 0.5]) {
      await expect(
        epgu.pushChunked({ orderId: 1, meta: {}, file: new Uint8Array(10), chunkSize }),
      ).rejects.toMatchObject({
        code: 'INVALID_CHUNK_SIZE',
      });
    }
  });

  it('treats a 200 before the last chunk as a protocol error', async () => {
    server.use(http.post(`${B}/api/gusmev/push/chunked`, () => HttpResponse.json({ orderId: 1 })));
    await expect(
      client().pushChunked({ orderId: 1, meta: {}, file: new Uint8Array(6 * MB), chunkSize: 5 * MB }),
    ).rejects.toMatchObject({ code: 'CHUNK_PROTOCOL', status: 200 });
  });

  it('aborts with UPLOAD_WINDOW_EXCEEDED once the 5-minute window has passed', async () => {
    let now = 0;
    let requests = 0;
    server.use(
      http.post(`${B}/api/gusmev/push/chunked`, () => {
        requests += 1;
        now += 2.6 * 60_000; // each chunk "takes" 2.6 minutes on the injected clock
        return HttpResponse.json({ orderId: 1, chunk: 0, chunks: 3 }, { status: 206 });
      }),
    );
    const error = (await client({ clock: { now: () => now } })
      .pushChunked({ orderId: 1, meta: {}, file: new Uint8Array(11 * MB), chunkSize: 5 * MB })
      .catch((e: unknown) => e)) as EpguError;
    expect(error).toBeInstanceOf(EpguError);
    expect(error.code).toBe('UPLOAD_WINDOW_EXCEEDED');
    expect(requests).toBe(2);
  });
});
