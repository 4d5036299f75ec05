/**
 * The replay cache behind @goskit/crypto's webhook verifier, shared by two instances: a delivery
 * accepted by one is refused by the other; Redis down refuses the webhook instead of accepting it.
 */
import { createWebhookVerifier, signWebhook } from '@goskit/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayStore, RedisUnavailableError, type ReplayStore } from '../src/index.js';
import { type RedisServer, startRedisServer } from './helpers/redis-server.js';

let server: RedisServer;
const stores: ReplayStore[] = [];
const open = (options: { timeoutMs?: number } = {}) => {
  const store = createReplayStore({ redis: server.url, prefix: `replay:${process.pid}:`, ...options });
  stores.push(store);
  return store;
};
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await server?.stop();
});

describe('webhook replay cache', () => {
  const secret = 'whsec-test-0123456789abcdef';

  it('accepts a delivery once across instances', async () => {
    const first = createWebhookVerifier(secret, { replayStore: open() });
    const second = createWebhookVerifier(secret, { replayStore: open() });
    const body = '{"event":"order.status","orderId":1}';
    const header = await signWebhook(body, secret);
    await expect(first(body, header)).resolves.toMatchObject({ timestamp: expect.any(Number) });
    await expect(second(body, header)).rejects.toMatchObject({ code: 'REPLAY_DETECTED' });
    await expect(first(body, header)).rejects.toMatchObject({ code: 'REPLAY_DETECTED' });
    const other = await signWebhook('{"event":"other"}', secret);
    await expect(second('{"event":"other"}', other)).resolves.toBeDefined();
  });

  it('firstSeen answers true once per id and ttl', async () => {
    const store = open();
    expect(await store.firstSeen('delivery-1', 100)).toBe(true);
    expect(await store.firstSeen('delivery-1', 100)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await store.firstSeen('delivery-1', 100)).toBe(true);
  });

  it('refuses the webhook (fails closed) when Redis does not answer', async () => {
    const verify = createWebhookVerifier(secret, { replayStore: open({ timeoutMs: 200 }) });
    const body = '{"event":"late"}';
    const header = await signWebhook(body, secret);
    server.pause();
    try {
      await expect(verify(body, header)).rejects.toBeInstanceOf(RedisUnavailableError);
    } finally {
      server.resume();
    }
  });
});
