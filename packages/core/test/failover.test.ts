/**
 * The failover transport against real node:http servers on 127.0.0.1 (and a real TLS server whose
 * certificate the client does not trust): switching on repeated 5xx, timeouts, network and TLS
 * failures and damaged bodies, the retry budget across servers, health probes, and the way back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFailoverTransport,
  type FailoverEvent,
  type FailoverTransportOptions,
  HttpError,
  InvalidOptionsError,
  NetworkError,
  tlsCodeOf,
} from '@goskit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { delayed, fakeSleep, json, startServer, type TestServer, text } from './helpers/test-server.js';

let primary: TestServer;
let backup: TestServer;
let second: TestServer;

beforeAll(async () => {
  [primary, backup, second] = await Promise.all([startServer(), startServer(), startServer()]);
});
afterAll(async () => {
  await Promise.all([primary.close(), backup.close(), second.close()]);
});
beforeEach(() => {
  for (const server of [primary, backup, second]) {
    server.requests.length = 0;
    server.respond(
      json(200, { from: server === primary ? 'primary' : server === backup ? 'backup' : 'second' }),
    );
  }
});

/** A clock the test moves by hand, and a transport whose waits are recorded, not slept. */
function setup(extra: Partial<FailoverTransportOptions> = {}, servers = [primary.url, backup.url]) {
  let time = Date.UTC(2026, 8, 1, 6, 0, 0);
  const clock = { now: () => time };
  const events: FailoverEvent[] = [];
  const fake = fakeSleep();
  const transport = createFailoverTransport({
    servers,
    clock,
    sleep: fake.sleep,
    random: () => 0.5,
    ...extra,
    failover: { ...extra.failover, onEvent: (event) => events.push(event) },
  });
  return {
    transport,
    events,
    delays: fake.delays,
    advance: (ms: number) => {
      time += ms;
    },
    types: () => events.map((event) => event.type),
  };
}

