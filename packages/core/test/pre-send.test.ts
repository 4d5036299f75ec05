import { createTokenProvider, createTransport, InvalidOptionsError, TimeoutError } from '@goskit/core';
import { describe, expect, it } from 'vitest';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();

describe('what fetch would refuse is refused before sending, with every engine', () => {
  it('a token or header with a trailing newline is trimmed as fetch does, not refused', async () => {
    const auth = createTokenProvider({
      fetchToken: async () => ({ token: 'token-from-a-file\n', expiresAt: Date.now() + 3_600_000 }),
    });
    const transport = createTransport({ baseUrl: server.url, auth });
    await transport.get('/x', { headers: { 'x-note': '  padded\r\n' } });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer token-from-a-file');
    expect(server.requests[0]?.headers['x-note']).toBe('padded');
  });

  it('a user agent or idempotency header name fetch cannot send fails when the transport is created', () => {
    expect(() => createTransport({ baseUrl: server.url, userAgent: 'Госуслуги/1.0' })).toThrow(
      InvalidOptionsError,
    );
    expect(() => createTransport({ baseUrl: server.url, idempotency: { header: 'idem key' } })).toThrow(
      InvalidOptionsError,
    );
  });

  it('credentials in the base URL are refused (they would bypass redaction)', () => {
    expect(() => createTransport({ baseUrl: 'http://user:secret@127.0.0.1:1/' })).toThrow(/credentials/);
  });

  it('an idempotency key that is not a valid header value, and a GET with a body, are never sent or retried', async () => {
    const transport = createTransport({ baseUrl: server.url, retry: { limit: 2, backoff: { baseMs: 1 } } });
    await expect(transport.post('/x', { json: {}, idempotencyKey: 'ключ' })).rejects.toBeInstanceOf(
      InvalidOptionsError,
    );
    await expect(transport.get('/x', { json: { a: 1 } })).rejects.toThrow(/GET request cannot carry a body/);
    expect(server.requests).toHaveLength(0);
  });
});

/** A fetch double that ignores its signal: the attempt deadline must hold anyway. */
function deafFetch(kind: 'headers' | 'body'): typeof fetch {
  return async () => {
    if (kind === 'headers') {
      return new Promise<Response>(() => {});
    }
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
      },
    });
    return new Response(stalled, { headers: { 'content-type': 'application/json' } });
  };
}

describe('the attempt deadline holds even when fetch ignores the signal', () => {
  for (const kind of ['headers', 'body'] as const) {
    it(`a ${kind === 'headers' ? 'response' : 'body'} that never arrives`, async () => {
      const transport = createTransport({
        baseUrl: server.url,
        fetch: deafFetch(kind),
        timeout: 150,
        retry: false,
      });
      const startedAt = performance.now();
      const error = await transport.get('/x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).kind).toBe('attempt');
      expect(performance.now() - startedAt).toBeLessThan(2_000);
    });
  }
});
