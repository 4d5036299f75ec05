/**
 * The MAX client end to end against the simulator's max portal (MSW on platform-api2.max.ru, every
 * answer checked against openapi/max.yaml): the bot learns its chats from `bot_added` while polling,
 * reads and edits them, pages members by marker, gets refusals as data (privacy, not found, the 09.2026
 * restriction), sends, edits, lists and deletes messages, answers a button, uploads a file through the
 * not-ready window, and meets MAX's own errors as `MaxApiError`.
 */
import { MemoryStore, RateLimitError } from '@goskit/core';
import { createSimulator } from '@goskit/simulator';
import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxControl, maxPortal } from '../../../mocks/simulator/src/portals/max/index.js';
import {
  createMaxClient,
  MaxApiError,
  MaxError,
  type MaxIncomingUpdate,
  MaxInputError,
  type UpdatePoller,
} from '../src/max.js';

const sim = createSimulator({ seed: 'max-client-e2e', portals: [maxPortal()], strictContracts: true });
const people = maxControl(sim);
const server = setupServer(...sim.handlers);
const token = people.bots()[0]!.token;
const botId = people.bots()[0]!.userId;
const sent: { url: string; headers: Headers }[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  sent.push({ url: String(input), headers: new Headers(init?.headers) });
  return fetch(input, init);
};
/** Waits advance the virtual clock: backoffs and rate buckets play out without real waiting. */
const virtualSleep = async (ms: number) => {
  sim.clock.advance(Math.max(1, Math.ceil(ms)));
};
/**
 * The simulator's clock with timers that move it: the client's limiter (2 messages/s per chat) waits
 * on virtual time, as the simulator's own buckets count it, instead of waiting forever on a frozen clock.
 */
const virtualTimers = {
  now: () => sim.clock.nowMs(),
  setTimeout: (callback: () => void, ms: number) => {
    sim.clock.advance(Math.max(1, Math.ceil(ms)));
    return setTimeout(callback, 0);
  },
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const max = createMaxClient({ token, fetch: recordingFetch, clock: virtualTimers, sleep: virtualSleep });

const updates: MaxIncomingUpdate[] = [];
let poller: UpdatePoller;
const store = new MemoryStore();

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  poller = max.startPolling({
    onUpdate: (update) => {
      updates.push(update);
    },
    store,
    timeout: 30,
    minIntervalMs: 0,
  });
});
afterAll(async () => {
  await poller.stop();
  server.close();
});

async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const ofType = <T extends string>(type: T) =>
  updates.filter(
    (update): update is Extract<MaxIncomingUpdate, { update_type: T }> => update.update_type === type,
  );

