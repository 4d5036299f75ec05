/**
 * The max portal's refusals, rule by rule, called directly: which token speaks for which bot (the
 * header as it is; `Bearer …` and `?access_token=` refused), who may act in a chat (member, owner,
 * admin with the matching permission; dialogs need none), and how ids, query parameters and JSON
 * bodies are read. Mutation testing (`pnpm mutation max`) keeps them stated.
 */
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../src/engine/errors.js';
import { portalRuntimeOf } from '../src/engine/portal-runtime-of.js';
import { createSimulator, maxControl, maxPortal } from '../src/index.js';
import { botChat, chatOf, hasPermission, requirePermission } from '../src/portals/max/access.js';
import { worldOf } from '../src/portals/max/events.js';
import { MaxFault } from '../src/portals/max/fault.js';
import { messageId, pathChatId, queryBool, queryInt, toUserId } from '../src/portals/max/ids.js';
import {
  authenticate,
  boolField,
  botRoute,
  jsonBody,
  openRoute,
  stringField,
} from '../src/portals/max/route.js';
import type { ChatRecord, MaxState, MemberRecord, Permission } from '../src/portals/max/state.js';
import { jsonOf, simRequest } from './fixtures/requests.js';

const sim = createSimulator({ seed: 'max-access-rules', portals: [maxPortal()] });
const people = maxControl(sim);
const world = () => worldOf(sim.portalState<MaxState>('max'), portalRuntimeOf(sim, 'max'));
const bot = people.bots()[0]!;

/** What a rule throws, as MAX's status and code. */
function refusal(action: () => unknown): { status: number; code: string; message: string } | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof MaxFault) {
      return { status: error.status, code: error.code, message: error.message };
    }
    throw error;
  }
  return undefined;
}

const request = (headers: Record<string, string>, query: Record<string, string> = {}, body?: string) =>
  simRequest('/me', { portal: 'max', headers, query, ...(body === undefined ? {} : { body }) });

describe('the bot token', () => {
  it('the Authorization header as it is names the bot, and marks the bot user active', () => {
    const w = world();
    sim.clock.advance(60_000);
    const record = authenticate(w, request({ authorization: bot.token }));
    expect(record.userId).toBe(bot.userId);
    expect(w.state.users.get(bot.userId)?.last_activity_time).toBe(w.live.now);
  });

  it('refuses Bearer, a missing or unknown token, and a token in the query even beside a good header', () => {
    const w = world();
    const invalid = { status: 401, code: 'verify.token', message: 'Invalid access_token' };
    expect(refusal(() => authenticate(w, request({ authorization: `Bearer ${bot.token}` })))).toEqual(
      invalid,
    );
    expect(refusal(() => authenticate(w, request({})))).toEqual(invalid);
    expect(refusal(() => authenticate(w, request({ authorization: `${bot.token}x` })))).toEqual(invalid);
    expect(
      refusal(() => authenticate(w, request({ authorization: bot.token }, { access_token: bot.token }))),
    ).toEqual(invalid);
    expect(refusal(() => authenticate(w, request({ authorization: '__proto__' })))).toEqual(invalid);
  });

  it('a token whose bot is gone is refused', () => {
    const w = world();
    w.state.tokens.set('orphan-token', 999_999);
    expect(refusal(() => authenticate(w, request({ authorization: 'orphan-token' })))?.code).toBe(
      'verify.token',
    );
    w.state.tokens.delete('orphan-token');
  });

  it('botRoute answers a refusal as MAX does; openRoute takes no token', async () => {
    const route = botRoute('GET', '/me', 'me', ({ bot: record }) => ({
      status: 200,
      headers: {},
      body: String(record.userId),
    }));
    const ctx = (headers: Record<string, string>) => ({
      request: request(headers),
      state: sim.portalState<MaxState>('max'),
      sim: portalRuntimeOf(sim, 'max'),
      params: {},
    });
    const refused = await route.handler(ctx({}) as never);
    expect(refused.status).toBe(401);
    expect(jsonOf(refused)).toEqual({ code: 'verify.token', message: 'Invalid access_token' });
    expect((await route.handler(ctx({ authorization: bot.token }) as never)).body).toBe(String(bot.userId));
    const open = openRoute('GET', '/x', 'x', () => ({ status: 204, headers: {} }));
    expect((await open.handler(ctx({}) as never)).status).toBe(204);
    const failing = openRoute('GET', '/x', 'x', async () => {
      throw new MaxFault(404, 'not.found', 'gone');
    });
    expect(jsonOf(await failing.handler(ctx({}) as never))).toEqual({ code: 'not.found', message: 'gone' });
    const refusing = openRoute('POST', '/x', 'x', () => {
      throw new BadRequestError('text', 'at most 4000 characters', 'text: too long');
    });
    const bad = await refusing.handler(ctx({}) as never);
    expect(bad.status).toBe(400);
    expect(jsonOf(bad)).toEqual({ code: 'proto.payload', message: 'text: too long' });
    const crashing = openRoute('GET', '/x', 'x', () => {
      throw new TypeError('bug');
    });
    expect(() => crashing.handler(ctx({}) as never)).toThrow(TypeError);
  });
});

