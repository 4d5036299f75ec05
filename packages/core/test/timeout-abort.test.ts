import { AbortError, createTransport, isAbortError, TimeoutError } from '@goskit/core';
import { describe, expect, it } from 'vitest';
import { delayed, fakeSleep, json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();

describe('timeouts', () => {
  it('fails one slow attempt with TimeoutError kind "attempt"', async () => {
    server.respond(delayed(2000, json(200, {})));
    const transport = createTransport({ baseUrl: server.url, timeout: 50, retry: 0 });
    const error = (await transport.get('/slow').catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe('TIMEOUT');
    expect(error.kind).toBe('attempt');
    expect(error.timeoutMs).toBe(50);
  });

  it('the attempt deadline also covers a body that stalls after the headers', async () => {
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":[1,2,'); // …and never finishes
    });
    const transport = createTransport({ baseUrl: server.url, timeout: 100, retry: 0 });
    const started = Date.now();
    const error = (await transport.get('/stall').catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.kind).toBe('attempt');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('retries an attempt timeout and then succeeds', async () => {
    server.respond(delayed(2000, json(200, {})), json(200, { ok: 1 }));
    const fake = fakeSleep();
    const transport = createTransport({ baseUrl: server.url, timeout: 50, sleep: fake.sleep });
    await expect(transport.raw({ path: '/slow' })).resolves.toMatchObject({ data: { ok: 1 }, attempts: 2 });
  });

  it('does not retry timeouts when retryOnTimeout is false', async () => {
    server.respond(delayed(2000, json(200, {})));
    const transport = createTransport({ baseUrl: server.url, timeout: 50, retry: { retryOnTimeout: false } });
    await expect(transport.get('/slow')).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('stops the whole call at totalTimeout with kind "total"', async () => {
    server.respond(delayed(2000, json(200, {})));
    const transport = createTransport({ baseUrl: server.url, timeout: 5000, totalTimeout: 80 });
    const error = (await transport.get('/slow').catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.kind).toBe('total');
    expect(error.timeoutMs).toBe(80);
  });

  it('does not start a wait that would end after the total deadline', async () => {
    server.respond(json(503, {}, { 'retry-after': '30' }));
    const fake = fakeSleep();
    const transport = createTransport({ baseUrl: server.url, totalTimeout: 5000, sleep: fake.sleep });
    const error = await transport.get('/x').catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(503);
    expect(fake.delays).toEqual([]);
  });
});

describe('abort', () => {
  it('rejects at once with AbortError when the signal is already aborted', async () => {
    const transport = createTransport({ baseUrl: server.url });
    const error = await transport
      .get('/x', { signal: AbortSignal.abort('user left') })
      .catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect((error as AbortError).code).toBe('ABORTED');
    expect((error as AbortError).cause).toBe('user left');
    expect(server.requests).toHaveLength(0);
  });

  it('aborts an in-flight request', async () => {
    server.respond(delayed(2000, json(200, {})));
    const transport = createTransport({ baseUrl: server.url });
    const controller = new AbortController();
    const pending = transport.get('/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it('aborts while waiting to retry', async () => {
    server.respond(json(503, {}, { 'retry-after': '10' }));
    const transport = createTransport({ baseUrl: server.url });
    const controller = new AbortController();
    const started = Date.now();
    const pending = transport.get('/x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });
});
