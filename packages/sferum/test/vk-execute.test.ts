import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createVkClient,
  executeCode,
  randomIdForKey,
  SferumInputError,
  VK_API_RU,
  VkApiError,
  type VkClientOptions,
} from '../src/index.js';
import { parseExecuteCode, type RecordedCall, vkError, vkRoute } from './helpers/vk-handlers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function client(extra: Partial<VkClientOptions> = {}) {
  return createVkClient({
    token: 'community-token',
    tokenKind: 'community',
    retry: { limit: 2, backoff: { baseMs: 1, capMs: 1 } },
    throttlePauseMs: 1,
    ...extra,
  });
}

/** Answers execute by running each packed call through `one`; plain calls likewise. */
function answerCalls(one: (method: string, params: Record<string, unknown>, call: RecordedCall) => unknown) {
  const route = vkRoute(VK_API_RU, (call) => {
    if (call.method !== 'execute') {
      return one(call.method, Object.fromEntries(call.form), call);
    }
    const inner = parseExecuteCode(call.form.get('code') ?? '');
    const response: unknown[] = [];
    const errors: unknown[] = [];
    for (const { method, params } of inner) {
      const result = one(method, params, call) as {
        response?: unknown;
        error?: { error_code: number; error_msg: string };
      };
      if (result.error) {
        response.push(false);
        errors.push({ method, error_code: result.error.error_code, error_msg: result.error.error_msg });
      } else {
        response.push(result.response);
      }
    }
    return errors.length ? { response, execute_errors: errors } : { response };
  });
  server.use(route.handler);
  return route.calls;
}

describe('execute', () => {
  it('builds the code vk-io parallel mode sends, with JSON literals for parameters', () => {
    const code = executeCode([
      { method: 'users.get', params: { user_ids: [1, 2] } },
      { method: 'messages.send', params: { peer_id: 2_000_000_001, message: 'a "quoted" ]); API.x({' } },
    ]);
    expect(code).toBe(
      'return [API.users.get({"user_ids":"1,2"}),API.messages.send({"peer_id":2000000001,"message":"a \\"quoted\\" ]); API.x({"})];',
    );
    expect(parseExecuteCode(code).map((c) => c.method)).toEqual(['users.get', 'messages.send']);
    // Line separators are escaped, so no parser reads them as line breaks inside a string.
    expect(executeCode([{ method: 'a.b', params: { t: 'x\u2028y' } }])).toContain('x\\u2028y');
    expect(() => executeCode([{ method: 'a.b}),API.wall.post({' }])).toThrow(SferumInputError);
  });

  it('returns one result per call, matching false to its execute_errors entry', async () => {
    answerCalls((method, params) =>
      method === 'messages.removeChatUser' && params.user_id === 2
        ? vkError(935, 'User not found in chat')
        : { response: 1 },
    );
    const results = await client().execute([
      { method: 'messages.removeChatUser', params: { chat_id: 1, user_id: 1 } },
      { method: 'messages.removeChatUser', params: { chat_id: 1, user_id: 2 } },
      { method: 'messages.editChat', params: { chat_id: 1, title: 'T' } },
    ]);
    expect(results[0]).toEqual({ ok: true, value: 1 });
    expect(results[2]).toEqual({ ok: true, value: 1 });
    const failed = results[1]!;
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error).toBeInstanceOf(VkApiError);
      expect(failed.error.vkCode).toBe(935);
      expect(failed.error.inExecute).toBe(true);
      expect(failed.error.method).toBe('messages.removeChatUser');
    }
  });

  it('refuses 0 or more than 25 calls before sending', async () => {
    await expect(client().execute([])).rejects.toMatchObject({ rule: 'execute-size' });
    const many = Array.from({ length: 26 }, () => ({ method: 'users.get' }));
    await expect(client().execute(many)).rejects.toMatchObject({ rule: 'execute-size' });
  });

  it('gives every messages.send inside an execute its own random_id', async () => {
    const ids: unknown[] = [];
    answerCalls((_m, params) => {
      ids.push(params.random_id);
      return { response: ids.length };
    });
    await client().execute([
      { method: 'messages.send', params: { peer_id: 1, message: 'a' } },
      { method: 'messages.send', params: { peer_id: 1, message: 'b' } },
    ]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) {
      expect(Number.isInteger(id)).toBe(true);
    }
  });
});

