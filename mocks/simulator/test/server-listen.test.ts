import { Agent, request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rawRequest, serversClosedAfterEach } from './server-support.js';

const startServer = serversClosedAfterEach();

describe('listen(): routing and translation', () => {
  it('serves a portal under its prefix and keeps per-instance state across requests', async () => {
    const running = await startServer();
    const base = running.server.baseUrl('counter');
    expect(base).toBe(`${running.base}/counter`);
    const first = await fetch(`${base}/hits`).then((res) => res.json());
    const second = await fetch(`${base}/hits`).then((res) => res.json());
    expect(first).toEqual({ hits: 1 });
    expect(second).toEqual({ hits: 2 });
    expect(running.sim.journal.count({ portal: 'counter', operation: 'hits.get' })).toBe(2);
  });

  it('passes path params, decoded path, query, body, base URL and absolute URL to the engine', async () => {
    const running = await startServer();
    const base = running.server.baseUrl('counter');
    const res = await fetch(`${base}/echo?a=1&b=%D0%B4`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Иванов' }),
    });
    const echo = await res.json();
    expect(echo).toEqual({
      bytes: Buffer.byteLength(JSON.stringify({ name: 'Иванов' })),
      path: '/echo',
      query: { a: '1', b: 'д' },
      baseUrl: base,
      url: `${base}/echo?a=1&b=%D0%B4`,
      contentType: 'application/json',
    });
    const item = await fetch(`${base}/items/%D1%8F%201`).then((r) => r.json());
    expect(item).toEqual({ id: 'я 1', path: '/items/я 1' });
  });

  it('writes Content-Length and reuses keep-alive connections', async () => {
    const running = await startServer();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL(`${running.server.baseUrl('counter')}/hits`);
    const ports = new Set<number>();
    for (let i = 0; i < 3; i++) {
      const { length, port } = await new Promise<{ length: string | undefined; port: number }>(
        (resolve, reject) => {
          const req = httpRequest(
            { host: url.hostname, port: url.port, path: url.pathname, agent },
            (res) => {
              res.resume();
              res.on('end', () =>
                resolve({ length: res.headers['content-length'], port: req.socket?.localPort ?? -1 }),
              );
            },
          );
          req.on('error', reject);
          req.end();
        },
      );
      expect(Number(length)).toBeGreaterThan(0);
      ports.add(port);
    }
    expect(ports.size).toBe(1);
    agent.destroy();
  });

  it('answers an unknown path with the engine 404 that names the nearest route', async () => {
    const running = await startServer();
    const res = await rawRequest(running.base, 'GET', '/counter/hitz');
    expect(res.status).toBe(404);
    expect(res.body).toContain('/hits');
    const outside = await rawRequest(running.base, 'GET', '/countr/hits');
    expect(outside.status).toBe(404);
    expect(outside.body).toMatch(/counter/);
  });

  it('does not treat a longer first segment as the portal prefix', async () => {
    const running = await startServer();
    const res = await rawRequest(running.base, 'GET', '/counterx/hits');
    expect(res.status).toBe(404);
    expect(running.sim.journal.count({ portal: 'counter', operation: 'hits.get' })).toBe(0);
  });

  it('close() ends idle keep-alive sockets so it resolves promptly', async () => {
    const running = await startServer();
    const agent = new Agent({ keepAlive: true });
    const url = new URL(`${running.server.baseUrl('counter')}/hits`);
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end();
    });
    const started = Date.now();
    await running.server.close();
    // Without closing idle sockets, server.close() waits for the 5 s keep-alive timeout.
    expect(Date.now() - started).toBeLessThan(3000);
    agent.destroy();
  });

  it('listens on an ephemeral port and rejects when the port is taken', async () => {
    const running = await startServer();
    expect(running.server.port).toBeGreaterThan(0);
    await expect(startServer({}, { port: running.server.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
    expect(() => running.server.baseUrl('nope')).toThrow(/unknown portal "nope"/);
  });
});
