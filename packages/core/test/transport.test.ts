import {
  createTransport,
  HttpError,
  InvalidOptionsError,
  isHttpError,
  isResponseValidationError,
  ResponseValidationError,
} from '@goskit/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { json, text } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();

const School = z.object({ id: z.number(), name: z.string() });

describe('createTransport', () => {
  it('GETs JSON under the base path with query, default headers and user agent', async () => {
    server.respond(json(200, { id: 1, name: 'Демо школа' }));
    const transport = createTransport({
      baseUrl: `${server.url}/esia`,
      headers: { 'X-Portal': 'esia' },
      userAgent: 'goskit-test/1.0',
    });
    const data = await transport.get('/rs/prns', {
      query: { embed: ['contacts', 'docs'], skip: undefined, n: 5 },
    });
    expect(data).toEqual({ id: 1, name: 'Демо школа' });
    const [recorded] = server.requests;
    expect(recorded?.method).toBe('GET');
    expect(recorded?.url).toBe('/esia/rs/prns?embed=contacts&embed=docs&n=5');
    expect(recorded?.headers['x-portal']).toBe('esia');
    expect(recorded?.headers['user-agent']).toBe('goskit-test/1.0');
    expect(recorded?.headers.accept).toBe('application/json');
  });

  it('verb helpers take method and path from their own arguments and leave the options untouched', async () => {
    server.respond(json(200, {}));
    const transport = createTransport({ baseUrl: server.url });
    // A stray method/path in the options (JavaScript callers, spread objects) must not win.
    const options = { method: 'POST', path: '/elsewhere', query: { a: 1 } } as never;
    const frozen = Object.freeze(options);
    await transport.delete('/things/7', frozen);
    await transport.request({ path: '/things/8', method: 'put' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'DELETE /things/7?a=1',
      'PUT /things/8',
    ]);
    expect(frozen).toEqual({ method: 'POST', path: '/elsewhere', query: { a: 1 } });
  });

  it('sends JSON and form bodies', async () => {
    server.respond(json(201, { created: true }));
    const transport = createTransport({ baseUrl: server.url });
    await transport.post('/items', { json: { a: 1 } });
    await transport.post('/token', { form: { grant_type: 'client_credentials', scope: 'openid' } });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ a: 1 });
    expect(server.requests[1]?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(server.requests[1]?.body).toBe('grant_type=client_credentials&scope=openid');
  });

  it('rejects two bodies at once', async () => {
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.post('/x', { json: {}, form: {} })).rejects.toBeInstanceOf(InvalidOptionsError);
  });

  it('raw() returns data, response, request id and attempts', async () => {
    server.respond(json(200, { id: 2, name: 'x' }, { 'x-request-id': 'req-42' }));
    const transport = createTransport({ baseUrl: server.url });
    const result = await transport.raw({ path: '/a', schema: School });
    expect(result.data).toEqual({ id: 2, name: 'x' });
    expect(result.requestId).toBe('req-42');
    expect(result.attempts).toBe(1);
    expect(result.response.status).toBe(200);
    expect(result.idempotencyKey).toBeUndefined();
  });

  it('validates with zod and strips unknown keys; failures are not HttpErrors', async () => {
    server.respond(json(200, { id: 3, name: 'ok', extra: true }));
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.get('/s', { schema: School })).resolves.toEqual({ id: 3, name: 'ok' });

    server.respond(json(200, { id: 'three', name: 5 }, { 'x-req-id': 'r-9' }));
    const error = await transport.get('/s', { schema: School }).catch((e: unknown) => e);
    expect(isResponseValidationError(error)).toBe(true);
    expect(isHttpError(error)).toBe(false);
    const validation = error as ResponseValidationError;
    expect(validation.code).toBe('RESPONSE_VALIDATION');
    expect(validation.paths).toEqual(['id', 'name']);
    expect(validation.requestId).toBe('r-9');
    expect(validation.status).toBe(200);
  });

  it('skips validation per call and globally', async () => {
    server.respond(json(200, { id: 'bad' }));
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.get('/s', { schema: School, skipValidation: true })).resolves.toEqual({
      id: 'bad',
    });
    const lax = createTransport({ baseUrl: server.url, validateResponses: false });
    await expect(lax.get('/s', { schema: School })).resolves.toEqual({ id: 'bad' });
  });

  it('treats a 2xx body that is not JSON as a validation error, and reads text on request', async () => {
    server.respond(text(200, '<html>maintenance</html>'));
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.get('/s')).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(transport.get('/s', { responseType: 'text' })).resolves.toBe('<html>maintenance</html>');
  });

  it('returns undefined for an empty 204', async () => {
    server.respond((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.delete('/x/1')).resolves.toBeUndefined();
  });

  it('streams a body when asked', async () => {
    server.respond(text(200, 'line1\nline2\n'));
    const transport = createTransport({ baseUrl: server.url });
    const stream = await transport.get<ReadableStream<Uint8Array>>('/export', { responseType: 'stream' });
    expect(await new Response(stream).text()).toBe('line1\nline2\n');
  });

  it('refuses an absolute path on another origin (credentials stay home)', async () => {
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.get('https://evil.example/steal')).rejects.toBeInstanceOf(InvalidOptionsError);
    server.respond(json(200, { next: true }));
    await expect(transport.get(`${server.url}/page?cursor=2`)).resolves.toEqual({ next: true });
  });

  it('throws a typed HttpError with status, request id, redacted headers and parsed body', async () => {
    server.respond(
      json(
        404,
        { error: 'not_found', snils: '112-233-445 95' },
        { 'x-request-id': 'abc-1', 'set-cookie': 'session=very-secret-cookie' },
      ),
    );
    const transport = createTransport({ baseUrl: server.url });
    const error = (await transport
      .get('/missing?access_token=tok-secret-123')
      .catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.status).toBe(404);
    expect(error.requestId).toBe('abc-1');
    expect(error.attempts).toBe(1);
    expect(error.data).toEqual({ error: 'not_found', snils: '112-233-445 95' });
    expect(error.headers['set-cookie']).toBe('[REDACTED]');
    expect(error.url).not.toContain('tok-secret-123');
    expect(error.message).not.toContain('tok-secret-123');
    expect(JSON.stringify(error.toJSON())).not.toContain('112-233-445 95');
    expect(server.requests).toHaveLength(1); // 404 is not retried
  });

  it('bounds an error body to 64 KiB', async () => {
    server.respond(text(500, 'x'.repeat(200_000)));
    const transport = createTransport({ baseUrl: server.url, retry: 0 });
    const error = (await transport.get('/big').catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(500);
    expect(error.body).toHaveLength(64 * 1024);
    expect(error.truncated).toBe(true);
  });

  it('sends through an injected fetch', async () => {
    server.respond(json(200, { via: 'custom' }));
    const seen: string[] = [];
    const transport = createTransport({
      baseUrl: server.url,
      fetch: (input, init) => {
        // The fetch engine passes (url, init) like a plain fetch call; the ky engine a Request.
        seen.push(
          input instanceof Request ? `${input.method} ${input.url}` : `${init?.method} ${String(input)}`,
        );
        return fetch(input, init);
      },
    });
    await expect(transport.put('/things/1', { json: { a: 1 } })).resolves.toEqual({ via: 'custom' });
    expect(seen).toEqual([`PUT ${server.url}/things/1`]);
  });

  it("a request that cannot be built is the caller's error, not a network error to retry", async () => {
    const transport = createTransport({ baseUrl: server.url });
    const error = await transport
      .get('/x', { headers: { authorization: 'Bearer secret-token-abc\nInjected: 1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect((error as Error).message).not.toContain('secret-token-abc');
    await expect(transport.get('/x', { timeout: 0 })).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(transport.get('/x', { totalTimeout: 2 ** 31 })).rejects.toBeInstanceOf(InvalidOptionsError);
    expect(server.requests).toHaveLength(0);
  });

  it('reads bytes and sends a raw body', async () => {
    server.respond((req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from(req.body, 'utf8'));
    });
    const transport = createTransport({ baseUrl: server.url });
    const bytes = await transport.post<ArrayBuffer>('/echo', {
      body: '<xml>Параграф</xml>',
      headers: { 'content-type': 'application/xml' },
      responseType: 'arrayBuffer',
    });
    expect(new TextDecoder().decode(bytes)).toBe('<xml>Параграф</xml>');
    expect(server.requests[0]?.headers['content-type']).toBe('application/xml');
  });

  it('keeps a key the caller put in the headers, and idempotencyKey: false sends none', async () => {
    server.respond(json(200, {}));
    const transport = createTransport({ baseUrl: server.url, idempotency: { autoGenerate: true } });
    const raw = await transport.raw({
      path: '/a',
      method: 'POST',
      headers: { 'Idempotency-Key': 'from-header' },
    });
    expect(raw.idempotencyKey).toBe('from-header');
    await transport.post('/b', { idempotencyKey: false });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['from-header', undefined]);
  });

  it('rejects a negative retry limit', () => {
    expect(() => createTransport({ baseUrl: server.url, retry: -1 })).toThrow(InvalidOptionsError);
  });

  it('rejects a base URL that is not absolute', () => {
    expect(() => createTransport({ baseUrl: '/relative' })).toThrow(InvalidOptionsError);
  });
});