describe('chats the bot learns from bot_added', () => {
  it('polls the seeded chats, then one a person creates now', async () => {
    await until(() => ofType('bot_added').length === 3, 'the seeded bot_added updates');
    const director = people.userId('admin-demo');
    const chat = people.createChat({ title: 'Демо школа - 9Б - Чат класса', owner: director });
    await until(() => ofType('bot_added').length === 4, 'bot_added of the new chat');
    const added = ofType('bot_added').at(-1)!;
    expect(added.chat_id).toBe(chat.chat_id);
    expect(added.chat_id).toBeLessThan(-70_000_000_000_000);
    expect(added.user.user_id).toBe(director);
    // The marker of handled batches is stored: a restart resumes after them.
    expect(await store.get(`${await tokenKey()}:updates-marker`)).toBe(poller.marker);
    expect(() => max.listChats()).toThrowError(MaxError);
    try {
      max.listChats();
    } catch (error) {
      expect(error).toMatchObject({ code: 'ENDPOINT_REMOVED' });
      expect((error as MaxError).hint?.ru).toContain('bot_added');
    }
  });

  it('reads and edits a chat; the link is read-only data', async () => {
    const chatId = ofType('bot_added')[0]!.chat_id;
    const chat = await max.getChat(chatId);
    expect(chat).toMatchObject({
      chat_id: chatId,
      type: 'chat',
      status: 'active',
      title: 'Демо школа - Чат учителей',
    });
    expect(chat.link).toMatch(/^https:\/\/max\.ru\/join\//);
    const renamed = await max.editChat(String(chatId), {
      title: 'Демо школа - Чат педагогов',
      description: 'Для учителей',
    });
    expect(renamed).toMatchObject({ title: 'Демо школа - Чат педагогов', description: 'Для учителей' });
    const me = await max.getMembership(chatId);
    expect(me).toMatchObject({ user_id: botId, is_admin: true });
    expect(me.permissions).toContain('add_remove_members');
    await max.sendAction(chatId, 'typing_on');
  });
});

describe('members', () => {
  it('pages by marker until the last page', async () => {
    const chatId = ofType('bot_added')[0]!.chat_id;
    const chat = await max.getChat(chatId);
    const before = sent.length;
    const all = await max.members(chatId, { pageSize: 7 }).toArray({ limit: 1000 });
    expect(all).toHaveLength(chat.participants_count);
    expect(new Set(all.map((member) => member.user_id)).size).toBe(all.length);
    expect(sent.length - before).toBe(Math.ceil(chat.participants_count / 7));
    const one = await max.listMembers(chatId, { userIds: [all[0]!.user_id] });
    expect(one).toEqual({ members: [all[0]], marker: null });
  });

  it('adds, reporting privacy and not-found refusals as data, and removes', async () => {
    const chatId = ofType('bot_added').at(-1)!.chat_id;
    const parents = people.users('parent');
    const open = parents
      .filter((user) => !user.privacy)
      .slice(0, 2)
      .map((user) => user.userId);
    const shy = parents.find((user) => user.privacy)!.userId;
    const result = await max.addMembers(chatId, [...open, shy, 123_456_789_012]);
    expect(result.success).toBe(true);
    expect(result.added).toEqual(open);
    expect(result.refused).toEqual(
      expect.arrayContaining([
        { userId: shy, errorCode: 'add.participant.privacy' },
        { userId: 123_456_789_012, errorCode: 'add.participant.not.found' },
      ]),
    );
    await until(() => ofType('user_added').length >= 2, 'user_added updates');
    expect(ofType('user_added').map((update) => update.user.user_id)).toEqual(expect.arrayContaining(open));
    await max.removeMember(chatId, open[1]!, { block: true });
    const page = await max.listMembers(chatId, { userIds: open });
    expect(page.members.map((member) => member.user_id)).toEqual([open[0]]);
    await expect(max.removeMember(chatId, open[1]!)).rejects.toMatchObject({
      status: 404,
      maxCode: 'not.found',
    });
  });

  it('meets the 09.2026 restriction as a per-user refusal; a user who started the bot can be added', async () => {
    const chatId = ofType('bot_added').at(-1)!.chat_id;
    const [first, second] = people
      .users('parent')
      .filter((user) => !user.privacy)
      .slice(5, 7);
    people.restriction('on');
    try {
      const refused = await max.addMembers(chatId, [first!.userId]);
      expect(refused).toMatchObject({
        success: false,
        added: [],
        refused: [{ userId: first!.userId, errorCode: 'add.participant.restricted' }],
      });
      people.startDialog(second!.userId);
      const allowed = await max.addMembers(chatId, [second!.userId]);
      expect(allowed).toMatchObject({ success: true, added: [second!.userId], refused: [] });
    } finally {
      people.restriction('auto');
    }
    // 'auto' follows the virtual clock: on from 09.09.2026.
    expect(people.restriction().active).toBe(false);
    sim.clock.set('2026-09-09T00:00:00+03:00');
    expect(people.restriction().active).toBe(true);
    people.restriction('off');
  });

  it('grants and takes admin rights', async () => {
    const chatId = ofType('bot_added').at(-1)!.chat_id;
    const member = (await max.listMembers(chatId)).members.find((m) => !m.is_admin && !m.is_bot)!;
    await max.addAdmins(chatId, [
      { userId: member.user_id, permissions: ['pin_message', 'write'], alias: 'Родком' },
    ]);
    const admins = await max.listAdmins(chatId);
    expect(admins.find((admin) => admin.user_id === member.user_id)).toMatchObject({
      is_admin: true,
      permissions: ['pin_message', 'write'],
      alias: 'Родком',
    });
    await max.removeAdmin(chatId, member.user_id);
    expect((await max.listAdmins(chatId)).some((admin) => admin.user_id === member.user_id)).toBe(false);
    await expect(
      max.addAdmins(chatId, [{ userId: member.user_id, permissions: ['fly' as 'write'] }]),
    ).rejects.toBeInstanceOf(MaxInputError);
  });
});

describe('messages', () => {
  it('sends to a chat, edits, reads, lists newest first, pins and deletes', async () => {
    const chatId = ofType('bot_added').at(-1)!.chat_id;
    const first = await max.sendMessage({ chatId }, { text: 'Собрание в пятницу', format: 'markdown' });
    expect(first.body.mid).toMatch(/^mid\.[0-9a-f]{32}$/);
    expect(first.recipient).toMatchObject({ chat_id: chatId, chat_type: 'chat' });
    sim.clock.advance(1_000);
    const second = await max.sendMessage(
      { chatId },
      { text: 'Ответ', link: { type: 'reply', mid: first.body.mid } },
    );
    expect(second.link).toMatchObject({ type: 'reply', message: { mid: first.body.mid } });
    await max.editMessage(first.body.mid, { text: 'Собрание в субботу' });
    expect((await max.getMessage(first.body.mid)).body.text).toBe('Собрание в субботу');
    const listed = await max.listMessages({ chatId, count: 2 });
    expect(listed.map((message) => message.body.mid)).toEqual([second.body.mid, first.body.mid]);
    await max.pinMessage(chatId, first.body.mid, { notify: false });
    expect((await max.getPinnedMessage(chatId))?.body.mid).toBe(first.body.mid);
    await max.unpinMessage(chatId);
    expect(await max.getPinnedMessage(chatId)).toBeNull();
    await max.deleteMessage(second.body.mid);
    await expect(max.getMessage(second.body.mid)).rejects.toMatchObject({
      status: 404,
      maxCode: 'not.found',
    });
  });

  it('refuses text over 4000 characters before sending, naming the field in both languages', async () => {
    const before = sent.length;
    const error = await max
      .sendMessage({ chatId: -70000000000001 }, { text: 'я'.repeat(4001) })
      .catch((e) => e);
    expect(error).toBeInstanceOf(MaxInputError);
    expect(error).toMatchObject({ field: 'text', rule: 'max-length-4000' });
    expect((error as MaxInputError).text.ru).toContain('4000');
    expect(sent.length).toBe(before);
    await expect(max.sendMessage({ chatId: 1, userId: 2 } as never, { text: 'x' })).rejects.toMatchObject({
      field: 'target',
    });
  });

  it('writes to a user only after they started the bot (403 chat.denied before)', async () => {
    const parent = people.userId('parent-ivanov');
    const denied = await max.sendMessage({ userId: parent }, { text: 'Здравствуйте' }).catch((e) => e);
    expect(denied).toBeInstanceOf(MaxApiError);
    expect(denied).toMatchObject({ status: 403, maxCode: 'chat.denied', method: 'POST', path: '/messages' });
    expect((denied as MaxApiError).hint?.en).toContain('permission');
    people.startDialog(parent);
    await until(() => ofType('bot_started').length > 0, 'bot_started');
    const message = await max.sendMessage({ userId: parent }, { text: 'Здравствуйте' });
    expect(message.recipient).toMatchObject({ chat_type: 'dialog', user_id: parent });
  });

  it('answers a pressed button', async () => {
    const parent = people.userId('parent-ivanov');
    const message = await max.sendMessage(
      { userId: parent },
      {
        text: 'Придёте на собрание?',
        attachments: [
          {
            type: 'inline_keyboard',
            payload: { buttons: [[{ type: 'callback', text: 'Да', payload: 'yes' }]] },
          },
        ],
      },
    );
    const callbackId = people.pressButton(parent, message.body.mid, 'yes');
    await until(() => ofType('message_callback').length > 0, 'message_callback');
    const callback = ofType('message_callback')[0]!;
    expect(callback.callback).toMatchObject({ callback_id: callbackId, payload: 'yes' });
    await max.answerCallback(callbackId, { notification: 'Спасибо!', message: { text: 'Ответ записан' } });
    expect((await max.getMessage(message.body.mid)).body.text).toBe('Ответ записан');
    await expect(max.answerCallback('cb.unknown', { notification: 'x' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('uploads a file in two steps without sending the token to the upload URL, and waits out attachment.not.ready', async () => {
    const chatId = ofType('bot_added').at(-1)!.chat_id;
    const file = await max.upload({
      type: 'file',
      data: new TextEncoder().encode('Расписание'),
      filename: 'raspisanie.txt',
    });
    expect(file.attachment).toEqual({ type: 'file', payload: { token: file.token } });
    const uploadCall = sent.find((call) => call.url.includes('/fileupload/'));
    expect(uploadCall).toBeDefined();
    expect(uploadCall!.headers.has('authorization')).toBe(false);
    const sendsBefore = sim.journal.count({ operation: 'messages.send' });
    sim.clock.advance(1_000);
    const message = await max.sendMessage({ chatId }, { text: 'Расписание', attachments: [file.attachment] });
    expect(message.body.attachments).toEqual([{ type: 'file', payload: { token: file.token } }]);
    // One attachment.not.ready answer, then the repeat went through.
    expect(sim.journal.count({ operation: 'messages.send' }) - sendsBefore).toBe(2);
    expect(sim.journal.find({ operation: 'messages.send', status: 400 }).length).toBe(1);
    const image = await max.upload({
      type: 'image',
      data: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])]),
    });
    expect(image.token).toMatch(/^image\./);
    await expect(max.upload({ type: 'photo' as 'image', data: new Uint8Array([1]) })).rejects.toMatchObject({
      field: 'type',
    });
  });
});

describe('errors, retries and webhooks', () => {
  it('a wrong token is MaxApiError verify.token; a Bearer prefix is refused before sending', async () => {
    const wrong = createMaxClient({ token: 'x'.repeat(48), fetch: recordingFetch });
    const error = await wrong.getMe().catch((e) => e);
    expect(error).toBeInstanceOf(MaxApiError);
    expect(error).toMatchObject({ status: 401, maxCode: 'verify.token', code: 'MAX_API_ERROR' });
    expect(JSON.stringify(error)).not.toContain('x'.repeat(48));
    expect(() => createMaxClient({ token: `Bearer ${token}` })).toThrowError(MaxInputError);
  });

  it('retries 5xx on reads and 429 on any call, with backoff, then succeeds', async () => {
    sim.faults.addRule({ portal: 'max', operation: 'chats.get', firstN: 2, effect: { status: 503 } });
    const chatId = ofType('bot_added')[0]!.chat_id;
    expect((await max.getChat(chatId)).chat_id).toBe(chatId);
    const limited = createSimulator({
      seed: 'max-429',
      portals: [maxPortal({ rateLimit: { ratePerSecond: 1, burst: 1 } })],
    });
    // Its own loopback server: the global MSW server (and the poller on it) stay as they are.
    const limitedServer = await limited.listen({ port: 0 });
    server.use(http.all(`${new URL(limitedServer.baseUrl('max')).origin}/*`, () => passthrough()));
    try {
      const client = createMaxClient({
        token: maxControl(limited).bots()[0]!.token,
        baseUrl: limitedServer.baseUrl('max'),
        clock: { now: () => limited.clock.nowMs() },
        sleep: async (ms) => limited.clock.advance(Math.ceil(ms)),
        // Full-jitter backoff may draw three short waits that together stay under the 1 s refill;
        // six retries make that practically impossible, so the test does not depend on the draw.
        retry: { limit: 6 },
      });
      await client.getMe();
      const me = await client.getMe(); // 429 too.many.requests first, then the bucket refilled
      expect(me.username).toBe('demo_school_bot');
      expect(limited.journal.find({ status: 429 }).length).toBeGreaterThanOrEqual(1);
      expect(limited.journal.find({ status: 429 })[0]?.responseBody).toContain(
        'Too many requests. Limit is: 1 calls per second.',
      );
      const impatient = createMaxClient({
        token: maxControl(limited).bots()[0]!.token,
        baseUrl: limitedServer.baseUrl('max'),
        retry: 0,
        clock: { now: () => limited.clock.nowMs() },
      });
      await expect(impatient.getMe()).rejects.toBeInstanceOf(RateLimitError);
    } finally {
      server.resetHandlers();
      await limitedServer.close();
    }
  });

  it('subscribing a webhook makes polling 405; unsubscribing brings it back', async () => {
    await expect(max.subscribe({ url: 'http://bot.example.test/hook' })).rejects.toMatchObject({
      field: 'url',
    });
    await expect(
      max.subscribe({ url: 'https://bot.example.test:8443/hook', secret: 'abc-def_123' }),
    ).rejects.toMatchObject({
      status: 400,
      maxCode: 'proto.payload',
    });
    await poller.stop();
    await max.subscribe({
      url: 'https://bot.example.test/hook',
      secret: 'abc-def_123',
      updateTypes: ['bot_added'],
    });
    expect(await max.listSubscriptions()).toEqual([
      expect.objectContaining({ url: 'https://bot.example.test/hook', update_types: ['bot_added'] }),
    ]);
    const error = await max.getUpdates({ timeout: 0 }).catch((e) => e);
    expect(error).toMatchObject({ status: 405, maxCode: 'method.not.allowed' });
    expect((error as MaxApiError).hint?.ru).toContain('webhook');
    const stopped = max.startPolling({ onUpdate: () => undefined, minIntervalMs: 0 });
    await expect(stopped.done).rejects.toMatchObject({ status: 405 });
    await max.unsubscribe('https://bot.example.test/hook');
    expect(await max.listSubscriptions()).toEqual([]);
    expect((await max.getUpdates({ timeout: 0 })).updates).toBeInstanceOf(Array);
    expect(sim.contractViolations()).toEqual([]);
  });
});

async function tokenKey(): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return `max:${[...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
