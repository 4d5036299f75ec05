/**
 * The EPGU client on the answers of «Спецификация API ЕПГУ v1.12.1» that are not errors by status:
 * a bare 204 for an unknown order or file, NSI errors inside a 200, storage links, the chunked push
 * as the spec's example sends it (no `meta`, `archive.z001`…), and `cancel`'s `reason`.
 */
import { ResponseValidationError } from '@goskit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chunkFileName,
  createEpguClient,
  EPGU_TEST_URL,
  EpguError,
  parseEpguFileLink,
} from '../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const B = EPGU_TEST_URL;
const client = () => createEpguClient({ environment: 'test', accessToken: 'token', retry: false });

async function failure(promise: Promise<unknown>): Promise<EpguError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EpguError);
  return error as EpguError;
}

describe('EPGU answers the spec lists', () => {
  it('204 without a body (unknown order or file) → EpguError not_found with status 204', async () => {
    server.use(
      http.post(`${B}/api/gusmev/order/:id`, () => new HttpResponse(null, { status: 204 })),
      http.post(`${B}/api/gusmev/order/:id/cancel`, () => new HttpResponse(null, { status: 204 })),
      http.get(`${B}/api/storage/v2/files/:id/:type/download`, () => new HttpResponse(null, { status: 204 })),
    );
    for (const call of [
      client().getOrder(1230254874),
      client().cancel(1230254874),
      client().downloadFile({ link: 'terrabyte://00/1230254874/req.xml/2' }),
    ]) {
      const error = await failure(call);
      expect(error).toMatchObject({ code: 'EPGU_ERROR', epguCode: 'not_found', status: 204 });
      expect(error.hint?.ru).toContain('204');
    }
  });

  it('getOrder parses the order string and keeps messageId; a malformed envelope is a validation error', async () => {
    server.use(
      http.post(`${B}/api/gusmev/order/1`, () =>
        HttpResponse.json({
          code: 'OK',
          message: null,
          messageId: 'a7f1',
          order: JSON.stringify({ id: 1, orderStatusId: 2, orderAttachmentFiles: [] }),
        }),
      ),
      http.post(`${B}/api/gusmev/order/2`, () => HttpResponse.json({ code: 'OK' })),
    );
    const details = await client().getOrder(1);
    expect(details).toMatchObject({ code: 'OK', messageId: 'a7f1', order: { id: 1, orderStatusId: 2 } });
    await expect(client().getOrder(2)).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it('NSI error inside a 200 → EpguError DICTIONARY_ERROR with the NSI code; code 0 is a normal answer', async () => {
    server.use(
      http.post(`${B}/api/nsi/v1/dictionary/:code`, ({ params }) =>
        params.code === 'NOPE'
          ? HttpResponse.json({ error: { code: 7, message: 'Entity not found' }, total: 0, items: [] })
          : HttpResponse.json({
              error: { code: 0, message: 'operation completed' },
              total: 1,
              items: [{ value: '1', title: 'Один' }],
            }),
      ),
    );
    expect((await client().dictionary('EXTERNAL_BIC')).items).toHaveLength(1);
    const error = await failure(client().dictionary('NOPE'));
    expect(error).toMatchObject({ code: 'DICTIONARY_ERROR', epguCode: '7', status: 200 });
    expect(error.message).toContain('Entity not found');
  });

  it('cancel sends the reason as a request parameter, bounded', async () => {
    const reasons: (string | null)[] = [];
    server.use(
      http.post(`${B}/api/gusmev/order/:id/cancel`, ({ request }) => {
        reasons.push(new URL(request.url).searchParams.get('reason'));
        return HttpResponse.json({ code: 'OK', message: null });
      }),
    );
    await client().cancel(5, { reason: 'Заявитель передумал' });
    await client().cancel(6);
    expect(reasons).toEqual(['Заявитель передумал', null]);
    await expect(client().cancel(7, { reason: 'x'.repeat(501) })).rejects.toThrow(/500 characters/);
  });
});

describe('storage links', () => {
  it('reads terrabyte://00/<objectId>/<mnemonic>/<objectType> and downloads by link', async () => {
    expect(parseEpguFileLink('terrabyte://00/1230254874/req_8d85.xml/2')).toEqual({
      objectId: '1230254874',
      mnemonic: 'req_8d85.xml',
      objectType: '2',
    });
    const seen: string[] = [];
    server.use(
      http.get(`${B}/api/storage/v2/files/:id/:type/download`, ({ request }) => {
        const url = new URL(request.url);
        seen.push(`${url.pathname}?${url.searchParams}`);
        return HttpResponse.arrayBuffer(new TextEncoder().encode('<req/>').buffer);
      }),
    );
    const bytes = await client().downloadFile({ link: 'terrabyte://00/77/result%201.pdf/3' });
    expect(new TextDecoder().decode(bytes)).toBe('<req/>');
    expect(seen).toEqual(['/api/storage/v2/files/77/3/download?mnemonic=result%25201.pdf']);
  });

  it('refuses links that are not storage links, with a typed error naming the rule', () => {
    for (const link of [
      '',
      'https://evil.example/1/a/2',
      'terrabyte://00/__proto__/req.xml/2',
      'terrabyte://00/1/req.xml/constructor',
      'terrabyte://00/1//2',
      'terrabyte://1/2',
      `terrabyte://00/1/${'a'.repeat(3000)}/2`,
    ]) {
      expect(() => parseEpguFileLink(link)).toThrow(EpguError);
      try {
        parseEpguFileLink(link);
      } catch (error) {
        expect((error as EpguError).code).toBe('INVALID_FILE_LINK');
      }
    }
  });
});

describe('chunked push as the spec example sends it', () => {
  it('names chunks archive.z001… and sends meta only when given', async () => {
    expect(chunkFileName('archive.zip', 0, 1)).toBe('archive.zip');
    expect(chunkFileName('archive.zip', 0, 3)).toBe('archive.z001');
    expect(chunkFileName('Заявление.ZIP', 11, 12)).toBe('Заявление.z012');
    const forms: { names: string[]; file: string }[] = [];
    server.use(
      http.post(`${B}/api/gusmev/push/chunked`, async ({ request }) => {
        const form = await request.formData();
        const file = form.get('file') as File;
        forms.push({ names: [...new Set(form.keys())], file: file.name });
        const last = Number(form.get('chunk')) === Number(form.get('chunks')) - 1;
        return HttpResponse.json({ orderId: Number(form.get('orderId')) }, { status: last ? 200 : 206 });
      }),
    );
    const archive = new Uint8Array(10_000_001);
    archive.set([0x50, 0x4b, 0x03, 0x04]);
    await client().pushChunked({ orderId: 42, file: archive, chunkSize: 5_000_000 });
    expect(forms).toEqual([
      { names: ['orderId', 'chunk', 'chunks', 'file'], file: 'archive.z001' },
      { names: ['orderId', 'chunk', 'chunks', 'file'], file: 'archive.z002' },
      { names: ['orderId', 'chunk', 'chunks', 'file'], file: 'archive.z003' },
    ]);
    forms.length = 0;
    await client().pushChunked({
      orderId: 42,
      file: archive.subarray(0, 100),
      meta: { region: '45000000000' },
    });
    expect(forms).toEqual([{ names: ['orderId', 'meta', 'chunk', 'chunks', 'file'], file: 'archive.zip' }]);
  });

  it('an answer naming another order is a protocol error', async () => {
    server.use(http.post(`${B}/api/gusmev/push/chunked`, () => HttpResponse.json({ orderId: 43 })));
    const error = await failure(
      client().pushChunked({ orderId: 42, file: new Uint8Array([0x50, 0x4b, 3, 4]) }),
    );
    expect(error.code).toBe('CHUNK_PROTOCOL');
    expect(error.message).toContain('expected 42');
  });
});
