// Transport caps (issue 9 §4): the body-size limit, the token wait inside the call's deadline, and
// the redirect policy — each against real loopback servers (a gzip bomb, a body that stalls, a
// redirect to another origin). Runs once per engine (fetch, and ky in the core-ky project).
import { gzipSync } from 'node:zlib';
import {
  type AbortError,
  createTokenProvider,
  createTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  HttpError,
  InvalidOptionsError,
  isRedirectError,
  isResponseTooLargeError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
  type TokenProvider,
} from '@goskit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Handler, json, startServer, type TestServer, text } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();
const MiB = 1024 * 1024;

/** `size` bytes of '0' characters, gzipped: a few KiB on the wire, `size` after decompression. */
const bombs = new Map<number, Buffer>();
function bomb(size: number): Buffer {
  let gz = bombs.get(size);
  if (gz === undefined) {
    gz = gzipSync(Buffer.alloc(size, 0x30), { level: 9 });
    bombs.set(size, gz);
  }
  return gz;
}

function gzipBomb(status: number, size: number, contentType = 'application/json'): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType, 'content-encoding': 'gzip' });
    res.end(bomb(size));
  };
}

/** Writes `size` bytes, then keeps the response open until the client goes away. */
function stallAfter(size: number): Handler {
  return (_req, res) =>
    new Promise<void>((resolve) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write(Buffer.alloc(size, 0x61));
      res.on('close', () => resolve());
    });
}

const failOf = (pending: Promise<unknown>) =>
  pending.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );

