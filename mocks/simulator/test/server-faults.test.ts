import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type Running, startServer } from './server-support.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.server.close();
  running = undefined;
});

interface Outcome {
  status?: number;
  declared?: number;
  received: number;
  error?: string;
}

/** GET that records what arrived before the connection ended, instead of throwing it away. */
function probe(url: string): Promise<Outcome> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const outcome: Outcome = { received: 0 };
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, agent: false },
      (res) => {
        if (res.statusCode !== undefined) {
          outcome.status = res.statusCode;
        }
        outcome.declared = Number(res.headers['content-length']);
        res.on('data', (chunk: Buffer) => {
          outcome.received += chunk.length;
        });
        res.on('end', () => resolve(outcome));
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ ...outcome, error: error.code ?? error.message }),
        );
        res.on('aborted', () => resolve({ ...outcome, error: 'aborted' }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ...outcome, error: error.code ?? error.message }),
    );
    req.end();
  });
}

describe('listen(): transport faults are real on the socket', () => {
  it('connection-reset destroys the socket: the client gets a network error, no response', async () => {
    running = await startServer();
    running.sim.faults.addRule({
      portal: 'counter',
      operation: 'hits.get',
      effect: { fault: 'connection-reset' },
    });
    const outcome = await probe(`${running.server.baseUrl('counter')}/hits`);
    expect(outcome.status).toBeUndefined();
    expect(outcome.error).toMatch(/ECONNRESET|socket hang up/);
    await expect(fetch(`${running.server.baseUrl('counter')}/hits`)).rejects.toThrow();
  });

  it('network-error also drops the connection', async () => {
    running = await startServer();
    running.sim.faults.addRule({ portal: 'counter', effect: { fault: 'network-error' } });
    const outcome = await probe(`${running.server.baseUrl('counter')}/hits`);
    expect(outcome.status).toBeUndefined();
    expect(outcome.error).toBeDefined();
  });

  it('truncation announces the full Content-Length but sends only a prefix', async () => {
    running = await startServer();
    running.sim.faults.addRule({ portal: 'counter', operation: 'hits.get', effect: { truncate: 5 } });
    const outcome = await probe(`${running.server.baseUrl('counter')}/hits`);
    expect(outcome.status).toBe(200);
    expect(outcome.declared).toBeGreaterThan(5);
    expect(outcome.received).toBe(5);
    expect(outcome.error).toBeDefined();
  });

  it('a delay holds the answer back for at least that long', async () => {
    running = await startServer();
    running.sim.faults.addRule({ portal: 'counter', operation: 'hits.get', effect: { delayMs: 150 } });
    const started = performance.now();
    const res = await fetch(`${running.server.baseUrl('counter')}/hits`);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('close() cancels delayed answers instead of waiting for them', async () => {
    running = await startServer();
    running.sim.faults.addRule({ portal: 'counter', operation: 'hits.get', effect: { delayMs: 4000 } });
    const outcome = probe(`${running.server.baseUrl('counter')}/hits`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await running.server.close();
    running = undefined;
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await outcome).status).toBeUndefined();
  });

  it('the x-goskit-scenario header applies a scenario to one request only', async () => {
    running = await startServer();
    const down = await fetch(`${running.server.baseUrl('counter')}/hits`, {
      headers: { 'x-goskit-scenario': 'down' },
    }).catch((error: unknown) => error);
    const status = down instanceof Response ? down.status : 0;
    expect(status === 0 || status >= 500).toBe(true);
    const next = await fetch(`${running.server.baseUrl('counter')}/hits`);
    expect(next.status).toBe(200);
  });
});
