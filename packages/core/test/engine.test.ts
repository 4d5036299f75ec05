import { createTokenProvider, createTransport, InvalidOptionsError } from '@goskit/core';
import ky from 'ky';
import { describe, expect, it } from 'vitest';
import { json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();

/** Records what each engine hands to fetch, then sends it for real. */
function recordingFetch(seen: unknown[]): typeof fetch {
  return (input, init) => {
    seen.push(input);
    return fetch(input, init);
  };
}

describe('transport engines', () => {
  it("'fetch' (the default) calls fetch with the URL and an init, building no Request of its own", async () => {
    const seen: unknown[] = [];
    const transport = createTransport({ baseUrl: server.url, fetch: recordingFetch(seen) });
    await transport.get('/a', { query: { n: 1 } });
    expect(seen).toEqual([`${server.url}/a?n=1`]);
  });

  it("'ky' sends every attempt through ky (a Request reaches fetch)", async () => {
    server.respond(json(503, {}), json(200, { ok: true }));
    const seen: unknown[] = [];
    const transport = createTransport({
      baseUrl: server.url,
      engine: 'ky',
      fetch: recordingFetch(seen),
      retry: { limit: 1, backoff: { baseMs: 1 } },
    });
    await expect(transport.get('/a')).resolves.toEqual({ ok: true });
    expect(seen).toHaveLength(2);
    expect(seen.every((input) => input instanceof Request)).toBe(true);
  });

  it("a ky instance of your own runs its hooks on every attempt; retries and errors stay the transport's", async () => {
    server.respond(json(503, {}), json(503, {}), json(200, { ok: true }));
    let hookRuns = 0;
    const ownKy = ky.create({
      retry: 5, // overridden: the transport decides retries
      hooks: {
        beforeRequest: [
          (request) => {
            hookRuns += 1;
            request.headers.set('x-traced-by', 'vendor-ky');
          },
        ],
      },
    });
    const transport = createTransport({
      baseUrl: server.url,
      engine: ownKy,
      retry: { limit: 2, backoff: { baseMs: 1 } },
    });
    await expect(transport.get('/a')).resolves.toEqual({ ok: true });
    expect(hookRuns).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.headers['x-traced-by'] === 'vendor-ky')).toBe(true);
  });

  it("'fetch' looks the global fetch up per call, so one patched later (MSW's setupServer) is used", async () => {
    const transport = createTransport({ baseUrl: server.url });
    const original = globalThis.fetch;
    const seen: unknown[] = [];
    globalThis.fetch = (input, init) => {
      seen.push(input);
      return original(input, init);
    };
    try {
      await transport.get('/a');
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual([`${server.url}/a`]);
  });

  it("a ky instance's prefixUrl and searchParams never change the transport's URL", async () => {
    const ownKy = ky.create({ prefixUrl: 'http://elsewhere.invalid/api', searchParams: { key: 'from-ky' } });
    const transport = createTransport({ baseUrl: server.url, engine: ownKy });
    await transport.get('/a', { query: { n: 1 } });
    expect(server.requests.map((r) => r.url)).toEqual(['/a?n=1']);
  });

  it('refuses an unknown engine and a fetch next to a ky instance', () => {
    expect(() => createTransport({ baseUrl: server.url, engine: 'undici' as never })).toThrow(
      InvalidOptionsError,
    );
    expect(() => createTransport({ baseUrl: server.url, engine: ky, fetch })).toThrow(
      /ky\.create\(\{ fetch \}\)/,
    );
  });
});

describe('requests fetch would refuse are refused before sending, never retried as network errors', () => {
  const cases: [string, Record<string, string>][] = [
    ['a header name with a space', { 'x bad': '1' }],
    ['a header value with CR LF', { 'x-note': 'a\r\nInjected: 1' }],
    ['a header value beyond Latin-1', { 'x-school': 'Демо школа' }],
  ];
  for (const [name, headers] of cases) {
    it(name, async () => {
      const transport = createTransport({ baseUrl: server.url });
      const error = await transport.get('/x', { headers }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidOptionsError);
      expect(server.requests).toHaveLength(0);
    });
  }

  it('a token with a line break, without echoing it', async () => {
    const auth = createTokenProvider({
      fetchToken: async () => ({ token: 'secret-token-xyz\nInjected: 1', expiresAt: Date.now() + 3_600_000 }),
    });
    const transport = createTransport({ baseUrl: server.url, auth });
    const error = (await transport.get('/x').catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect(error.message).toContain('authorization');
    expect(error.message).not.toContain('secret-token-xyz');
    expect(server.requests).toHaveLength(0);
  });

  it('transport-wide headers are checked when the transport is created', () => {
    expect(() => createTransport({ baseUrl: server.url, headers: { 'x-key': 'a\nb' } })).toThrow(
      InvalidOptionsError,
    );
  });

  it('a JSON body that cannot be serialised', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.post('/x', { json: cyclic })).rejects.toThrow(/could not be serialised/);
    await expect(transport.post('/x', { json: { n: 1n } })).rejects.toBeInstanceOf(InvalidOptionsError);
    expect(server.requests).toHaveLength(0);
  });
});