describe('maxResponseBytes', () => {
  it('stops reading a gzip bomb at the limit, counted after decompression', async () => {
    server.respond(gzipBomb(200, 64 * MiB));
    const transport = createTransport({ baseUrl: server.url, maxResponseBytes: MiB });
    for (const responseType of ['json', 'text', 'arrayBuffer'] as const) {
      const error = await failOf(transport.get('/bomb', { responseType }));
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: MiB, status: 200, method: 'GET' });
    }
    // Refused, not retried: the same request would bring the same body.
    expect(server.requests).toHaveLength(3);
  });

  it('has a default of 32 MiB', async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(32 * MiB);
    server.respond(gzipBomb(200, 33 * MiB, 'text/plain'));
    const error = await failOf(
      createTransport({ baseUrl: server.url }).get('/big', { responseType: 'text' }),
    );
    expect(isResponseTooLargeError(error)).toBe(true);
    expect((error as ResponseTooLargeError).limit).toBe(32 * MiB);
  });

  it('fails at the limit while the body is still arriving, not at the timeout', async () => {
    server.respond(stallAfter(2 * MiB));
    const transport = createTransport({ baseUrl: server.url, maxResponseBytes: MiB, timeout: 8000 });
    const started = performance.now();
    const error = await failOf(transport.get('/stall', { responseType: 'text' }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('accepts a body of exactly the limit, refuses one byte more', async () => {
    server.respond(text(200, 'x'.repeat(1000)));
    const transport = createTransport({ baseUrl: server.url, maxResponseBytes: 1000 });
    await expect(transport.get('/edge', { responseType: 'text' })).resolves.toHaveLength(1000);
    server.respond(text(200, 'x'.repeat(1001)));
    await expect(transport.get('/edge', { responseType: 'text' })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
  });

  it('takes a per-call override, and false disables the limit', async () => {
    server.respond(json(200, { blob: 'y'.repeat(10_000) }));
    const transport = createTransport({ baseUrl: server.url, maxResponseBytes: 1024 });
    await expect(transport.get('/x')).rejects.toBeInstanceOf(ResponseTooLargeError);
    await expect(transport.get('/x', { maxResponseBytes: MiB })).resolves.toMatchObject({
      blob: expect.any(String),
    });
    await expect(transport.get('/x', { maxResponseBytes: false })).resolves.toBeDefined();
    const unbounded = createTransport({ baseUrl: server.url, maxResponseBytes: false });
    await expect(unbounded.get('/x')).resolves.toBeDefined();
  });

  it('cuts an error body at 64 KiB (or the smaller limit) after decompression, keeping the status', async () => {
    server.respond(gzipBomb(500, 16 * MiB, 'text/html'));
    const transport = createTransport({ baseUrl: server.url, retry: false });
    const error = (await failOf(transport.get('/down'))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 500, truncated: true });
    expect(error.body).toHaveLength(64 * 1024);
    const tight = createTransport({ baseUrl: server.url, retry: false, maxResponseBytes: 1000 });
    const small = (await failOf(tight.get('/down'))) as HttpError;
    expect(small).toMatchObject({ status: 500, truncated: true });
    expect(small.body).toHaveLength(1000);
  });

  it('holds for a streamed body: the stream errors with ResponseTooLargeError at the limit', async () => {
    server.respond(gzipBomb(200, 16 * MiB, 'application/octet-stream'));
    const transport = createTransport({ baseUrl: server.url, maxResponseBytes: MiB });
    const stream = await transport.get<ReadableStream<Uint8Array>>('/stream', { responseType: 'stream' });
    let received = 0;
    const reading = (async () => {
      for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
        received += chunk.byteLength;
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(received).toBeLessThanOrEqual(MiB);
  });

  it('refuses a limit that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => createTransport({ baseUrl: server.url, maxResponseBytes: bad })).toThrow(
        InvalidOptionsError,
      );
    }
  });
});

/** A token provider that never answers. */
const stuckProvider: TokenProvider = {
  getToken: () => new Promise<string>(() => {}),
  forceRefresh: () => new Promise<string>(() => {}),
  clear: () => {},
  peek: () => undefined,
};

describe('the token wait is inside the call', () => {
  it('a provider that never resolves ends at totalTimeout, nothing sent', async () => {
    const transport = createTransport({ baseUrl: server.url, auth: stuckProvider, totalTimeout: 150 });
    const started = performance.now();
    const error = await failOf(transport.get('/x'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe('total');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(0);
  });

  it("the caller's signal aborts the wait", async () => {
    const transport = createTransport({ baseUrl: server.url, auth: stuckProvider });
    const controller = new AbortController();
    setTimeout(() => controller.abort('user left'), 50);
    const error = (await failOf(transport.get('/x', { signal: controller.signal }))) as AbortError;
    expect(error.code).toBe('ABORTED');
    expect(error.cause).toBe('user left');
  });

  it('holds for core’s provider whose fetchToken hangs, and for the refresh after a 401', async () => {
    const hanging = createTokenProvider({ fetchToken: () => new Promise(() => {}) });
    const first = createTransport({ baseUrl: server.url, auth: hanging, totalTimeout: 150 });
    await expect(first.get('/x')).rejects.toMatchObject({ code: 'TIMEOUT', kind: 'total' });

    let fetches = 0;
    const refreshHangs = createTokenProvider({
      fetchToken: () => {
        fetches += 1;
        return fetches === 1
          ? Promise.resolve({ token: 't1', expiresAt: Date.now() + 3_600_000 })
          : new Promise(() => {});
      },
    });
    server.respond(json(401, {}));
    const second = createTransport({ baseUrl: server.url, auth: refreshHangs, totalTimeout: 300 });
    await expect(second.get('/x')).rejects.toMatchObject({ code: 'TIMEOUT', kind: 'total' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('redirects', () => {
  let other: TestServer;
  beforeAll(async () => {
    other = await startServer();
  });
  afterAll(() => other.close());

  const redirect =
    (status: number, location: () => string): Handler =>
    (_req, res) => {
      res.writeHead(status, { location: location(), 'content-type': 'text/html' });
      res.end('<a>moved</a>');
    };

  it('follows a redirect within the origin, keeping Authorization', async () => {
    server.respond(
      redirect(302, () => '/moved'),
      json(200, { where: 'moved' }),
    );
    const transport = createTransport({ baseUrl: server.url, headers: { authorization: 'Bearer same' } });
    await expect(transport.get('/start')).resolves.toEqual({ where: 'moved' });
    expect(server.requests.map((r) => r.url)).toEqual(['/start', '/moved']);
    expect(server.requests[1]?.headers.authorization).toBe('Bearer same');
  });

  it('refuses a redirect to another origin with RedirectError and sends nothing there', async () => {
    other.requests.length = 0;
    other.respond(json(200, { where: 'elsewhere' }));
    server.respond(redirect(302, () => `${other.url}/landing?code=secret-code`));
    const transport = createTransport({ baseUrl: server.url, retry: 3 });
    const error = (await failOf(transport.get('/start'))) as RedirectError;
    expect(isRedirectError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'REDIRECT_REFUSED', reason: 'cross-origin', status: 302 });
    expect(error.location).toContain(other.url);
    expect(error.location).not.toContain('secret-code'); // redacted like every URL in an error
    expect(other.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(1); // not retried
  });

  it('follows to an allowed origin without credentials; a hop from there to a third origin is refused', async () => {
    other.requests.length = 0;
    other.respond(json(200, { where: 'files' }));
    server.respond(redirect(307, () => `${other.url}/file`));
    const transport = createTransport({
      baseUrl: server.url,
      headers: { authorization: 'Bearer secret', 'x-trace': 'kept' },
      redirects: { allowOrigins: [other.url] },
    });
    await expect(transport.get('/download')).resolves.toEqual({ where: 'files' });
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers['x-trace']).toBe('kept');

    const third = await startServer();
    try {
      other.respond(redirect(302, () => `${third.url}/x`));
      await expect(transport.get('/download')).rejects.toMatchObject({ reason: 'cross-origin' });
      expect(third.requests).toHaveLength(0);
    } finally {
      await third.close();
    }
  });

  it("allowOrigins '*' follows anywhere (fetch's own following)", async () => {
    other.respond(json(200, { where: 'anywhere' }));
    server.respond(redirect(301, () => `${other.url}/x`));
    const transport = createTransport({ baseUrl: server.url, redirects: { allowOrigins: '*' } });
    await expect(transport.get('/start')).resolves.toEqual({ where: 'anywhere' });
  });

  it('a per-call option opens an origin for that call only', async () => {
    other.respond(json(200, { ok: 1 }));
    server.respond(redirect(302, () => `${other.url}/x`));
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.get('/a', { redirects: { allowOrigins: [other.url] } })).resolves.toEqual({
      ok: 1,
    });
    await expect(transport.get('/a')).rejects.toBeInstanceOf(RedirectError);
  });

  it('303 after a POST repeats as a bodiless GET; 307 repeats the POST with its body', async () => {
    server.respond(
      redirect(303, () => '/result'),
      json(200, { step: 'result' }),
    );
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.post('/submit', { json: { a: 1 } })).resolves.toEqual({ step: 'result' });
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'POST /submit {"a":1}',
      'GET /result ',
    ]);
    expect(server.requests[1]?.headers['content-type']).toBeUndefined();

    server.requests.length = 0;
    server.respond(
      redirect(307, () => '/again'),
      json(200, { step: 'again' }),
    );
    await expect(transport.post('/submit', { json: { a: 2 } })).resolves.toEqual({ step: 'again' });
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'POST /submit {"a":2}',
      'POST /again {"a":2}',
    ]);
  });

  it('stops a redirect loop at redirects.max; max 0 hands the 3xx back as an HttpError', async () => {
    server.respond(redirect(302, () => '/loop'));
    const transport = createTransport({ baseUrl: server.url, redirects: { max: 3 } });
    await expect(transport.get('/loop')).rejects.toMatchObject({ reason: 'too-many' });
    expect(server.requests).toHaveLength(4);

    const none = createTransport({ baseUrl: server.url, redirects: { max: 0 }, retry: false });
    const error = (await failOf(none.get('/loop'))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(302);
    expect(error.headers.location).toBe('/loop');
  });

  it('refuses a Location that is not an http(s) URL', async () => {
    server.respond(redirect(302, () => 'javascript:alert(1)'));
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.get('/x')).rejects.toMatchObject({ reason: 'invalid-location' });
  });

  it('validates allowOrigins and max', () => {
    for (const allowOrigins of [
      ['https://files.example.ru/path'],
      ['ftp://files.example.ru'],
      ['not a url'],
    ]) {
      expect(() => createTransport({ baseUrl: server.url, redirects: { allowOrigins } })).toThrow(
        InvalidOptionsError,
      );
    }
    expect(() => createTransport({ baseUrl: server.url, redirects: { max: -1 } })).toThrow(
      InvalidOptionsError,
    );
    expect(() =>
      createTransport({ baseUrl: server.url, redirects: { allowOrigins: ['https://files.example.ru'] } }),
    ).not.toThrow();
  });
});
