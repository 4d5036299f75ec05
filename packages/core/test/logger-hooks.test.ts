import {
  consoleLogger,
  createLogger,
  createTransport,
  type ErrorEvent,
  HttpError,
  isRedactingLogger,
  type LogFields,
  type RequestEvent,
  type ResponseEvent,
  silentLogger,
} from '@goskit/core';
import { describe, expect, it, vi } from 'vitest';
import { json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();

describe('createLogger', () => {
  it('is silent for debug and info by default and passes warn/error on', () => {
    const seen: string[] = [];
    const sink = {
      debug: (m: string) => seen.push(`debug ${m}`),
      info: (m: string) => seen.push(`info ${m}`),
      warn: (m: string) => seen.push(`warn ${m}`),
      error: (m: string) => seen.push(`error ${m}`),
    };
    const logger = createLogger({ sink });
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(seen).toEqual(['warn c', 'error d']);
    expect(logger.enabled('debug')).toBe(false);
    expect(isRedactingLogger(logger)).toBe(true);
    expect(isRedactingLogger(sink)).toBe(false);
  });

  it('honours an explicit level, including silent', () => {
    const seen: string[] = [];
    const push = (m: string) => seen.push(m);
    createLogger({ sink: { debug: push, error: push }, level: 'debug' }).debug('x');
    createLogger({ sink: { debug: push, error: push }, level: 'silent' }).error('y');
    expect(seen).toEqual(['x']);
  });

  it('ships silent and console sinks', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    createLogger({ sink: consoleLogger }).warn('token=abcdef123456 here');
    expect(spy).toHaveBeenCalledWith('token=[REDACTED] here', '');
    spy.mockRestore();
    expect(() => silentLogger.error('nothing')).not.toThrow();
  });
});

describe('transport events', () => {
  it('logs request and response at debug with elapsed ms, attempt and request id', async () => {
    server.respond(json(200, { ok: true }, { 'x-request-id': 'rid-7' }));
    const records: [string, LogFields | undefined][] = [];
    const transport = createTransport({
      baseUrl: server.url,
      logger: { debug: (m, f) => records.push([m, f]) },
    });
    await transport.post('/x', { json: { a: 1 }, idempotencyKey: 'key-1' });
    const [request, response] = records;
    expect(request?.[0]).toBe('goskit request');
    expect(request?.[1]).toMatchObject({ method: 'POST', attempt: 1, idempotencyKey: 'key-1' });
    expect(request?.[1]?.body).toBeUndefined(); // bodies only with logBodies
    expect(response?.[0]).toBe('goskit response');
    expect(response?.[1]).toMatchObject({ status: 200, requestId: 'rid-7', attempt: 1 });
    expect(typeof response?.[1]?.elapsedMs).toBe('number');
  });

  it('runs onRequest in order (may set headers), onResponse in reverse, onError once', async () => {
    server.respond(json(503, {}), json(500, {}, { 'x-request-id': 'rid-err' }));
    const order: string[] = [];
    const responses: ResponseEvent[] = [];
    const errors: ErrorEvent[] = [];
    const transport = createTransport({
      baseUrl: server.url,
      retry: { limit: 1 },
      sleep: async () => {},
      hooks: {
        onRequest: [
          (e: RequestEvent) => {
            order.push(`req1#${e.attempt}`);
            e.headers.set('x-signature', `sig-${e.attempt}`);
          },
          (e: RequestEvent) => {
            order.push(`req2#${e.attempt}`);
          },
        ],
        onResponse: [
          (e) => {
            order.push(`res1#${e.attempt}`);
            responses.push(e);
          },
          (e) => {
            order.push(`res2#${e.attempt}`);
          },
        ],
        onError: [(e) => void errors.push(e)],
      },
    });
    await expect(transport.get('/x')).rejects.toBeInstanceOf(HttpError);
    expect(order).toEqual(['req1#1', 'req2#1', 'res2#1', 'res1#1', 'req1#2', 'req2#2', 'res2#2', 'res1#2']);
    expect(server.requests.map((r) => r.headers['x-signature'])).toEqual(['sig-1', 'sig-2']);
    expect(responses.map((r) => r.status)).toEqual([503, 500]);
    expect(responses[1]?.requestId).toBe('rid-err');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ attempt: 2, requestId: 'rid-err' });
    expect(errors[0]?.error).toBeInstanceOf(HttpError);
    expect(errors[0]?.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('lets a hook error through untouched instead of retrying it as a network error', async () => {
    server.respond(json(200, {}));
    const boom = new Error('hook failed');
    const transport = createTransport({
      baseUrl: server.url,
      hooks: {
        onResponse: [
          () => {
            throw boom;
          },
        ],
      },
    });
    await expect(transport.get('/x')).rejects.toBe(boom);
    expect(server.requests).toHaveLength(1);
  });
});