describe('who may act in a chat', () => {
  const member = (over: Partial<MemberRecord>): MemberRecord => ({
    user_id: 1,
    is_owner: false,
    is_admin: false,
    permissions: null,
    alias: null,
    join_time: 0,
    last_access_time: 0,
    ...over,
  });
  const chat = (type: ChatRecord['type']) => ({ chat_id: -70_000_000_000_001, type }) as ChatRecord;

  it('an owner has every permission; an admin only those listed; a member none', () => {
    const all: Permission[] = [
      'add_remove_members',
      'add_admins',
      'change_chat_info',
      'pin_message',
      'read_all_messages',
    ];
    for (const permission of all) {
      expect(hasPermission(member({ is_owner: true }), permission)).toBe(true);
      expect(hasPermission(member({ is_admin: true, permissions: [permission] }), permission)).toBe(true);
      expect(hasPermission(member({ is_admin: true, permissions: [] }), permission)).toBe(false);
      expect(hasPermission(member({ is_admin: true, permissions: null }), permission)).toBe(false);
      expect(hasPermission(member({ is_admin: false, permissions: [permission] }), permission)).toBe(false);
    }
    expect(hasPermission(member({ is_admin: true, permissions: ['pin_message'] }), 'add_admins')).toBe(false);
  });

  it('requirePermission refuses with 403 chat.denied naming the permission; a dialog needs none', () => {
    const plain = member({});
    expect(refusal(() => requirePermission(chat('chat'), plain, 'add_admins'))).toMatchObject({
      status: 403,
      code: 'chat.denied',
      message: expect.stringContaining("'add_admins'"),
    });
    expect(refusal(() => requirePermission(chat('channel'), plain, 'pin_message'))?.code).toBe('chat.denied');
    expect(refusal(() => requirePermission(chat('dialog'), plain, 'pin_message'))).toBeUndefined();
    expect(
      refusal(() => requirePermission(chat('chat'), member({ is_owner: true }), 'pin_message')),
    ).toBeUndefined();
  });

  it('chatOf: unknown and removed chats are 404; botChat: a chat without the bot is 403 and marks access', () => {
    const w = world();
    const created = people.createChat({ title: 'Rules', members: [], addBot: { bot: bot.userId } }) as {
      chat_id: number;
    };
    const record = w.state.chats.get(created.chat_id)!;
    expect(chatOf(w, created.chat_id)).toBe(record);
    expect(refusal(() => chatOf(w, -1))).toEqual({
      status: 404,
      code: 'not.found',
      message: 'Chat -1 not found',
    });
    const botUser = w.state.bots.get(bot.userId)!;
    sim.clock.advance(1_000);
    const inChat = record.members.has(bot.userId);
    if (inChat) {
      const found = botChat(w, botUser, String(created.chat_id));
      expect(found.chat).toBe(record);
      expect(found.member.last_access_time).toBe(w.live.now);
      const saved = record.members.get(bot.userId)!;
      record.members.delete(bot.userId);
      expect(refusal(() => botChat(w, botUser, String(created.chat_id)))).toEqual({
        status: 403,
        code: 'chat.denied',
        message: `Bot is not a member of chat ${created.chat_id}`,
      });
      record.members.set(bot.userId, saved);
    }
    expect(inChat).toBe(true);
    record.status = 'removed';
    expect(refusal(() => chatOf(w, created.chat_id))?.status).toBe(404);
    record.status = 'active';
  });
});

