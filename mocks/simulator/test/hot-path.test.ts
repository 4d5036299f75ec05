/** The shortcuts of the request hot path must not change what handlers, limits and the journal see. */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { definePortal } from '../src/engine/define-portal.js';
import { HANDLE_NOW, handleNowOf } from '../src/engine/handle-now.js';
import { defaultRateLimitKey, RateLimiter } from '../src/engine/rate-limiter.js';
import { json } from '../src/engine/responses.js';
import { Router } from '../src/engine/router.js';
import type { PortalDefinition, SimRequest } from '../src/engine/types.js';
import { withContentLength } from '../src/server/write-response.js';
import { startServer } from './server-support.js';

const simRequest = (path: string, headers: Record<string, string> = {}): SimRequest => ({
  method: 'GET',
  portal: 'mixed',
  path,
  query: new URLSearchParams(),
  headers,
  body: undefined,
  url: `https://mixed.test${path}`,
  baseUrl: 'https://mixed.test',
});

const mixedPortal = definePortal<{ seen: string[] }>({
  name: 'mixed',
  title: 'sync and async handlers',
  hosts: ['https://mixed.test'],
  prefix: '/mixed',
  createState: () => ({ seen: [] }),
  routes: [
    {
      method: 'GET',
      path: '/sync',
      operation: 'sync',
      handler: ({ request, state }) => {
        state.seen.push(`${request.query.get('q')}|${request.remoteAddress}|${request.url}`);
        return json({ q: request.query.get('q') });
      },
    },
    { method: 'GET', path: '/async', operation: 'async', handler: async () => json({ late: true }, 201) },
    {
      method: 'GET',
      path: '/rejects',
      operation: 'rejects',
      handler: async () => {
        throw new Error('boom');
      },
    },
  ],
});

describe('engine fast path', () => {
  it('answers synchronous handlers without a promise, async ones with one; handle() always promises', async () => {
    const sim = createSimulator({ portals: [mixedPortal], strictContracts: false });
    const now = handleNowOf(sim);
    const sync = now(simRequest('/sync'));
    expect(sync).not.toBeInstanceOf(Promise);
    expect(sim.journal.count({ operation: 'sync' })).toBe(1);
    const late = now(simRequest('/async'));
    expect(late).toBeInstanceOf(Promise);
    expect((await late).status).toBe(201);
    const rejected = await now(simRequest('/rejects'));
    expect(rejected.status).toBe(500);
    expect(sim.journal.find({ operation: 'rejects' })[0]?.effects).toEqual(['internal-error']);
    const viaHandle = sim.handle(simRequest('/sync'));
    expect(viaHandle).toBeInstanceOf(Promise);
    expect((await viaHandle).status).toBe(200);
    expect(sim.journal.count({})).toBe(4);
  });

  it('falls back to handle() for a Simulator without the internal entry', async () => {
    const sim = createSimulator({ portals: [mixedPortal], strictContracts: false });
    const wrapped = { ...sim, portals: sim.portals, handle: (request: SimRequest) => sim.handle(request) };
    expect(HANDLE_NOW in wrapped).toBe(false);
    const answer = handleNowOf(wrapped as typeof sim)(simRequest('/sync'));
    expect(answer).toBeInstanceOf(Promise);
    expect((await answer).status).toBe(200);
  });
});

describe('node server request', () => {
  it('parses the query on demand and still gives handlers the query, remote address and URL', async () => {
    const { sim, server } = await startServer({ portals: [mixedPortal as PortalDefinition] });
    try {
      const first = await fetch(`${server.baseUrl('mixed')}/sync?q=%D0%B0%20b`);
      expect(await first.json()).toEqual({ q: 'а b' });
      await fetch(`${server.baseUrl('mixed')}/sync`);
      const seen = sim.portalState<{ seen: string[] }>('mixed').seen;
      expect(seen[0]).toBe(`а b|127.0.0.1|${server.baseUrl('mixed')}/sync?q=%D0%B0%20b`);
      expect(seen[1]).toBe(`null|127.0.0.1|${server.baseUrl('mixed')}/sync`);
    } finally {
      await server.close();
    }
  });

  it('writes Content-Length once, replacing one the handler set, without touching the shared headers', () => {
    const shared = { 'content-type': 'text/plain', 'content-length': '999', 'x-a': '1' };
    expect(withContentLength(shared, 5)).toEqual([
      'content-type',
      'text/plain',
      'x-a',
      '1',
      'content-length',
      '5',
    ]);
    expect(shared['content-length']).toBe('999');
  });
});

describe('memoised lookups', () => {
  it('rate-limit keys follow the Authorization header even when tokens alternate', () => {
    const keyOf = (token: string) =>
      defaultRateLimitKey(simRequest('/sync', { authorization: `Bearer ${token}` }));
    const a = keyOf('token-a');
    const b = keyOf('token-b');
    expect(a).not.toBe(b);
    expect(keyOf('token-a')).toBe(a);
    expect(keyOf('token-b')).toBe(b);
  });

  it('the effective limit of a portal follows a replaced rateLimit object', () => {
    const limiter = new RateLimiter({ mixed: { burst: 7 } });
    const portal = { ...mixedPortal } as unknown as PortalDefinition;
    expect(limiter.limitOf(portal)?.burst).toBe(7);
    expect(limiter.limitOf(portal)).toBe(limiter.limitOf(portal));
    portal.rateLimit = { ratePerSecond: 1, burst: 2, respond: () => json({}, 429) };
    expect(limiter.limitOf(portal)).toMatchObject({ ratePerSecond: 1, burst: 7 });
  });

  it('the router answers 405 with static and pattern methods, HEAD as GET, 404 with the nearest route', () => {
    const noop = () => json({});
    const router = new Router([
      { method: 'get', path: '/a/b', operation: 'ab', handler: noop },
      { method: 'post', path: '/a/:x', operation: 'ax', handler: noop },
      { method: 'delete', path: '/a/b/', operation: 'abd', handler: noop },
    ]);
    expect(router.match('GET', '/a/b/')).toMatchObject({ kind: 'found', params: {} });
    expect(router.match('head', '/a/b')).toMatchObject({ kind: 'found' });
    expect(router.match('PUT', '/a/b')).toEqual({
      kind: 'method-not-allowed',
      allow: ['DELETE', 'GET', 'POST'],
    });
    expect(router.match('post', '/a/zz')).toMatchObject({ kind: 'found', params: { x: 'zz' } });
    expect(router.match('GET', '/a/zz')).toEqual({ kind: 'method-not-allowed', allow: ['POST'] });
    expect(router.match('GET', '/b')).toMatchObject({ kind: 'not-found' });
  });
});
