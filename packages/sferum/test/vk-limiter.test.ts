import { type KeyValueStore, MemoryStore } from '@goskit/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVkClient, createVkRateLimiter, VK_API_RU } from '../src/index.js';
import { ManualClock, settleAt } from './helpers/manual-clock.js';
import { vkRoute } from './helpers/vk-handlers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function answerAll() {
  const route = vkRoute(VK_API_RU, () => ({ response: 1 }));
  server.use(route.handler);
  return route.calls;
}

const tokensOf = (calls: { form: URLSearchParams }[]) => calls.map((c) => c.form.get('access_token'));

describe('per-token rate limits', () => {
  it('lets a user token through at 3 req/s', async () => {
    const clock = new ManualClock();
    const calls = answerAll();
    const vk = createVkClient({ token: 'user-a', tokenKind: 'user', clock });
    const pending = Array.from({ length: 5 }, (_, i) => vk.messages.editChat({ chat_id: i + 1, title: 'T' }));
    await settleAt(() => calls.length, 3);
    expect(calls).toHaveLength(3);
    await clock.advance(340);
    await settleAt(() => calls.length, 4);
    expect(calls).toHaveLength(4);
    await clock.advance(340);
    await settleAt(() => calls.length, 5);
    expect(calls).toHaveLength(5);
    await Promise.all(pending);
  });

  it('lets a community token through at 20 req/s', async () => {
    const clock = new ManualClock();
    const calls = answerAll();
    const vk = createVkClient({ token: 'community-a', tokenKind: 'community', clock });
    const pending = Array.from({ length: 25 }, (_, i) =>
      vk.messages.editChat({ chat_id: i + 1, title: 'T' }),
    );
    await settleAt(() => calls.length, 20);
    expect(calls).toHaveLength(20);
    await clock.advance(260);
    await settleAt(() => calls.length, 25);
    expect(calls).toHaveLength(25);
    await Promise.all(pending);
  });

  it('keys a shared limiter per token: two tokens do not slow each other, one token shares its budget', async () => {
    const clock = new ManualClock();
    const calls = answerAll();
    const limiter = createVkRateLimiter({ clock });
    const a1 = createVkClient({ token: 'token-a', tokenKind: 'user', rateLimit: limiter, clock });
    const a2 = createVkClient({ token: 'token-a', tokenKind: 'user', rateLimit: limiter, clock });
    const b = createVkClient({ token: 'token-b', tokenKind: 'user', rateLimit: limiter, clock });
    const pending = [
      ...[1, 2, 3].map((id) => a1.messages.editChat({ chat_id: id, title: 'T' })),
      ...[4, 5, 6].map((id) => a2.messages.editChat({ chat_id: id, title: 'T' })),
      ...[7, 8, 9].map((id) => b.messages.editChat({ chat_id: id, title: 'T' })),
    ];
    await settleAt(() => calls.length, 6);
    const sent = tokensOf(calls);
    expect(sent.filter((t) => t === 'token-a')).toHaveLength(3);
    expect(sent.filter((t) => t === 'token-b')).toHaveLength(3);
    await clock.advance(1200);
    await Promise.all(pending);
    expect(calls).toHaveLength(9);
  });

  it('shares one budget per token across instances through a shared store', async () => {
    const clock = new ManualClock();
    const calls = answerAll();
    const keys = new Set<string>();
    const memory = new MemoryStore({ clock });
    const store: KeyValueStore = {
      get: (key) => memory.get(key),
      set: (key, value, options) => {
        keys.add(key);
        return memory.set(key, value, options);
      },
      setIfAbsent: (key, value, options) => memory.setIfAbsent(key, value, options),
      take: (key) => memory.take(key),
      delete: (key) => memory.delete(key),
      clear: () => memory.clear(),
    };
    const instanceA = createVkClient({
      token: 'shared',
      tokenKind: 'user',
      rateLimit: createVkRateLimiter({ store, clock }),
      clock,
    });
    const instanceB = createVkClient({
      token: 'shared',
      tokenKind: 'user',
      rateLimit: createVkRateLimiter({ store, clock }),
      clock,
    });
    const pending = [1, 2, 3, 4].map((id) =>
      (id % 2 ? instanceA : instanceB).messages.editChat({ chat_id: id, title: 'T' }),
    );
    await settleAt(() => calls.length, 3);
    expect(calls).toHaveLength(3);
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^goskit:vk:ratelimit:vk:user:[0-9a-f]{32}$/);
    await clock.advance(400);
    await Promise.all(pending);
    expect(calls).toHaveLength(4);
  });

  it('counts one execute of 25 calls as one request', async () => {
    const clock = new ManualClock();
    const route = vkRoute(VK_API_RU, (call) => ({
      response: call.method === 'execute' ? Array.from({ length: 25 }, () => 1) : 1,
    }));
    server.use(route.handler);
    const vk = createVkClient({ token: 'user-x', tokenKind: 'user', clock });
    const batches = [1, 2, 3, 4].map(() =>
      vk.execute(
        Array.from({ length: 25 }, (_, i) => ({
          method: 'messages.editChat',
          params: { chat_id: i + 1, title: 'T' },
        })),
      ),
    );
    await settleAt(() => route.calls.length, 3);
    expect(route.calls).toHaveLength(3); // 75 calls went out in the first second
    await clock.advance(340);
    await Promise.all(batches);
    expect(route.calls).toHaveLength(4);
  });

  it('gives each token kind its own rate in one shared limiter', async () => {
    const clock = new ManualClock();
    const calls = answerAll();
    const limiter = createVkRateLimiter({ clock });
    const user = createVkClient({ token: 'u', tokenKind: 'user', rateLimit: limiter, clock });
    const community = createVkClient({ token: 'c', tokenKind: 'community', rateLimit: limiter, clock });
    const pending = [
      ...Array.from({ length: 5 }, (_, i) => user.messages.editChat({ chat_id: i + 1, title: 'T' })),
      ...Array.from({ length: 5 }, (_, i) => community.messages.editChat({ chat_id: i + 1, title: 'T' })),
    ];
    await settleAt(() => calls.length, 8);
    expect(tokensOf(calls).filter((t) => t === 'u')).toHaveLength(3);
    expect(tokensOf(calls).filter((t) => t === 'c')).toHaveLength(5);
    await clock.advance(1000);
    await Promise.all(pending);
  });

  it('lets a call waiting for its turn be aborted, and the next one still goes', async () => {
    const clock = new ManualClock();
    const calls = answerAll();
    const vk = createVkClient({ token: 'user-z', tokenKind: 'user', clock });
    const first = [1, 2, 3].map((id) => vk.messages.editChat({ chat_id: id, title: 'T' }));
    const controller = new AbortController();
    const aborted = vk.messages.editChat({ chat_id: 4, title: 'T' }, { signal: controller.signal });
    const fifth = vk.messages.editChat({ chat_id: 5, title: 'T' });
    await settleAt(() => calls.length, 3);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'ABORTED' });
    await clock.advance(340);
    await settleAt(() => calls.length, 4);
    expect(calls.map((c) => c.form.get('chat_id'))).toEqual(['1', '2', '3', '5']);
    await Promise.all([...first, fifth]);
  });
});
