import {
  createRateLimiter,
  createTransport,
  HttpError,
  isNetworkError,
  NetworkError,
  RateLimitError,
  type RetrySignal,
} from '@goskit/core';
import { describe, expect, it } from 'vitest';
import { fakeSleep, hangUp, json, startServer } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();

/** A transport whose waits are recorded, not slept, and whose jitter is fixed. */
function transportWith(extra: Partial<Parameters<typeof createTransport>[0]> = {}) {
  const fake = fakeSleep();
  const transport = createTransport({ baseUrl: server.url, sleep: fake.sleep, random: () => 0.5, ...extra });
  return { transport, delays: fake.delays };
}

describe('retries', () => {
  it('retries 503 with full-jitter backoff (base 300 ms, doubling) and succeeds', async () => {
    server.respond(json(503, {}), json(503, {}), json(200, { ok: 1 }));
    const { transport, delays } = transportWith();
    const result = await transport.raw({ path: '/flaky' });
    expect(result.data).toEqual({ ok: 1 });
    expect(result.attempts).toBe(3);
    expect(delays).toEqual([150, 300]); // random 0.5 × 300, 0.5 × 600
  });

  it('caps backoff and stops after the limit, throwing the last HttpError', async () => {
    server.respond(json(500, { e: 1 }));
    const { transport, delays } = transportWith({
      retry: { limit: 4, backoff: { baseMs: 1000, capMs: 3000 } },
    });
    const error = (await transport.get('/down').catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(5);
    expect(server.requests).toHaveLength(5);
    expect(delays).toEqual([500, 1000, 1500, 1500]);
  });

  it('honours Retry-After in seconds', async () => {
    server.respond(json(429, {}, { 'retry-after': '1' }), json(200, { ok: true }));
    const { transport, delays } = transportWith();
    await expect(transport.get('/limited')).resolves.toEqual({ ok: true });
    expect(delays).toEqual([1000]);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    server.respond(json(503, {}, { 'retry-after': new Date(now + 2000).toUTCString() }), json(200, {}));
    const { transport, delays } = transportWith({ now: () => now });
    await transport.get('/limited');
    expect(delays).toEqual([2000]);
  });

  it('throws RateLimitError at once when Retry-After exceeds maxRetryAfter', async () => {
    server.respond(json(429, { msg: 'slow down' }, { 'retry-after': '120' }));
    const { transport, delays } = transportWith({ retry: { maxRetryAfter: 30_000 } });
    const error = (await transport.get('/limited').catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfter).toBe(120_000);
    expect(error.reason).toBe('retry-after-too-long');
    expect(delays).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('throws RateLimitError when 429 persists', async () => {
    server.respond(json(429, {}, { 'retry-after': '1' }));
    const { transport } = transportWith();
    const error = (await transport.get('/limited').catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.status).toBe(429);
    expect(error.reason).toBe('status');
    expect(error.attempts).toBe(3);
  });

  it('does not retry a POST without an idempotency key', async () => {
    server.respond(json(503, {}));
    const { transport, delays } = transportWith();
    await expect(transport.post('/orders', { json: { a: 1 } })).rejects.toBeInstanceOf(HttpError);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(server.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('retries a POST with a generated idempotency key, the same on every attempt', async () => {
    server.respond(json(503, {}), json(502, {}), json(200, { id: 7 }));
    const { transport } = transportWith();
    const result = await transport.raw({ path: '/orders', method: 'POST', json: {}, idempotencyKey: true });
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.idempotencyKey).toBe(keys[0]);
  });

  it('uses a caller key and a per-transport header name; each logical call gets its own key', async () => {
    server.respond(json(200, {}));
    const { transport } = transportWith({ idempotency: { header: 'X-Idempotency-Key', autoGenerate: true } });
    await transport.post('/a', { idempotencyKey: 'order-2026-0001' });
    await transport.post('/b');
    await transport.post('/c');
    await transport.get('/d');
    const keys = server.requests.map((r) => r.headers['x-idempotency-key']);
    expect(keys[0]).toBe('order-2026-0001');
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[2]).not.toBe(keys[1]);
    expect(keys[3]).toBeUndefined(); // GET needs no key
  });

  it('retries network errors for idempotent methods and reports NetworkError at the end', async () => {
    server.respond(hangUp, json(200, { ok: true }));
    const { transport, delays } = transportWith();
    await expect(transport.get('/reset')).resolves.toEqual({ ok: true });
    expect(delays).toHaveLength(1);

    server.respond(hangUp);
    const error = await transport.get('/reset').catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    expect((error as NetworkError).attempts).toBe(3);
  });

  it('can turn off network retries and retries entirely', async () => {
    server.respond(hangUp);
    const { transport } = transportWith({ retry: { retryOnNetworkError: false } });
    await expect(transport.get('/x')).rejects.toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    server.respond(json(503, {}));
    await expect(transport.get('/x', { retry: false })).rejects.toBeInstanceOf(HttpError);
    expect(server.requests).toHaveLength(1);
  });

  it('reports NetworkError when nothing listens', async () => {
    const closed = await startServer();
    const url = closed.url;
    await closed.close();
    const transport = createTransport({ baseUrl: url, retry: 0 });
    const error = (await transport.get('/').catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toContain('ECONNREFUSED');
  });
});

describe('retry signal (throttling reported in a 200 body)', () => {
  const vkSignal: RetrySignal = (_response, body) => {
    const code = (body as { error?: { error_code?: number } } | undefined)?.error?.error_code;
    return code === 6 ? { retry: true, delayMs: 1133, pauseAll: 1133 } : undefined;
  };

  it('retries VK error 6 (even a POST), waits the signalled delay and pauses the limiter', async () => {
    server.respond(
      json(200, { error: { error_code: 6, error_msg: 'Too many requests per second' } }),
      json(200, { response: { message_id: 1 } }),
    );
    const paused: number[] = [];
    const real = createRateLimiter({ ratePerSecond: 100, burst: 100 });
    // Record the pause instead of really holding the queue for 1.1 s (the limiter tests cover pausing).
    const limiter = { ...real, acquire: real.acquire, pauseAll: (ms: number) => paused.push(ms) };
    const { transport, delays } = transportWith({ retry: { retrySignal: vkSignal }, rateLimit: limiter });
    const data = await transport.post('/method/messages.send', { form: { peer_id: 1 } });
    expect(data).toEqual({ response: { message_id: 1 } });
    expect(delays).toEqual([1133]);
    expect(paused).toEqual([1133]);
  });

  it('throws RateLimitError with the 200 body when the signal persists', async () => {
    server.respond(json(200, { error: { error_code: 6 } }));
    const { transport } = transportWith({ retry: { retrySignal: vkSignal, limit: 1 } });
    const error = (await transport.get('/method/users.get').catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.status).toBe(200);
    expect(error.reason).toBe('signal');
    expect(error.data).toEqual({ error: { error_code: 6 } });
    expect(server.requests).toHaveLength(2);
  });

  it('lets a signal veto a status retry', async () => {
    server.respond(json(503, { fatal: true }));
    const { transport } = transportWith({
      retry: {
        retrySignal: (_r, body) => ((body as { fatal?: boolean }).fatal ? { retry: false } : undefined),
      },
    });
    await expect(transport.get('/x')).rejects.toBeInstanceOf(HttpError);
    expect(server.requests).toHaveLength(1);
  });
});