describe('ids and query parameters', () => {
  it('a path chat id is a non-zero decimal int64 within the safe range, else 404', () => {
    expect(pathChatId('-70000000000005')).toBe(-70_000_000_000_005);
    expect(pathChatId('80000000000001')).toBe(80_000_000_000_001);
    expect(pathChatId(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of [
      undefined,
      '',
      '0',
      '-0',
      '1.5',
      '1e3',
      ' 1',
      '1 ',
      'x1',
      '1x',
      '12345678901234567890',
      String(Number.MAX_SAFE_INTEGER + 1),
      'join/abc',
    ]) {
      expect(
        refusal(() => pathChatId(bad)),
        String(bad),
      ).toMatchObject({ status: 404, code: 'not.found' });
    }
    expect(refusal(() => pathChatId('x'.repeat(100)))?.message).toBe(`Chat "${'x'.repeat(40)}" not found`);
    expect(refusal(() => pathChatId(undefined))?.message).toBe('Chat "undefined" not found');
  });

  it('queryInt: absent or empty is undefined; out of range or malformed is 400 naming the range', () => {
    const q = (text: string) => new URLSearchParams(text);
    expect(queryInt(q(''), 'count')).toBeUndefined();
    expect(queryInt(q('count='), 'count')).toBeUndefined();
    expect(queryInt(q('count=5'), 'count', { min: 1, max: 5 })).toBe(5);
    expect(queryInt(q('count=1'), 'count', { min: 1, max: 5 })).toBe(1);
    expect(queryInt(q('count=-3'), 'count')).toBe(-3);
    expect(refusal(() => queryInt(q('count=6'), 'count', { min: 1, max: 5 }))).toEqual({
      status: 400,
      code: 'proto.payload',
      message: "Parameter 'count' must be an integer from 1 to 5",
    });
    expect(refusal(() => queryInt(q('count=0'), 'count', { min: 1, max: 5 }))?.code).toBe('proto.payload');
    expect(refusal(() => queryInt(q('count=0'), 'count', { min: 1 }))?.message).toBe(
      "Parameter 'count' must be an integer",
    );
    expect(refusal(() => queryInt(q('count=9'), 'count', { max: 8 }))?.message).toBe(
      "Parameter 'count' must be an integer",
    );
    expect(queryInt(q('count=8'), 'count', { max: 8 })).toBe(8);
    expect(refusal(() => queryInt(q('count=1.5'), 'count'))?.code).toBe('proto.payload');
  });

  it('queryBool: true or false only', () => {
    const q = (text: string) => new URLSearchParams(text);
    expect(queryBool(q('x=true'), 'x')).toBe(true);
    expect(queryBool(q('x=false'), 'x')).toBe(false);
    expect(queryBool(q(''), 'x')).toBeUndefined();
    expect(queryBool(q('x='), 'x')).toBeUndefined();
    expect(refusal(() => queryBool(q('x=1'), 'x'))).toMatchObject({
      status: 400,
      message: "Parameter 'x' must be true or false",
    });
  });

  it('toUserId: positive safe integers as numbers or decimal strings', () => {
    expect(toUserId(5)).toBe(5);
    expect(toUserId('7')).toBe(7);
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, '0', '-2', 'x', '', null, {}, true]) {
      expect(toUserId(bad), String(bad)).toBeUndefined();
    }
  });

  it('message ids: mid. + 16 hex of the chat + 16 hex of the sequence', () => {
    expect(messageId(-70_000_000_000_005, 1)).toBe(
      `mid.${(70_000_000_000_005).toString(16).padStart(16, '0')}0000000000000001`,
    );
    expect(messageId(-5, 255)).toMatch(/^mid\.0{15}50{14}ff$/);
  });
});

