import { describe, expect, it } from 'vitest';
import { vkDemo, vkTokens, vkUserIdOf, vkUsers } from '../src/portals/vk/index.js';
import { vkCall, vkOk, vkSim } from './vk-support.js';

describe('vk demo data', () => {
  it('is the roster as VK: a community token, user and service tokens, linked and unlinked people, chats', () => {
    const sim = vkSim();
    const demo = vkDemo(sim);
    const tokens = vkTokens(sim);
    expect(tokens.map((token) => token.kind).sort()).toEqual([
      'community',
      'service',
      'user',
      'user',
      'user',
    ]);
    expect(tokens.find((token) => token.kind === 'community')?.owner).toEqual({
      type: 'group',
      id: demo.groupId,
      name: 'Демо школа',
    });
    const users = vkUsers(sim);
    expect(users).toHaveLength(sim.demo.personas.length);
    const teachers = users.filter((user) => user.role === 'teacher');
    expect(teachers.some((user) => user.educationProfile)).toBe(true);
    expect(teachers.some((user) => !user.educationProfile)).toBe(true);
    expect(users.find((user) => user.personId === 'teacher-1b')?.educationProfile).toBe(false);
    expect(demo.chats.map((chat) => [chat.chatId, chat.kind, chat.classId ?? null])).toEqual([
      [1, 'CLASS', 'class-1a'],
      [2, 'PARENTS', 'class-1a'],
      [3, 'CLASS', 'class-1b'],
      [4, 'TEACHER', null],
    ]);
    expect(demo.chats[0]?.title).toBe('Демо школа - 1А - Чат класса');
    expect(demo.chats[2]).toMatchObject({ title: '1Б класс', registryTitle: 'Демо школа - 1Б - Чат класса' });
  });

  it('is the same for the same seed and differs for another', () => {
    const a = vkSim({ seed: 's1' });
    const b = vkSim({ seed: 's1' });
    const c = vkSim({ seed: 's2' });
    expect(vkTokens(a)).toEqual(vkTokens(b));
    expect(vkUsers(a)).toEqual(vkUsers(b));
    expect(vkTokens(c)).not.toEqual(vkTokens(a));
    a.reset();
    expect(vkTokens(a)).toEqual(vkTokens(b));
  });
});

describe('vk envelopes and the token matrix', () => {
  const sim = vkSim({
    rateLimits: { vk: { ratePerSecond: 1e9, burst: 1e9 } },
    vk: { limits: { user: 1e9 } },
  });
  const demo = vkDemo(sim);
  const community = demo.communityToken;
  const teacher = demo.userTokens['teacher-demo'] as string;

  it('answers {response} with HTTP 200, and errors as {error} with exact messages and echoed params', async () => {
    const ok = await vkCall(sim, 'groups.getById', {}, { token: community });
    expect(ok.status).toBe(200);
    expect(ok.body.response.groups[0]).toMatchObject({ id: demo.groupId, name: 'Демо школа' });

    const noToken = await vkCall(sim, 'users.get', { user_ids: 1 });
    expect(noToken.status).toBe(200);
    expect(noToken.body.error).toEqual({
      error_code: 5,
      error_msg: 'User authorization failed: no access_token passed.',
      request_params: [
        { key: 'oauth', value: '1' },
        { key: 'method', value: 'users.get' },
        { key: 'v', value: '5.199' },
        { key: 'user_ids', value: '1' },
      ],
    });
    const bad = await vkCall(sim, 'users.get', {}, { token: 'vk1.a.not-a-token' });
    expect(bad.body.error.error_msg).toBe('User authorization failed: invalid access_token (4).');
    expect(JSON.stringify(bad.body)).not.toContain('not-a-token');
    const noVersion = await vkCall(sim, 'users.get', {}, { token: community, v: null });
    expect(noVersion.body.error.error_code).toBe(8);
    expect(noVersion.body.error.error_msg).toMatch(/^Invalid request: versions below 5\.81 are deprecated/);
    const unknown = await vkCall(sim, 'messages.sendEverything', {}, { token: community });
    expect(unknown.body.error).toMatchObject({ error_code: 3, error_msg: 'Unknown method passed' });
    const caseSensitive = await vkCall(sim, 'Messages.send', {}, { token: community });
    expect(caseSensitive.body.error.error_code).toBe(3);
    await vkCall(sim, 'users.get', {}, { token: community, httpMethod: 'GET' });
    const journal = JSON.stringify(sim.journal.entries());
    expect(journal).toContain('access_token=[REDACTED]');
    expect(journal).not.toContain(community);
  });

  it('community tokens cannot call getChat or addChatUser; service tokens only read users and groups', async () => {
    for (const method of ['messages.getChat', 'messages.addChatUser', 'calls.start']) {
      const refused = await vkCall(sim, method, { chat_id: 1, user_id: 1 }, { token: community });
      expect(refused.body.error).toMatchObject({
        error_code: 27,
        error_msg: 'Group authorization failed: method is unavailable with group auth.',
      });
    }
    const service = demo.serviceToken;
    const send = await vkCall(
      sim,
      'messages.send',
      { peer_id: 2000000001, random_id: 1, message: 'x' },
      { token: service },
    );
    expect(send.body.error).toMatchObject({
      error_code: 28,
      error_msg: 'Application authorization failed: method is unavailable with service token.',
    });
    const teacherId = vkUserIdOf(sim, 'teacher-demo') as number;
    const users = await vkOk(
      sim,
      'users.get',
      { user_ids: teacherId, fields: 'sex,bdate,screen_name' },
      { token: service },
    );
    expect(users).toEqual([
      expect.objectContaining({
        id: teacherId,
        first_name: 'Мария',
        last_name: 'Петрова',
        sex: 1,
        screen_name: `id${teacherId}`,
      }),
    ]);
    const chat = await vkOk(sim, 'messages.getChat', { chat_id: 1 }, { token: teacher });
    expect(chat).toMatchObject({
      type: 'chat',
      id: 1,
      title: 'Демо школа - 1А - Чат класса',
      admin_id: -demo.groupId,
    });
  });

  it('takes the token as Authorization: Bearer, parameters from the query (GET) and multipart bodies; never a JSON body', async () => {
    const viaBearer = await vkOk(sim, 'groups.getById', {}, { token: community, bearer: true });
    expect(viaBearer.groups[0].id).toBe(demo.groupId);
    const viaGet = await vkOk(sim, 'groups.getById', {}, { token: community, httpMethod: 'GET' });
    expect(viaGet.groups[0].id).toBe(demo.groupId);
    const { simRequest, bodyOf } = await import('./fixtures/requests.js');
    const boundary = 'XyZ';
    const multipart = [
      `--${boundary}\r\nContent-Disposition: form-data; name="access_token"\r\n\r\n${community}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="v"\r\n\r\n5.199\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const viaMultipart = await sim.handle(
      simRequest('/method/groups.getById', {
        portal: 'vk',
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: multipart,
      }),
    );
    expect(JSON.parse(bodyOf(viaMultipart)).response.groups[0].id).toBe(demo.groupId);
    const viaJson = await sim.handle(
      simRequest('/method/groups.getById', {
        portal: 'vk',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ access_token: community, v: '5.199' }),
      }),
    );
    expect(JSON.parse(bodyOf(viaJson)).error.error_code).toBe(8);
  });
});