describe('batcher (parallel mode)', () => {
  it('packs 60 calls queued in one tick into executes of 25, 25 and 10, routing each result home', async () => {
    const requests = answerCalls((_m, params) => ({ response: { echo: params.user_ids } }));
    const batcher = client().batcher();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => batcher.call('users.get', { user_ids: [i + 1] })),
    );
    expect(results.map((r) => (r as { echo: string }).echo)).toEqual(
      Array.from({ length: 60 }, (_, i) => String(i + 1)),
    );
    const sizes = requests.map((r) => parseExecuteCode(r.form.get('code')!).length);
    expect(sizes).toEqual([25, 25, 10]);
    expect(batcher.stats).toEqual({ executes: 3, packed: 60, alone: 0 });
  });

  it('sends a lone call as a plain method call', async () => {
    const requests = answerCalls(() => ({ response: [{ id: 1, first_name: 'A', last_name: 'B' }] }));
    const batcher = client().batcher();
    const users = await batcher.call(
      'users.get',
      { user_ids: [1] },
      { schema: z.array(z.object({ id: z.number() })) },
    );
    expect(users).toEqual([{ id: 1 }]);
    expect(requests.map((r) => r.method)).toEqual(['users.get']);
  });

  it('re-sends alone what VK did not run (6 inside execute), and rejects only the call that really failed', async () => {
    let throttled = 0;
    const requests = answerCalls((method, params, call) => {
      if (params.user_ids === '2' && call.method === 'execute' && throttled === 0) {
        throttled += 1;
        return vkError(6, 'Too many requests per second');
      }
      if (params.user_ids === '3') {
        return vkError(113, 'Invalid user id');
      }
      return { response: method };
    });
    const batcher = client().batcher();
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map((id) => batcher.call('users.get', { user_ids: [id] })),
    );
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'users.get' });
    expect(outcomes[1]).toEqual({ status: 'fulfilled', value: 'users.get' });
    expect(outcomes[2]).toMatchObject({ status: 'rejected', reason: { vkCode: 113, inExecute: true } });
    expect(requests.map((r) => r.method)).toEqual(['execute', 'users.get']);
  });

  it('keeps packing while executes are in flight, and drains', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const requests = answerCalls(() => ({ response: 1 }));
    server.use(
      vkRoute(VK_API_RU, async (call) => {
        requests.push(call);
        if (requests.length === 1) {
          await gate;
        }
        return { response: parseExecuteCode(call.form.get('code') ?? '').map(() => 1) };
      }).handler,
    );
    const batcher = client().batcher({ maxInFlight: 2 });
    const first = Array.from({ length: 30 }, (_, i) =>
      batcher.call('messages.editChat', { chat_id: i + 1, title: 'T' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    // 25 went out and hang; the other 5 wait to be packed with more.
    expect(batcher.inFlight).toBe(1);
    expect(batcher.queued).toBe(5);
    const second = Array.from({ length: 20 }, (_, i) =>
      batcher.call('messages.editChat', { chat_id: i + 31, title: 'T' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A full batch of 25 (the 5 waiting + 20 new) left beside the hanging one, and came back.
    expect(requests).toHaveLength(2);
    expect(batcher.queued).toBe(0);
    expect(batcher.inFlight).toBe(1);
    release();
    await batcher.drain();
    await Promise.all([...first, ...second]);
    expect(requests.map((r) => parseExecuteCode(r.form.get('code')!).length)).toEqual([25, 25]);
  });

  it('rejects a call whose signal aborts while it is queued', async () => {
    answerCalls(() => ({ response: 1 }));
    const batcher = client().batcher();
    const controller = new AbortController();
    const aborted = batcher.call('users.get', { user_ids: [1] }, { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'ABORTED' });
    await batcher.drain();
  });

  it('refuses a bad call at once instead of failing someone else’s batch', async () => {
    const batcher = client().batcher();
    await expect(batcher.call('users.get', { ids: ['a,b'] })).rejects.toBeInstanceOf(SferumInputError);
    await expect(batcher.call('messages.addChatUser', { chat_id: 1, user_id: 1 })).rejects.toMatchObject({
      code: 'VK_TOKEN_KIND',
    });
  });
});

describe('random_id', () => {
  it('derives the same id from the same idempotency key, in every client and run', async () => {
    const ids: string[] = [];
    answerCalls((_m, params) => {
      ids.push(String(params.random_id));
      return { response: 10 };
    });
    await client().messages.send(
      { peer_id: 2_000_000_001, message: 'Урок начался' },
      { idempotencyKey: 'lesson:42:link' },
    );
    await client().messages.send(
      { peer_id: 2_000_000_001, message: 'Урок начался' },
      { idempotencyKey: 'lesson:42:link' },
    );
    await client().messages.send(
      { peer_id: 2_000_000_001, message: 'Другое' },
      { idempotencyKey: 'lesson:43:link' },
    );
    expect(ids[0]).toBe(String(randomIdForKey('lesson:42:link')));
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('reuses the drawn id when the transport retries a send', async () => {
    const ids: string[] = [];
    answerCalls((_m, params) => {
      ids.push(String(params.random_id));
      return ids.length === 1 ? vkError(10, 'Internal server error') : { response: 11 };
    });
    await client().messages.send({ peer_id: 1, message: 'x' });
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });

  it('draws a fresh id per send without a key, and keeps a caller’s own', async () => {
    const ids: string[] = [];
    answerCalls((_m, params) => {
      ids.push(String(params.random_id));
      return { response: 1 };
    });
    const vk = client();
    await vk.messages.send({ peer_id: 1, message: 'a' });
    await vk.messages.send({ peer_id: 1, message: 'a' });
    await vk.messages.send({ peer_id: 1, message: 'a', random_id: 77 });
    await vk.call('messages.send', { peer_id: 1, message: 'a' });
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).toBe('77');
    expect(Number(ids[3])).toBeGreaterThan(0);
    await expect(
      vk.messages.send({ peer_id: 1, message: 'a', random_id: 1 }, { idempotencyKey: 'k' }),
    ).rejects.toBeInstanceOf(SferumInputError);
    await expect(vk.messages.send({ peer_id: 1, message: 'a', random_id: 2 ** 40 })).rejects.toMatchObject({
      rule: 'int32',
    });
  });
});
