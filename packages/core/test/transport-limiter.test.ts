import { AbortError, createRateLimiter, createTransport, TimeoutError } from '@goskit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from './helpers/test-server.js';

let server: TestServer;
let inFlight = 0;
let maxInFlight = 0;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  inFlight = 0;
  maxInFlight = 0;
  // Each request holds the server for 150 ms, so overlapping calls would be visible.
  server.respond(
    (_req, res) =>
      new Promise<void>((resolve) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight -= 1;
          void json(200, { ok: true })(_req, res);
          resolve();
        }, 150);
      }),
  );
});

describe('transport with a rate limiter', () => {
  it('never has more calls in flight than maxConcurrency', async () => {
    const transport = createTransport({
      baseUrl: server.url,
      rateLimit: { ratePerSecond: 1000, maxConcurrency: 2 },
    });
    await Promise.all(Array.from({ length: 6 }, (_, i) => transport.get(`/c/${i}`)));
    expect(server.requests).toHaveLength(6);
    expect(maxInFlight).toBe(2);
  });

  it('serves queued calls in FIFO order', async () => {
    const transport = createTransport({
      baseUrl: server.url,
      rateLimit: { ratePerSecond: 1000, maxConcurrency: 1 },
    });
    await Promise.all([1, 2, 3, 4].map((i) => transport.get(`/fifo/${i}`)));
    expect(server.requests.map((r) => r.url)).toEqual(['/fifo/1', '/fifo/2', '/fifo/3', '/fifo/4']);
  });

  it('shares one limiter between transports and uses the per-call key', async () => {
    const limiter = createRateLimiter({ ratePerSecond: 1000, maxConcurrency: 1 });
    const a = createTransport({ baseUrl: server.url, rateLimit: limiter });
    const b = createTransport({ baseUrl: server.url, rateLimit: limiter });
    await Promise.all([a.get('/a'), b.get('/b'), a.get('/a2')]);
    expect(maxInFlight).toBe(1);
    await Promise.all([a.get('/x', { rateLimitKey: 'one' }), a.get('/y', { rateLimitKey: 'two' })]);
    expect(maxInFlight).toBe(2);
    expect(transportLimiter(a)).toBe(limiter);
  });

  it('aborting a queued call rejects it with AbortError and it is never sent', async () => {
    const transport = createTransport({
      baseUrl: server.url,
      rateLimit: { ratePerSecond: 1000, maxConcurrency: 1 },
    });
    const controller = new AbortController();
    const first = transport.get('/first');
    const queued = transport.get('/queued', { signal: controller.signal });
    const third = transport.get('/third');
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(AbortError);
    await Promise.all([first, third]);
    expect(server.requests.map((r) => r.url)).toEqual(['/first', '/third']);
  });

  it('a total timeout that passes while queued is a TimeoutError of kind total', async () => {
    const transport = createTransport({
      baseUrl: server.url,
      rateLimit: { ratePerSecond: 1000, maxConcurrency: 1 },
    });
    const first = transport.get('/first');
    const error = await transport.get('/late', { totalTimeout: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe('total');
    await first;
  });
});

function transportLimiter(transport: ReturnType<typeof createTransport>) {
  return transport.rateLimiter;
}
