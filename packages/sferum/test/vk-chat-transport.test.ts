/**
 * The VK transport translates the sync's operations into VK methods: these tests check the calls it
 * makes and how it reads the answers, with a handler that answers per method (and inside execute).
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVkChatTransport, createVkClient, VK_API_RU, VkTokenKindError } from '../src/index.js';
import { parseExecuteCode, type RecordedCall, vkError, vkRoute } from './helpers/vk-handlers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Answer = (params: Record<string, unknown>) => unknown;

/** Answers each method (plain or packed into execute) with `answers[method]`; records every call. */
function vkApi(answers: Record<string, Answer>) {
  const seen: { method: string; params: Record<string, unknown> }[] = [];
  const one = (method: string, params: Record<string, unknown>) => {
    seen.push({ method, params });
    const answer = answers[method];
    if (!answer) {
      throw new Error(`unexpected ${method}`);
    }
    return answer(params);
  };
  const route = vkRoute(VK_API_RU, (call: RecordedCall) => {
    if (call.method !== 'execute') {
      return one(call.method, Object.fromEntries(call.form));
    }
    const response: unknown[] = [];
    const errors: unknown[] = [];
    for (const inner of parseExecuteCode(call.form.get('code')!)) {
      const result = one(inner.method, inner.params) as {
        response?: unknown;
        error?: { error_code: number; error_msg: string };
      };
      response.push(result.error ? false : result.response);
      if (result.error) {
        errors.push({ method: inner.method, ...result.error });
      }
    }
    return { response, execute_errors: errors };
  });
  server.use(route.handler);
  return { seen, requests: route.calls };
}

const community = () =>
  createVkClient({ token: 'community', tokenKind: 'community', groupId: 77, retry: false });
const user = () => createVkClient({ token: 'teacher', tokenKind: 'user', retry: false });

const conversation = (chatId: number, title: string, state = 'in') => ({
  peer: { id: 2_000_000_000 + chatId, type: 'chat', local_id: chatId },
  chat_settings: { title, owner_id: 9000, state, members_count: 3 },
});

