/**
 * The retry policy's rules at their edges: Retry-After exactly at the cap, a caller's settings kept
 * over the defaults (and a call's over its transport's), which methods retry by default, methods
 * named in any case. Written where mutation testing (`pnpm mutation core`) found them unguarded.
 */
import {
  createTransport,
  DEFAULT_RETRY,
  HttpError,
  NetworkError,
  parseRetryAfter,
  RateLimitError,
  type ServiceUnavailableError,
  TimeoutError,
} from '@goskit/core';
import { describe, expect, it } from 'vitest';
import { delayed, fakeSleep, hangUp, json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();

function transportWith(extra: Partial<Parameters<typeof createTransport>[0]> = {}) {
  const fake = fakeSleep();
  const transport = createTransport({ baseUrl: server.url, sleep: fake.sleep, random: () => 0.5, ...extra });
  return { transport, delays: fake.delays };
}

describe('Retry-After against maxRetryAfter', () => {
  it('a Retry-After exactly at the cap is waited and the call repeated', async () => {
    server.respond(json(429, {}, { 'retry-after': '2' }), json(200, { ok: true }));
    const { transport, delays } = transportWith({ retry: { maxRetryAfter: 2000 } });
    await expect(transport.get('/limited')).resolves.toEqual({ ok: true });
    expect(delays).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  it('one step over the cap throws RateLimitError at once, without waiting', async () => {
    server.respond(json(429, {}, { 'retry-after': '2.001' }));
    const { transport, delays } = transportWith({ retry: { maxRetryAfter: 2000 } });
    const error = (await transport.get('/limited').catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.reason).toBe('retry-after-too-long');
    expect(error.retryAfter).toBe(2001);
    expect(delays).toEqual([]);
  });

  it("a caller's maxRetryAfter below the default replaces it", async () => {
    server.respond(json(429, {}, { 'retry-after': '10' }));
    const { transport, delays } = transportWith({ retry: { maxRetryAfter: 5000 } });
    const error = (await transport.get('/limited').catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(10_000);
    expect(delays).toEqual([]);
    expect(DEFAULT_RETRY.maxRetryAfter).toBeGreaterThan(10_000);
  });

  it("a call's maxRetryAfter replaces its transport's", async () => {
    server.respond(json(503, {}, { 'retry-after': '10' }), json(200, { ok: true }));
    const { transport, delays } = transportWith({ retry: { maxRetryAfter: 5000 } });
    await expect(transport.get('/limited', { retry: { maxRetryAfter: 10_000 } })).resolves.toEqual({
      ok: true,
    });
    expect(delays).toEqual([10_000]);
  });
});

describe("a call's retry settings win over its transport's, in both directions", () => {
  it('retryOnNetworkError: true on the call over false on the transport', async () => {
    server.respond(hangUp, json(200, { ok: true }));
    const { transport, delays } = transportWith({ retry: { retryOnNetworkError: false } });
    await expect(transport.get('/reset', { retry: { retryOnNetworkError: true } })).resolves.toEqual({
      ok: true,
    });
    expect(delays).toHaveLength(1);
  });

  it('retryOnNetworkError: false on the call over the default true', async () => {
    server.respond(hangUp, json(200, { ok: true }));
    const { transport } = transportWith();
    await expect(transport.get('/reset', { retry: { retryOnNetworkError: false } })).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('retryOnTimeout: true on the call over false on the transport', async () => {
    server.respond(delayed(2_000, json(200, { slow: true })), json(200, { ok: true }));
    const { transport, delays } = transportWith({ timeout: 100, retry: { retryOnTimeout: false } });
    await expect(transport.get('/slow', { retry: { retryOnTimeout: true } })).resolves.toEqual({ ok: true });
    expect(delays).toHaveLength(1);
  });

  it('retryOnTimeout: false on the call over the default true', async () => {
    server.respond(delayed(2_000, json(200, { slow: true })), json(200, { ok: true }));
    const { transport } = transportWith({ timeout: 100 });
    const error = await transport.get('/slow', { retry: { retryOnTimeout: false } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('which methods retry without an idempotency key', () => {
  it('by default GET, HEAD, OPTIONS, PUT and DELETE repeat a 503', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'] as const) {
      server.requests.length = 0;
      server.respond(json(503, {}), json(200, {}));
      const { transport } = transportWith();
      const result = await transport.raw({ path: '/r', method });
      expect(result.attempts, method).toBe(2);
      expect(server.requests.map((r) => r.method)).toEqual([method, method]);
    }
  });

  it('TRACE is in the default set too (fetch itself refuses to send it)', () => {
    expect([...DEFAULT_RETRY.methods].sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PUT', 'TRACE']);
  });

  it('POST and PATCH do not repeat by default', async () => {
    for (const method of ['POST', 'PATCH'] as const) {
      server.requests.length = 0;
      server.respond(json(503, {}), json(200, {}));
      const { transport } = transportWith();
      await expect(transport.raw({ path: '/r', method, json: {} }), method).rejects.toBeInstanceOf(HttpError);
      expect(server.requests, method).toHaveLength(1);
    }
  });

  it('retry.methods may be written in lower case', async () => {
    server.respond(json(503, {}), json(200, { ok: true }));
    const { transport } = transportWith({ retry: { methods: ['post'] } });
    await expect(transport.post('/orders', { json: {} })).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    server.respond(json(503, {}), json(200, { ok: true }));
    await expect(transport.get('/orders')).rejects.toBeInstanceOf(HttpError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('Retry-After values', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');

  it('delta-seconds may be surrounded by whitespace and carry a fraction', () => {
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('\t1.5', now)).toBe(1_500);
  });

  it('digits with anything before or after them are not delta-seconds, and not a date either', () => {
    for (const value of ['x120', '120abc', '120 s', '', '   ']) {
      expect(parseRetryAfter(value, now), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('a date in the past means "now", never a negative wait', () => {
    expect(parseRetryAfter(new Date(now - 5_000).toUTCString(), now)).toBe(0);
  });
});

describe("a portal's retry signal", () => {
  it('vetoing a retry keeps the status error: a Retry-After it carries is not "too long"', async () => {
    server.respond(json(503, { fatal: true }, { 'retry-after': '1' }));
    const { transport } = transportWith({ retry: { retrySignal: () => ({ retry: false }) } });
    const error = await transport.get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect((error as ServiceUnavailableError).reason).toBe('status');
    expect(server.requests).toHaveLength(1);
  });

  it('the same veto on another status is a plain HttpError, however long its Retry-After', async () => {
    server.respond(json(500, { fatal: true }, { 'retry-after': '3600' }));
    const { transport } = transportWith({ retry: { retrySignal: () => ({ retry: false }) } });
    const error = await transport.get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
  });
});
