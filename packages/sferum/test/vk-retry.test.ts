import { NetworkError, RateLimitError } from '@goskit/core';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createVkClient,
  createVkRateLimiter,
  VK_API_RU,
  VkApiError,
  type VkClientOptions,
} from '../src/index.js';
import { type Responder, vkError, vkRoute } from './helpers/vk-handlers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TOKEN = 'vk1.a.user-token-for-retries';
// Short waits: the behaviour is under test, not the delays.
const fast = { retry: { limit: 2, backoff: { baseMs: 1, capMs: 2 } }, throttlePauseMs: 5 } as const;

function client(extra: Partial<VkClientOptions> = {}) {
  return createVkClient({ token: TOKEN, tokenKind: 'user', ...fast, ...extra });
}

function answer(respond: Responder) {
  const route = vkRoute(VK_API_RU, respond);
  server.use(route.handler);
  return route.calls;
}

describe('retries through core', () => {
  it('retries error 6 (in an HTTP 200 body) and holds the token in the limiter meanwhile', async () => {
    const limiter = createVkRateLimiter();
    let heldDuringWait = 0;
    const calls = answer((_call, index) => {
      if (index === 0) {
        setTimeout(() => {
          heldDuringWait = limiter.pausedUntilFor(vk.context.limiterKey!);
        }, 50);
        return vkError(6, 'Too many requests per second');
      }
      return { response: 1 };
    });
    const vk = client({ rateLimit: limiter, throttlePauseMs: 200 });
    const started = Date.now();
    const result = vk.messages.editChat({ chat_id: 1, title: 'T' });
    await expect(result).resolves.toBe(1);
    expect(calls).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    // The body is sent again unchanged.
    expect(calls[1]!.form.toString()).toBe(calls[0]!.form.toString());
    expect(heldDuringWait).toBeGreaterThan(started);
    expect(vk.context.limiterKey).toMatch(/^vk:user:[0-9a-f]{32}$/);
    expect(vk.context.limiterKey).not.toContain(TOKEN);
  });

  it('ends with VkApiError 6 (cause: core RateLimitError) when the retries run out', async () => {
    const calls = answer(() => vkError(6, 'Too many requests per second'));
    const error = (await client()
      .users.get()
      .catch((e: unknown) => e)) as VkApiError;
    expect(error).toBeInstanceOf(VkApiError);
    expect(error.vkCode).toBe(6);
    expect(error.transient).toBe(true);
    expect(error.cause).toBeInstanceOf(RateLimitError);
    expect(calls).toHaveLength(3);
  });

  it.each([9, 10])('retries error %i for a method safe to repeat', async (code) => {
    const calls = answer((_c, index) => (index < 2 ? vkError(code, 'x') : { response: [] }));
    await expect(client().users.get({ user_ids: [1] })).resolves.toEqual([]);
    expect(calls).toHaveLength(3);
  });

  it('never repeats createChat after error 10 or a network fault: it could create a second chat', async () => {
    const internal = answer(() => vkError(10, 'Internal server error'));
    const error = (await client()
      .messages.createChat({ title: 'Демо школа - 1А - Чат класса' })
      .catch((e: unknown) => e)) as VkApiError;
    expect(error.vkCode).toBe(10);
    expect(internal).toHaveLength(1);

    server.resetHandlers();
    const network = answer(() => HttpResponse.error());
    await expect(client().messages.createChat({ title: 'T' })).rejects.toBeInstanceOf(NetworkError);
    expect(network).toHaveLength(1);
  });

  it('repeats createChat after error 6 or 9: VK did not run it', async () => {
    const calls = answer((_c, index) =>
      index === 0 ? vkError(6, 'Too many') : index === 1 ? vkError(9, 'Flood control') : { response: 3 },
    );
    await expect(client().messages.createChat({ title: 'T' })).resolves.toMatchObject({ chat_id: 3 });
    expect(calls).toHaveLength(3);
  });

  it('retries network faults and 5xx for methods safe to repeat', async () => {
    const calls = answer((_c, index) =>
      index === 0
        ? HttpResponse.error()
        : index === 1
          ? new HttpResponse('oops', { status: 503 })
          : { response: 1 },
    );
    await expect(client().messages.editChat({ chat_id: 2, title: 'T' })).resolves.toBe(1);
    expect(calls).toHaveLength(3);
  });

  it('does not retry with retry: false, nor a final VK error', async () => {
    const calls = answer(() => vkError(6, 'Too many'));
    await expect(client({ retry: false }).users.get()).rejects.toMatchObject({ vkCode: 6 });
    expect(calls).toHaveLength(1);
    server.resetHandlers();
    const final = answer(() => vkError(15, 'Access denied'));
    await expect(client().users.get()).rejects.toMatchObject({ vkCode: 15 });
    expect(final).toHaveLength(1);
  });

  it("lets the caller's own retrySignal decide first", async () => {
    const calls = answer((_c, index) =>
      index === 0 ? vkError(1, 'Unknown error occurred') : { response: 1 },
    );
    const vk = client({
      retry: {
        limit: 1,
        backoff: { baseMs: 1, capMs: 1 },
        retrySignal: (_r, body) =>
          (body as { error?: { error_code?: number } }).error?.error_code === 1
            ? { retry: true, delayMs: 1 }
            : undefined,
      },
    });
    await expect(vk.messages.editChat({ chat_id: 1, title: 'x' })).resolves.toBe(1);
    expect(calls).toHaveLength(2);
  });
});
