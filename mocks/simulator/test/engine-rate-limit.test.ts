import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/index.js';
import { definePortal, http429, inBodyError, json } from '../src/portal-kit.js';
import { jsonOf, simRequest } from './fixtures/requests.js';
import { testPortal } from './fixtures/test-portal.js';

const vkLike = definePortal<null>({
  name: 'vk',
  title: 'VK-like',
  hosts: ['https://api.vk.test'],
  prefix: '/vk',
  createState: () => null,
  rateLimit: { ratePerSecond: 3, burst: 3, respond: inBodyError() },
  routes: [
    { method: 'GET', path: '/method/:name', operation: 'method', handler: () => json({ response: 1 }) },
  ],
});

describe('rate limits on the virtual clock', () => {
  it('answers 429 with Retry-After in seconds once the burst is spent, and recovers as time passes', async () => {
    const sim = createSimulator({ portals: [testPortal] });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await sim.handle(simRequest('/counter'))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await sim.handle(simRequest('/counter'));
    expect(refused.headers['retry-after']).toBe('1');
    expect(jsonOf(refused)).toEqual({ error: 'rate_limited', message: 'slow down' });
    expect(sim.journal.find({ status: 429 })[0]?.effects).toEqual(['rate-limit']);
    sim.clock.advance('PT0.5S');
    expect((await sim.handle(simRequest('/counter'))).status).toBe(200);
    expect((await sim.handle(simRequest('/counter'))).status).toBe(429);
    sim.clock.advance('PT10S');
    expect((await sim.handle(simRequest('/counter'))).status).toBe(200);
  });

  it('keys buckets by token, access_token, client id or address', async () => {
    const sim = createSimulator({
      portals: [testPortal],
      rateLimits: { test: { ratePerSecond: 1, burst: 1 } },
    });
    const call = (options: Parameters<typeof simRequest>[1]) =>
      sim.handle(simRequest('/notes', options)).then((r) => r.status);
    expect(await call({ headers: { authorization: 'Bearer token-a' } })).toBe(200);
    expect(await call({ headers: { authorization: 'Bearer token-a' } })).toBe(429);
    expect(await call({ headers: { authorization: 'Bearer token-b' } })).toBe(200);
    expect(await call({ query: { access_token: 'token-c' } })).toBe(200);
    expect(await call({ query: { client_id: 'vendor' } })).toBe(200);
    expect(await call({ query: { client_id: 'vendor' } })).toBe(429);
    expect(await call({ remoteAddress: '10.0.0.1' })).toBe(200);
    expect(await call({ remoteAddress: '10.0.0.2' })).toBe(200);
    expect(await call({ remoteAddress: '10.0.0.2' })).toBe(429);
    // Tokens are never stored raw in snapshots.
    expect(JSON.stringify(sim.snapshot().buckets)).not.toContain('token-a');
  });

  it('exempt operations are never throttled; overrides change the defaults per portal', async () => {
    const sim = createSimulator({ portals: [testPortal] });
    for (let i = 0; i < 10; i += 1) {
      expect((await sim.handle(simRequest('/page'))).status).toBe(200);
    }
    const generous = createSimulator({ portals: [testPortal], rateLimits: { test: { burst: 50 } } });
    for (let i = 0; i < 50; i += 1) {
      expect((await generous.handle(simRequest('/counter'))).status).toBe(200);
    }
    expect((await generous.handle(simRequest('/counter'))).status).toBe(429);
  });

  it('VK-style portals answer 200 with error 6 in the body', async () => {
    const sim = createSimulator({ portals: [vkLike] });
    const call = () =>
      sim.handle(
        simRequest('/method/messages.send', {
          portal: 'vk',
          query: { v: '5.199', access_token: 'secret-token' },
        }),
      );
    for (let i = 0; i < 3; i += 1) {
      expect(jsonOf(await call())).toEqual({ response: 1 });
    }
    const refused = await call();
    expect(refused.status).toBe(200);
    expect(jsonOf(refused)).toEqual({
      error: {
        error_code: 6,
        error_msg: 'Too many requests per second',
        request_params: [
          { key: 'method', value: 'messages.send' },
          { key: 'v', value: '5.199' },
        ],
      },
    });
  });

  it('http429 can write Retry-After as an HTTP date from the virtual clock', () => {
    const respond = http429({ retryAfter: 'http-date' });
    const response = respond({ retryAfterMs: 2500, now: new Date('2026-09-01T06:00:00Z') });
    expect(response.headers['retry-after']).toBe('Tue, 01 Sep 2026 06:00:03 GMT');
    expect(response.body).toBe('');
  });
});

describe('each portal brings its own limits', () => {
  it("ESIA's own default answers 429 with Retry-After in seconds; VK-style portals answer error 6 in a 200", async () => {
    const { esiaPortal } = await import('../src/index.js');
    const esia = esiaPortal().rateLimit;
    const request = simRequest('/aas/oauth2/jwks', { portal: 'esia' });
    const refused = esia?.respond({ request, retryAfterMs: 1500, now: new Date(0) });
    expect([refused?.status, refused?.headers['retry-after']]).toEqual([429, '2']);
    const vkStyle = inBodyError({ errorCode: 6 })({ request });
    expect(vkStyle.status).toBe(200);
    expect(jsonOf(vkStyle)).toMatchObject({ error: { error_code: 6 } });
  });
});

describe('bounded memory', () => {
  it('keeps at most MAX_BUCKETS buckets, forgetting the oldest keys', async () => {
    const { MAX_BUCKETS } = await import('../src/engine/rate-limiter.js');
    const sim = createSimulator({ portals: [testPortal], journalSize: 1 });
    for (let i = 0; i < MAX_BUCKETS + 50; i += 1) {
      await sim.handle(simRequest('/page', { remoteAddress: `10.0.${i >> 8}.${i & 255}` }));
      await sim.handle(simRequest('/notes', { headers: { authorization: `Bearer token-${i}` } }));
    }
    expect(Object.keys(sim.snapshot().buckets)).toHaveLength(MAX_BUCKETS);
  });
});