describe('switching to a backup', () => {
  it('leaves the primary after two 5xx in a row and reports the backup as the server that answered', async () => {
    primary.respond(json(503, { error: 'down' }));
    const { transport, events, delays } = setup();
    const result = await transport.raw({ path: '/items' });
    expect(result.data).toEqual({ from: 'backup' });
    expect(result.server).toMatchObject({ name: 'backup-1', index: 1, primary: false });
    expect(result.attempts).toBe(3);
    expect(primary.requests).toHaveLength(2);
    expect(backup.requests).toHaveLength(1);
    // Backoff only between attempts on the same server; the switch itself is immediate.
    expect(delays).toEqual([150]);
    expect(events.map((event) => event.type)).toEqual(['failure', 'failure', 'down', 'switch', 'answer']);
    expect(events[3]).toMatchObject({
      type: 'switch',
      from: { name: 'primary' },
      to: { name: 'backup-1' },
      reason: 'status',
    });
    // Later calls go straight to the backup.
    expect(await transport.get('/items')).toEqual({ from: 'backup' });
    expect(primary.requests).toHaveLength(2);
    expect(transport.active.name).toBe('backup-1');
  });

  it('never makes more attempts than retry.limit + 1, however many servers fail', async () => {
    for (const server of [primary, backup, second]) {
      server.respond(json(500, { error: 'boom' }));
    }
    const { transport } = setup({ retry: { limit: 4 }, failover: { failureThreshold: 1 } }, [
      primary.url,
      backup.url,
      second.url,
    ]);
    const error = (await transport.get('/x').catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(5);
    expect(primary.requests.length + backup.requests.length + second.requests.length).toBe(5);
    expect(second.requests.length).toBeGreaterThan(0);
  });

  it('with retries off a call fails on the primary, and the threshold still moves later calls', async () => {
    primary.respond(json(502, {}));
    const { transport } = setup({ retry: false });
    await expect(transport.get('/a')).rejects.toBeInstanceOf(HttpError);
    await expect(transport.get('/a')).rejects.toBeInstanceOf(HttpError);
    expect(await transport.get('/a')).toEqual({ from: 'backup' });
    expect(primary.requests).toHaveLength(2);
  });

  it('does not repeat a POST without an idempotency key, but repeats one with a key on the backup', async () => {
    primary.respond(json(500, {}));
    const { transport } = setup({ failover: { failureThreshold: 1 } });
    await expect(transport.post('/batches', { json: { n: 1 } })).rejects.toBeInstanceOf(HttpError);
    expect(backup.requests).toHaveLength(0);
    // The primary is down now; a keyed POST goes to the backup, the key unchanged.
    const { transport: again } = setup({ failover: { failureThreshold: 1 } });
    const result = await again.raw({
      path: '/batches',
      method: 'POST',
      json: { n: 2 },
      idempotencyKey: 'batch-7',
    });
    expect(result.server.name).toBe('backup-1');
    expect(primary.requests.at(-1)?.headers['idempotency-key']).toBe('batch-7');
    expect(backup.requests.at(-1)?.headers['idempotency-key']).toBe('batch-7');
    expect(backup.requests.at(-1)?.body).toBe('{"n":2}');
  });

  it('switches on attempt timeouts', async () => {
    primary.respond(delayed(2_000, json(200, {})));
    const { transport, events } = setup({ timeout: 100 });
    const result = await transport.raw({ path: '/slow' });
    expect(result.server.name).toBe('backup-1');
    expect(
      events.filter((event) => event.type === 'failure').map((event) => (event as { reason: string }).reason),
    ).toEqual(['timeout', 'timeout']);
  });

  it('switches when nothing listens on the primary (network failure)', async () => {
    const gone = await startServer();
    const url = gone.url;
    await gone.close();
    const { transport, events } = setup({}, [url, backup.url]);
    const result = await transport.raw({ path: '/n' });
    expect(result.server.name).toBe('backup-1');
    expect(events.find((event) => event.type === 'failure')).toMatchObject({ reason: 'network' });
  });

  it('switches on a damaged body: a 2xx that is not JSON, or fails the schema', async () => {
    primary.respond(text(200, '<html>Технические работы</html>', { 'content-type': 'application/json' }));
    const { transport, events } = setup({ failover: { failureThreshold: 1 } });
    expect((await transport.raw({ path: '/d' })).server.name).toBe('backup-1');
    expect(events[0]).toMatchObject({ type: 'failure', reason: 'damaged' });

    primary.respond(json(200, { items: null }));
    backup.respond(json(200, { items: [] }));
    const { transport: strict } = setup({ failover: { failureThreshold: 1 } });
    const data = await strict.get('/d', { schema: z.object({ items: z.array(z.number()) }) });
    expect(data).toEqual({ items: [] });
  });

  it('a 503 asking to wait longer than maxRetryAfter (maintenance) leaves the primary at once', async () => {
    primary.respond(json(503, {}, { 'retry-after': '3600' }));
    const { transport, delays } = setup();
    expect((await transport.raw({ path: '/m' })).server.name).toBe('backup-1');
    expect(primary.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("a 4xx is the caller's: no failure, no switch, no retry", async () => {
    primary.respond(json(404, { error: 'not_found' }));
    const { transport, events } = setup();
    await expect(transport.get('/missing')).rejects.toMatchObject({ status: 404 });
    expect(events).toEqual([]);
    expect(backup.requests).toHaveLength(0);
  });

  it('a 429 is retried on the same server after its Retry-After, never counted against it', async () => {
    primary.respond(json(429, {}, { 'retry-after': '2' }), json(200, { from: 'primary' }));
    const { transport, events, delays } = setup();
    expect(await transport.get('/busy')).toEqual({ from: 'primary' });
    expect(delays).toEqual([2000]);
    expect(events.map((event) => event.type)).toEqual(['answer']);
  });

  it("hooks see each attempt's real URL; onError runs once per failed call", async () => {
    primary.respond(json(500, {}));
    backup.respond(json(500, {}));
    const urls: string[] = [];
    const errors: unknown[] = [];
    const { transport } = setup({
      failover: { failureThreshold: 1 },
      hooks: {
        onRequest: [(event) => void urls.push(event.url)],
        onError: [(event) => void errors.push(event.error)],
      },
    });
    await expect(transport.get('/h')).rejects.toBeInstanceOf(HttpError);
    expect(urls[0]?.startsWith(primary.url)).toBe(true);
    expect(urls[1]?.startsWith(backup.url)).toBe(true);
    expect(errors).toHaveLength(1);
  });
});

describe('a TLS failure on the primary', () => {
  let dir: string;
  let tlsServer: HttpsServer;
  let tlsUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'goskit-failover-tls-'));
    // A real certificate made by OpenSSL, which the client has no reason to trust.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tlsServer = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"from":"tls"}'),
    );
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    tlsUrl = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    tlsServer.closeAllConnections();
    await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the server at the first handshake failure and names the OpenSSL code', async () => {
    const { transport, events } = setup({}, [tlsUrl, backup.url]);
    const result = await transport.raw({ path: '/t' });
    expect(result.server.name).toBe('backup-1');
    expect(events.slice(0, 3).map((event) => event.type)).toEqual(['failure', 'down', 'switch']);
    expect(events[0]).toMatchObject({ reason: 'tls' });
    const direct = await fetch(`${tlsUrl}/t`).catch((error: unknown) => error);
    expect(tlsCodeOf(direct)).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    expect(tlsCodeOf(new NetworkError({ method: 'GET', url: tlsUrl, cause: direct }))).toBe(
      tlsCodeOf(direct),
    );
  });
});

