import { inspect } from 'node:util';
import { ResponseValidationError } from '@goskit/core';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createVkClient,
  SferumError,
  SferumInputError,
  VK_API_COM,
  VK_API_RU,
  VkApiError,
  type VkClientOptions,
  type VkParams,
  VkTokenKindError,
} from '../src/index.js';
import { type RecordedCall, vkError, vkRoute } from './helpers/vk-handlers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TOKEN = 'vk1.a.community-secret-token-0123456789';

function client(extra: Partial<VkClientOptions> = {}) {
  return createVkClient({ token: TOKEN, tokenKind: 'community', groupId: 4242, retry: false, ...extra });
}

function answer(base: string, respond: (call: RecordedCall) => unknown) {
  const route = vkRoute(base, respond);
  server.use(route.handler);
  return route.calls;
}

describe('VK API calls', () => {
  it('POSTs a form to api.vk.ru/method/<name> with the token, v=5.199 and the parameters', async () => {
    const calls = answer(VK_API_RU, () => ({
      response: [{ id: 1, first_name: 'Анна', last_name: 'Иванова' }],
    }));
    const users = await client().users.get({ user_ids: [1], fields: ['photo_50', 'sex'] });
    expect(users).toEqual([{ id: 1, first_name: 'Анна', last_name: 'Иванова' }]);
    expect(calls).toHaveLength(1);
    const { method, form, headers } = calls[0]!;
    expect(method).toBe('users.get');
    expect(headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(form.get('access_token')).toBe(TOKEN);
    expect(form.get('v')).toBe('5.199');
    expect(form.get('user_ids')).toBe('1');
    expect(form.get('fields')).toBe('photo_50,sex');
  });

  it('answers on api.vk.com by option and on any base URL (the simulator)', async () => {
    const com = answer(VK_API_COM, () => ({ response: 1 }));
    await client({ environment: 'vk.com' }).messages.editChat({ chat_id: 1, title: 'A' });
    expect(com).toHaveLength(1);
    const sim = answer('http://127.0.0.1:4010/vk', () => ({ response: 1 }));
    await client({ environment: { baseUrl: 'http://127.0.0.1:4010/vk/' } }).messages.editChat({
      chat_id: 2,
      title: 'B',
    });
    expect(sim[0]!.form.get('chat_id')).toBe('2');
  });

  it('sends the token as Authorization: Bearer when asked, and not in the body', async () => {
    const calls = answer(VK_API_RU, () => ({ response: 1 }));
    await client({ tokenIn: 'header', version: '5.131', lang: 'ru' }).messages.editChat({
      chat_id: 7,
      title: 'T',
    });
    expect(calls[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(calls[0]!.form.has('access_token')).toBe(false);
    expect(calls[0]!.form.get('v')).toBe('5.131');
    expect(calls[0]!.form.get('lang')).toBe('ru');
  });

  it('encodes arrays as lists, booleans as 1/0, objects as JSON, and drops undefined', async () => {
    const calls = answer(VK_API_RU, () => ({ response: { ok: true } }));
    await client().call('some.method', {
      ids: [1, 2, 3],
      flag: true,
      off: false,
      keyboard: { one_time: true, buttons: [] },
      skipped: undefined,
      empty: null,
    });
    const form = calls[0]!.form;
    expect(form.get('ids')).toBe('1,2,3');
    expect(form.get('flag')).toBe('1');
    expect(form.get('off')).toBe('0');
    expect(JSON.parse(form.get('keyboard')!)).toEqual({ one_time: true, buttons: [] });
    expect(form.has('skipped')).toBe(false);
    expect(form.has('empty')).toBe(false);
  });

  it('adds the community group_id where the method takes one', async () => {
    const calls = answer(VK_API_RU, () => ({ response: { chat_id: 5, peer_ids: [1] } }));
    const chat = await client().messages.createChat({ title: 'Демо школа - 1А - Чат класса', user_ids: [1] });
    expect(chat).toEqual({ chat_id: 5, peer_id: 2_000_000_005, peer_ids: [1] });
    expect(calls[0]!.form.get('group_id')).toBe('4242');
    expect(calls[0]!.form.get('user_ids')).toBe('1');
  });

  it('reads createChat in both of its answer forms (a bare chat id, or { chat_id, peer_ids })', async () => {
    answer(VK_API_RU, () => ({ response: 12 }));
    expect(await client().messages.createChat({ title: 'X' })).toEqual({
      chat_id: 12,
      peer_id: 2_000_000_012,
    });
  });

  it('turns { error } into VkApiError with VK code, message, method and redacted request params', async () => {
    const calls = answer(VK_API_RU, () =>
      vkError(100, 'One of the parameters specified was missing or invalid: chat_id is undefined', {
        request_params: [
          { key: 'method', value: 'messages.editChat' },
          { key: 'access_token', value: TOKEN },
          { key: 'v', value: '5.199' },
          { key: 'captcha_key', value: 'abcd' },
        ],
        error_subcode: 3,
      }),
    );
    const error = (await client()
      .messages.editChat({ chat_id: 9, title: 'T' })
      .catch((e: unknown) => e)) as VkApiError;
    expect(error).toBeInstanceOf(VkApiError);
    expect(error.code).toBe('VK_API_ERROR');
    expect(error.vkCode).toBe(100);
    expect(error.method).toBe('messages.editChat');
    expect(error.subcode).toBe(3);
    expect(error.vkMessage).toMatch(/missing or invalid/);
    expect(error.requestParams).toEqual([
      { key: 'method', value: 'messages.editChat' },
      { key: 'access_token', value: '[REDACTED]' },
      { key: 'v', value: '5.199' },
      { key: 'captcha_key', value: '[REDACTED]' },
    ]);
    expect(calls).toHaveLength(1); // a final error is not retried
    for (const text of [error.message, JSON.stringify(error), inspect(error)]) {
      expect(text).not.toContain(TOKEN);
    }
  });

  it('gives hints for the codes a school integration meets', async () => {
    answer(VK_API_RU, () => vkError(925, 'You are not admin of this chat'));
    const error = (await client()
      .messages.removeChatUser({ chat_id: 1, user_id: 5 })
      .catch((e: unknown) => e)) as VkApiError;
    expect(error.vkCode).toBe(925);
    expect(error.hint?.ru).toMatch(/не администратор/);
    expect(error.transient).toBe(false);
  });

  it('refuses a body that is neither { response } nor { error }', async () => {
    answer(VK_API_RU, () => ({ result: 'odd' }));
    const error = (await client()
      .call('users.get')
      .catch((e: unknown) => e)) as SferumError;
    expect(error).toBeInstanceOf(SferumError);
    expect(error.code).toBe('INVALID_RESPONSE');
  });

  it('checks a typed method response against its schema', async () => {
    answer(VK_API_RU, () => ({ response: { link: 42 } }));
    const error = await client()
      .messages.getInviteLink({ peer_id: 2_000_000_001 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
  });
});

describe('refused before sending', () => {
  // No handler is installed: MSW's onUnhandledRequest 'error' fails any request that leaves.
  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'messages.send.x',
    '../method/x',
    'messages send',
    '',
  ])('method name %j is an SferumInputError', async (name) => {
    const error = (await client()
      .call(name)
      .catch((e: unknown) => e)) as SferumInputError;
    expect(error).toBeInstanceOf(SferumInputError);
    expect(error.field).toBe('method');
    expect(error.hint?.ru).toMatch(/Имя метода/);
  });

  it.each([
    [{ access_token: 'other' }, 'reserved-param'],
    [{ v: '5.0' }, 'reserved-param'],
    [{ ['__proto__']: 1 }, 'param-name'],
    [{ Bad: 1 }, 'param-name'],
    [{ n: Number.NaN }, 'finite-number'],
    [{ ids: ['a,b'] }, 'list-item'],
    [{ fn: (() => 1) as unknown as string }, 'value-type'],
  ])('parameters %j break %s', async (params, rule) => {
    const error = (await client()
      .call('users.get', params as VkParams)
      .catch((e: unknown) => e)) as SferumInputError;
    expect(error).toBeInstanceOf(SferumInputError);
    expect(error.rule).toBe(rule);
    expect(error.message).not.toContain('other');
  });

  it('refuses addChatUser, getChat and calls.* with a community token, saying what works instead', async () => {
    const vk = client();
    const add = (await vk.messages
      .addChatUser({ chat_id: 1, user_id: 2 })
      .catch((e: unknown) => e)) as VkTokenKindError;
    expect(add).toBeInstanceOf(VkTokenKindError);
    expect(add.code).toBe('VK_TOKEN_KIND');
    expect(add.hint?.en).toMatch(/invite link/);
    await expect(vk.call('messages.getChat', { chat_id: 1 })).rejects.toBeInstanceOf(VkTokenKindError);
    await expect(vk.calls.start()).rejects.toBeInstanceOf(VkTokenKindError);
    await expect(vk.calls.forceFinish({ call_id: 'x'.repeat(36) })).rejects.toBeInstanceOf(VkTokenKindError);
    await expect(
      vk.execute([{ method: 'messages.addChatUser', params: { chat_id: 1, user_id: 2 } }]),
    ).rejects.toBeInstanceOf(VkTokenKindError);
  });

  it('lets a user token add chat members', async () => {
    const calls = answer(VK_API_RU, () => ({ response: 1 }));
    const vk = client({ tokenKind: 'user' });
    expect(await vk.messages.addChatUser({ chat_id: 3, user_id: 77 })).toBe(1);
    expect(calls[0]!.form.has('group_id')).toBe(false);
  });

  it.each([
    [{ chat_id: 0, title: 'x' }, 'params.chat_id'],
    [{ chat_id: 1.5, title: 'x' }, 'params.chat_id'],
    [{ chat_id: 100_000_001, title: 'x' }, 'params.chat_id'],
    [{ chat_id: 1, title: '  ' }, 'params.title'],
  ])('editChat %j names %s', async (params, field) => {
    const error = (await client()
      .messages.editChat(params)
      .catch((e: unknown) => e)) as SferumInputError;
    expect(error.field).toBe(field);
  });

  it('never shows the token when the client is logged or serialised', () => {
    const vk = client();
    for (const text of [
      inspect(vk, { depth: 5 }),
      JSON.stringify(vk),
      inspect(vk.context),
      JSON.stringify(vk.context),
    ]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(JSON.stringify(vk.context)).toContain('[REDACTED]');
  });

  it('refuses bad tokens and options at creation', () => {
    expect(() => createVkClient({ token: 'has space', tokenKind: 'user' })).toThrow(SferumInputError);
    expect(() => createVkClient({ token: '', tokenKind: 'user' })).toThrow(/token/);
    expect(() => createVkClient({ token: 't', tokenKind: 'group' as 'user' })).toThrow(/tokenKind/);
    expect(() =>
      createVkClient({ token: 't', tokenKind: 'user', environment: { baseUrl: 'ftp://x' } }),
    ).toThrow(/http/);
    expect(() => createVkClient({ token: 't', tokenKind: 'user', version: '5.199; drop' })).toThrow(
      /version/,
    );
    // A token read from a file ends with a newline: trimmed, not refused.
    expect(createVkClient({ token: `${TOKEN}\n`, tokenKind: 'user' }).context.token).toBe(TOKEN);
  });

  it('needs exactly one recipient and some content for messages.send', async () => {
    const vk = client();
    await expect(vk.messages.send({ message: 'x' })).rejects.toMatchObject({ rule: 'exactly-one' });
    await expect(vk.messages.send({ peer_id: 1, user_id: 2, message: 'x' })).rejects.toMatchObject({
      rule: 'exactly-one',
    });
    await expect(vk.messages.send({ peer_id: 1 })).rejects.toMatchObject({ rule: 'message-or-attachment' });
  });
});

describe('HTTP answers around the envelope', () => {
  it('keeps a non-2xx answer a core HttpError with status and bounded body', async () => {
    answer(VK_API_RU, () => new HttpResponse('bad gateway', { status: 502 }));
    const error = (await client()
      .call('users.get')
      .catch((e: unknown) => e)) as { status: number; code: string };
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.status).toBe(502);
  });
});
