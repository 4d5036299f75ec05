// One client kit (issue 10 §3): `clock: { now() }` everywhere, the old `now` still working for one
// minor release with a one-time warning, and `clientTransportOptions` carrying every shared option.
import {
  type ClientOptions,
  clientTransportOptions,
  clockFrom,
  createTokenProvider,
  createTransport,
  InvalidOptionsError,
  type Logger,
  MemoryStore,
  ServiceUnavailableError,
  warnDeprecated,
} from '@goskit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSleep, json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();

/** A logger sink that records warnings. */
function recordingLogger() {
  const warnings: { message: string; fields: unknown }[] = [];
  const logger: Partial<Logger> = { warn: (message, fields) => warnings.push({ message, fields }) };
  return { logger, warnings };
}

describe('clock', () => {
  afterEach(() => vi.restoreAllMocks());

  it('createTransport reads Retry-After dates on the given clock', async () => {
    const at = Date.parse('2030-01-01T00:00:00Z');
    server.respond(json(429, {}, { 'retry-after': new Date(at + 3000).toUTCString() }), json(200, {}));
    const fake = fakeSleep();
    const transport = createTransport({ baseUrl: server.url, clock: { now: () => at }, sleep: fake.sleep });
    await transport.get('/x');
    expect(fake.delays).toEqual([3000]);
  });

  it('the deprecated now option still works and warns once per logger', async () => {
    const at = Date.parse('2030-01-01T00:00:00Z');
    const { logger, warnings } = recordingLogger();
    const fake = fakeSleep();
    server.respond(json(429, {}, { 'retry-after': new Date(at + 1000).toUTCString() }), json(200, {}));
    const transport = createTransport({ baseUrl: server.url, now: () => at, logger, sleep: fake.sleep });
    await transport.get('/x');
    expect(fake.delays).toEqual([1000]);
    createTransport({ baseUrl: server.url, now: () => at, logger });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/createTransport: the 'now' option is renamed 'clock'/);
    expect(warnings[0]?.fields).toEqual({ deprecation: 'GOSKIT_DEP_NOW_createTransport' });
  });

  it('without a logger the warning is a Node DeprecationWarning, once per process', () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    new MemoryStore({ now: () => 0 });
    new MemoryStore({ now: () => 0 });
    expect(emitted).toHaveBeenCalledTimes(1);
    expect(emitted.mock.calls[0]?.[1]).toEqual({
      type: 'DeprecationWarning',
      code: 'GOSKIT_DEP_NOW_MemoryStore',
    });
    warnDeprecated(undefined, 'GOSKIT_TEST_ONCE', 'x');
    warnDeprecated(undefined, 'GOSKIT_TEST_ONCE', 'x');
    expect(emitted).toHaveBeenCalledTimes(2);
  });

  it('MemoryStore and createTokenProvider expire on the given clock', async () => {
    let now = 1_000;
    const clock = { now: () => now };
    const store = new MemoryStore<string>({ clock });
    await store.set('k', 'v', { ttlMs: 100 });
    now += 99;
    expect(await store.get('k')).toBe('v');
    now += 1;
    expect(await store.get('k')).toBeUndefined();

    let fetches = 0;
    const provider = createTokenProvider({
      clock,
      refreshAheadMs: 0,
      fetchToken: async () => ({ token: `t${++fetches}`, expiresAt: now + 1000 }),
    });
    expect(await provider.getToken()).toBe('t1');
    now += 1000;
    expect(await provider.getToken()).toBe('t2');
  });

  it('refuses a clock without now(): a virtual clock of another shape fails at construction', () => {
    const wrong = { nowMs: () => 0 } as unknown as { now(): number };
    expect(() => createTransport({ baseUrl: server.url, clock: wrong })).toThrow(InvalidOptionsError);
    expect(() => new MemoryStore({ clock: wrong })).toThrow(/clock must be an object with a now\(\) method/);
    expect(() => clockFrom({ now: 5 as unknown as () => number }, 'x')).toThrow(InvalidOptionsError);
    expect(clockFrom({}, 'x').now()).toBeGreaterThan(0);
  });
});

describe('clientTransportOptions', () => {
  it('carries every shared option, headers merged, the clock as clock', () => {
    const clock = { now: () => 42 };
    const caller: Required<Omit<ClientOptions, 'engine' | 'fetch' | 'hooks' | 'logger' | 'rateLimit'>> = {
      retry: 1,
      timeout: 5,
      totalTimeout: 50,
      maxResponseBytes: 1234,
      redirects: { allowOrigins: ['https://files.example.ru'] },
      clock,
      headers: { 'x-caller': '1' },
      userAgent: 'ua/1',
    };
    const merged = clientTransportOptions(caller, {
      baseUrl: 'https://x.example',
      timeout: 60_000,
      headers: { 'x-client': '1' },
    });
    expect(merged).toMatchObject({
      baseUrl: 'https://x.example',
      retry: 1,
      timeout: 5,
      totalTimeout: 50,
      maxResponseBytes: 1234,
      redirects: { allowOrigins: ['https://files.example.ru'] },
      userAgent: 'ua/1',
      headers: { 'x-client': '1', 'x-caller': '1' },
    });
    expect(merged.clock).toBe(clock);
    expect('now' in merged).toBe(false);
    expect(
      clientTransportOptions({}, { baseUrl: 'https://x.example', maxResponseBytes: 9 }).maxResponseBytes,
    ).toBe(9);
  });
});

describe('503 is not a rate limit', () => {
  it('a 503 with a long Retry-After (maintenance) is ServiceUnavailableError carrying retryAfterMs', async () => {
    server.respond((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '3600' });
      res.end('<h1>Технические работы</h1>');
    });
    const transport = createTransport({ baseUrl: server.url });
    const error = (await transport.get('/x').catch((e: unknown) => e)) as ServiceUnavailableError;
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
      retryAfterMs: 3_600_000,
      reason: 'retry-after-too-long',
    });
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.body).toContain('Технические работы');
    expect(server.requests).toHaveLength(1);
  });

  it('a 503 that persists through the retries is ServiceUnavailableError too', async () => {
    server.respond(json(503, {}));
    const fake = fakeSleep();
    const transport = createTransport({ baseUrl: server.url, sleep: fake.sleep });
    await expect(transport.get('/x')).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'status',
    });
    expect(server.requests).toHaveLength(3);
  });
});
