import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { SimulatorError } from '../src/engine/errors.js';
import { counterPortal, rawRequest, serversClosedAfterEach } from './server-support.js';

const APP = 'http://app.test:3000';
const PREFLIGHT = {
  origin: APP,
  'access-control-request-method': 'PATCH',
  'access-control-request-headers': 'authorization, x-goskit-scenario',
};

const startServer = serversClosedAfterEach();

describe('CORS on the standalone server', () => {
  it('is off by default: no CORS headers, so a browser page on another origin is refused', async () => {
    const running = await startServer();
    const preflight = await rawRequest(running.base, 'OPTIONS', '/counter/hits', undefined, PREFLIGHT);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const get = await rawRequest(running.base, 'GET', '/counter/hits', undefined, { origin: APP });
    expect(get.status).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight from an allowed origin without reaching the portal or the journal', async () => {
    const running = await startServer({}, { cors: [APP] });
    const preflight = await rawRequest(running.base, 'OPTIONS', '/counter/hits', undefined, PREFLIGHT);
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'authorization, x-goskit-scenario',
      'access-control-max-age': '600',
    });
    expect(preflight.headers['access-control-allow-methods']).toContain('PATCH');
    expect(preflight.headers.vary).toContain('Origin');
    expect(running.sim.journal.count({})).toBe(0);
  });

  it('adds the CORS headers to real answers, exposing Retry-After and the fault report', async () => {
    const running = await startServer({}, { cors: [APP] });
    const get = await rawRequest(running.base, 'GET', '/counter/hits', undefined, { origin: APP });
    expect(get.status).toBe(200);
    expect(JSON.parse(get.body)).toEqual({ hits: 1 });
    expect(get.headers['access-control-allow-origin']).toBe(APP);
    expect(get.headers['access-control-expose-headers']).toContain('retry-after');
    expect(get.headers['access-control-expose-headers']).toContain('x-goskit-faults');
    expect(get.headers.vary).toBe('Origin');
    // Control API and errors too: a test page drives the simulator from its own origin.
    const health = await rawRequest(running.base, 'GET', '/__goskit/health', undefined, { origin: APP });
    expect(health.headers['access-control-allow-origin']).toBe(APP);
    const missing = await rawRequest(running.base, 'GET', '/counter/nope', undefined, { origin: APP });
    expect(missing.status).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBe(APP);
  });

  it('refuses another origin: 403 naming the allowed ones for a preflight, no headers otherwise', async () => {
    const running = await startServer({}, { cors: [APP] });
    const other = { ...PREFLIGHT, origin: 'http://evil.test' };
    const preflight = await rawRequest(running.base, 'OPTIONS', '/counter/hits', undefined, other);
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(JSON.parse(preflight.body)).toMatchObject({ error: 'CORS_ORIGIN_NOT_ALLOWED' });
    expect(JSON.parse(preflight.body).message).toContain(APP);
    const get = await rawRequest(running.base, 'GET', '/counter/hits', undefined, {
      origin: 'http://evil.test',
    });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("'*' allows any origin (echoed, since credentials are allowed)", async () => {
    const running = await startServer({}, { cors: '*' });
    const get = await rawRequest(running.base, 'GET', '/counter/hits', undefined, {
      origin: 'http://x.test:8080',
    });
    expect(get.headers['access-control-allow-origin']).toBe('http://x.test:8080');
  });

  it('rejects an origin with a path or without a scheme, naming it', async () => {
    const sim = createSimulator({ seed: 'cors', portals: [counterPortal], strictContracts: false });
    for (const bad of ['localhost:3000', 'http://localhost:3000/', 'http://a.test/app']) {
      const error = await sim.listen({ port: 0, cors: [bad] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SimulatorError);
      expect((error as SimulatorError).code).toBe('INVALID_OPTIONS');
      expect((error as Error).message).toContain(bad);
    }
  });
});