describe('JSON bodies', () => {
  const withBody = (body: string, type = 'application/json') => request({ 'content-type': type }, {}, body);

  it('reads a JSON object; content-type may be absent or any json type', () => {
    expect(jsonBody(withBody('{"a":1}'))).toEqual({ a: 1 });
    expect(jsonBody(request({}, {}, '{"a":2}'))).toEqual({ a: 2 });
    expect(jsonBody(withBody('{"a":3}', 'application/vnd.api+JSON; charset=utf-8'))).toEqual({ a: 3 });
  });

  it('refuses another content type, an empty body, invalid JSON and non-objects with 400 proto.payload', () => {
    const cases: [ReturnType<typeof withBody>, string][] = [
      [withBody('{"a":1}', 'text/plain'), "Expected a JSON body, got content-type 'text/plain'"],
      [withBody('   '), 'Request body is empty'],
      [withBody('{'), 'Request body is not valid JSON'],
      [withBody('null'), 'Request body must be a JSON object'],
      [withBody('[1]'), 'Request body must be a JSON object'],
      [withBody('"text"'), 'Request body must be a JSON object'],
    ];
    for (const [input, message] of cases) {
      expect(refusal(() => jsonBody(input))).toEqual({ status: 400, code: 'proto.payload', message });
    }
    expect(refusal(() => jsonBody(withBody('{}', `text/${'x'.repeat(200)}`)))?.message.length).toBeLessThan(
      120,
    );
  });

  it('stringField: bounded, own properties only; null and absent are undefined', () => {
    expect(stringField({ text: 'abc' }, 'text', 3)).toBe('abc');
    expect(stringField({ text: 'ab' }, 'text', 3, 2)).toBe('ab');
    expect(stringField({ text: null }, 'text', 3)).toBeUndefined();
    expect(stringField({}, 'text', 3)).toBeUndefined();
    expect(stringField(Object.create({ text: 'inherited' }), 'text', 30)).toBeUndefined();
    expect(stringField({ text: 'abc' }, 'text', 3, 3)).toBe('abc');
    expect(refusal(() => stringField({ text: 'abcd' }, 'text', 3))?.message).toBe(
      "Field 'text' size (4) must be at most 3",
    );
    expect(refusal(() => stringField({ text: 'a' }, 'text', 3, 2))?.message).toBe(
      "Field 'text' size (1) must be at least 2",
    );
    expect(refusal(() => stringField({ text: 5 }, 'text', 3))).toEqual({
      status: 400,
      code: 'proto.payload',
      message: "Field 'text' must be a string",
    });
  });

  it('boolField: booleans only; null and absent are undefined', () => {
    expect(boolField({ notify: false }, 'notify')).toBe(false);
    expect(boolField({ notify: true }, 'notify')).toBe(true);
    expect(boolField({ notify: null }, 'notify')).toBeUndefined();
    expect(boolField({}, 'notify')).toBeUndefined();
    expect(boolField(Object.create({ notify: true }), 'notify')).toBeUndefined();
    expect(refusal(() => boolField({ notify: 'true' }, 'notify'))?.message).toBe(
      "Field 'notify' must be a boolean",
    );
  });
});