describe('back to the primary', () => {
  it('without probes: after recoverAfterMs one trial call goes to the primary; success brings it back', async () => {
    primary.respond(json(503, {}));
    const { transport, advance, events } = setup({ failover: { recoverAfterMs: 30_000 } });
    expect((await transport.raw({ path: '/r' })).server.name).toBe('backup-1');
    primary.respond(json(200, { from: 'primary' }));
    advance(29_999);
    expect((await transport.raw({ path: '/r' })).server.name).toBe('backup-1');
    advance(1);
    expect((await transport.raw({ path: '/r' })).server.name).toBe('primary');
    expect(events.filter((event) => event.type === 'up')).toMatchObject([
      { via: 'trial', server: { name: 'primary' } },
    ]);
    expect(events.at(-2)).toMatchObject({ type: 'switch', to: { name: 'primary' }, reason: 'recovered' });
    expect(transport.active.name).toBe('primary');
  });

  it('a failed trial sends the call on to the backup and rests the primary again', async () => {
    primary.respond(json(503, {}));
    const { transport, advance } = setup({ failover: { recoverAfterMs: 1_000 } });
    await transport.get('/r');
    advance(1_000);
    const trial = await transport.raw({ path: '/r' });
    expect(trial.server.name).toBe('backup-1');
    expect(trial.attempts).toBe(2);
    const before = primary.requests.length;
    advance(999);
    await transport.get('/r');
    expect(primary.requests.length).toBe(before);
  });

  it('with probes: a failed probe leaves the primary before any call fails, a healthy one brings it back', async () => {
    primary.respond((req, res) => json(req.url === '/health' ? 503 : 200, { from: 'primary' })(req, res));
    const { transport, advance, events } = setup({
      failover: { health: { path: '/health', intervalMs: 10_000 } },
    });
    await transport.checkHealth();
    expect(transport.active.name).toBe('backup-1');
    expect(
      events
        .filter((event) => event.type === 'probe')
        .map((event) => (event as { healthy: boolean }).healthy)
        .sort(),
    ).toEqual([false, true]);
    expect((await transport.raw({ path: '/p' })).server.name).toBe('backup-1');
    expect(primary.requests.filter((request) => request.url !== '/health')).toHaveLength(0);

    primary.respond(json(200, { from: 'primary' }));
    advance(10_000);
    // The call that finds the probes due starts them without waiting; the verdict moves the next calls.
    expect((await transport.raw({ path: '/p' })).server.name).toBe('backup-1');
    await transport.checkHealth();
    expect(transport.active.name).toBe('primary');
    expect((await transport.raw({ path: '/p' })).server.name).toBe('primary');
    expect(events.find((event) => event.type === 'up')).toMatchObject({ via: 'probe' });
  });
});

describe('options', () => {
  it('refuses an empty server list and names used twice', () => {
    expect(() => createFailoverTransport({ servers: [] })).toThrow(InvalidOptionsError);
    expect(() =>
      createFailoverTransport({
        servers: [
          { url: primary.url, name: 'a' },
          { url: backup.url, name: 'a' },
        ],
      }),
    ).toThrow(/used twice/);
    expect(() => createFailoverTransport({ servers: ['not a url'] })).toThrow(InvalidOptionsError);
    expect(() =>
      createFailoverTransport({ servers: [primary.url], failover: { failureThreshold: 0 } }),
    ).toThrow(/failureThreshold/);
  });

  it('checkHealth() without a health path is an options error', async () => {
    const { transport } = setup();
    await expect(transport.checkHealth()).rejects.toBeInstanceOf(InvalidOptionsError);
  });

  it('an observer that throws does not break the call', async () => {
    const transport = createFailoverTransport({
      servers: [primary.url, backup.url],
      failover: {
        onEvent: () => {
          throw new Error('observer bug');
        },
      },
    });
    expect(await transport.get('/ok')).toEqual({ from: 'primary' });
  });
});