describe('VK chat transport', () => {
  it('says what a community token can do', () => {
    const transport = createVkChatTransport({ vk: community() });
    expect(transport.kind).toBe('vk');
    expect(transport.capabilities).toMatchObject({
      createChat: true,
      membersOnCreate: true,
      addMembers: false,
      calls: false,
    });
    expect(createVkChatTransport({ vk: user() }).capabilities).toMatchObject({
      addMembers: true,
      calls: true,
    });
    expect(createVkChatTransport({ vk: community(), callsVk: user() }).capabilities.calls).toBe(true);
  });

  it('reads chats through the batcher: titles, members without communities, admins, and chats it lost', async () => {
    const api = vkApi({
      'messages.getConversationsById': () => ({
        response: {
          count: 2,
          items: [conversation(1, 'Демо школа - 1А - Чат класса'), conversation(2, 'Старый', 'kicked')],
        },
      }),
      'messages.getConversationMembers': (params) =>
        Number(params.peer_id) === 2_000_000_001
          ? {
              response: {
                count: 3,
                items: [
                  { member_id: 9000, is_owner: true },
                  { member_id: 201, is_admin: false },
                  { member_id: -77, is_admin: true },
                ],
              },
            }
          : vkError(917, "You don't have access to this chat"),
    });
    const states = await createVkChatTransport({ vk: community() }).getChats(['1', '2', '3', 'x']);
    expect(states.get('1')).toEqual({
      available: true,
      chatId: '1',
      title: 'Демо школа - 1А - Чат класса',
      memberIds: ['9000', '201'],
      adminIds: ['9000'],
    });
    expect(states.get('2')).toEqual({ available: false, chatId: '2', reason: 'kicked' });
    expect(states.get('3')).toEqual({ available: false, chatId: '3', reason: 'not-found' });
    expect(states.get('x')).toEqual({ available: false, chatId: 'x', reason: 'not-found' });
    expect(api.seen[0]).toEqual({
      method: 'messages.getConversationsById',
      params: expect.objectContaining({ peer_ids: '2000000001,2000000002,2000000003', group_id: '77' }),
    });
  });

  it('packs the member reads of many chats into executes of 25', async () => {
    const api = vkApi({
      'messages.getConversationsById': (params) => ({
        response: {
          count: 30,
          items: String(params.peer_ids)
            .split(',')
            .map((peer) => conversation(Number(peer) - 2_000_000_000, `Чат ${peer}`)),
        },
      }),
      'messages.getConversationMembers': () => ({ response: { count: 1, items: [{ member_id: 201 }] } }),
    });
    const ids = Array.from({ length: 30 }, (_, i) => String(i + 1));
    const states = await createVkChatTransport({ vk: community() }).getChats(ids);
    expect([...states.values()].every((state) => state.available)).toBe(true);
    expect(api.requests.map((r) => r.method)).toEqual([
      'messages.getConversationsById',
      'execute',
      'execute',
    ]);
    expect(api.requests.slice(1).map((r) => parseExecuteCode(r.form.get('code')!).length)).toEqual([25, 5]);
  });

  it('creates a chat with its first members and reports the ones VK did not add', async () => {
    const api = vkApi({
      'messages.createChat': () => ({ response: { chat_id: 5, peer_ids: [101, 201] } }),
    });
    const created = await createVkChatTransport({ vk: community() }).createChat!({
      title: 'Демо школа - 1А - Чат класса',
      memberIds: ['101', '201', '202'],
    });
    expect(created.chatId).toBe('5');
    expect([...created.refused]).toEqual([['202', { ok: false, reason: 'not-allowed' }]]);
    expect(api.seen[0]!.params).toMatchObject({
      title: 'Демо школа - 1А - Чат класса',
      user_ids: '101,201,202',
      group_id: '77',
    });
  });

  it('creates the chat empty when VK refuses it because of a member (error 947), and says who', async () => {
    const api = vkApi({
      'messages.createChat': (params) =>
        params.user_ids
          ? vkError(947, "Can't add user to chat, because user has no access to group")
          : { response: 6 },
    });
    const created = await createVkChatTransport({ vk: community() }).createChat!({
      title: 'T',
      memberIds: ['101'],
    });
    expect(created.chatId).toBe('6');
    expect([...created.refused]).toEqual([['101', { ok: false, reason: 'not-allowed' }]]);
    expect(api.seen).toHaveLength(2);
  });

  it('finds chats by title across conversation pages, for reconciling an interrupted create', async () => {
    vkApi({
      'messages.getConversations': (params) => ({
        response: {
          count: 201,
          items:
            params.offset === '0'
              ? Array.from({ length: 200 }, (_, i) => ({
                  conversation: conversation(100 + i, `Другой ${i}`),
                }))
              : [{ conversation: conversation(9, 'Демо школа - Чат учителей') }],
        },
      }),
      'messages.getConversationsById': () => ({
        response: { count: 1, items: [conversation(9, 'Демо школа - Чат учителей')] },
      }),
      'messages.getConversationMembers': () => ({
        response: { count: 1, items: [{ member_id: 9000, is_owner: true }] },
      }),
    });
    const found = await createVkChatTransport({ vk: community() }).findChatsByTitle!([
      'Демо школа - Чат учителей',
      'Нет такого',
    ]);
    expect(found.get('Демо школа - Чат учителей')?.map((c) => c.chatId)).toEqual(['9']);
    expect(found.has('Нет такого')).toBe(false);
  });

  it('adds members with a user token, turning privacy errors into refusals; a community token is refused before sending', async () => {
    vkApi({
      'messages.addChatUser': (params) =>
        params.user_id === '202'
          ? vkError(902, "Can't send messages to this user due to their privacy settings")
          : { response: 1 },
    });
    const transport = createVkChatTransport({ vk: user() });
    expect(await transport.addMember!('5', '201')).toEqual({ ok: true });
    expect(await transport.addMember!('5', '202')).toMatchObject({ ok: false, reason: 'privacy' });
    await expect(createVkChatTransport({ vk: community() }).addMember!('5', '201')).rejects.toBeInstanceOf(
      VkTokenKindError,
    );
  });

  it('removes members (already gone counts as done), renames, rotates invite links, posts once per key', async () => {
    const api = vkApi({
      'messages.removeChatUser': (params) =>
        params.member_id === '203' ? vkError(935, 'User not found in chat') : { response: 1 },
      'messages.editChat': () => ({ response: 1 }),
      'messages.getInviteLink': (params) => ({
        response: { link: `https://vk.me/join/${params.reset ?? '0'}` },
      }),
      'messages.send': () => ({ response: 41 }),
    });
    const transport = createVkChatTransport({ vk: community() });
    expect(await transport.removeMember!('5', '202')).toEqual({ ok: true });
    expect(await transport.removeMember!('5', '203')).toEqual({ ok: true });
    await transport.renameChat!('5', 'Новое');
    expect(await transport.inviteLink!('5', {})).toBe('https://vk.me/join/0');
    expect(await transport.inviteLink!('5', { reset: true })).toBe('https://vk.me/join/1');
    expect(await transport.sendMessage!('5', { text: 'Привет', idempotencyKey: 'k-1' })).toEqual({
      messageId: '41',
    });
    await transport.sendMessage!('5', { text: 'Привет', idempotencyKey: 'k-1' });
    const sends = api.seen.filter((s) => s.method === 'messages.send');
    expect(sends[0]!.params.random_id).toBe(sends[1]!.params.random_id);
    expect(sends[0]!.params.peer_id).toBe('2000000005');
  });

  it('starts and finishes calls through the user client, on behalf of the community', async () => {
    const api = vkApi({
      'calls.start': () => ({
        response: { join_link: 'https://vk.com/call/join/abc', call_id: 'c'.repeat(36) },
      }),
      'calls.forceFinish': () => ({ response: 1 }),
    });
    const transport = createVkChatTransport({ vk: community(), callsVk: user() });
    expect(await transport.startCall!('5')).toEqual({
      callId: 'c'.repeat(36),
      joinLink: 'https://vk.com/call/join/abc',
    });
    await transport.finishCall!('c'.repeat(36));
    expect(api.seen.map((s) => [s.method, s.params.group_id, s.params.access_token])).toEqual([
      ['calls.start', '77', 'teacher'],
      ['calls.forceFinish', undefined, 'teacher'],
    ]);
  });
});
