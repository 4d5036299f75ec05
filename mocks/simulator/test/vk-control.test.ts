/**
 * The vk and vkid control routes on the standalone server (/__goskit/vk/…, /__goskit/vkid/…), acting
 * as a person in VK, the messenger service other portals use, and both dashboard panels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorServer } from '../src/engine/types.js';
import { vkDemo, vkUserIdOf, vkUsers } from '../src/portals/vk/index.js';
import { VkMessengerError, vkMessengerService } from '../src/services/vk-messenger.js';
import { vkSim } from './vk-support.js';

const sim = vkSim({ seed: 'vk-control' });
let server: SimulatorServer;
let control: string;

beforeAll(async () => {
  server = await sim.listen({ port: 0 });
  control = `${server.url}/__goskit`;
});
afterAll(() => server.close());

async function postJson(path: string, body: unknown) {
  const response = await fetch(`${control}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field.
  return { status: response.status, body: (await response.json()) as any };
}

async function getJson(path: string) {
  const response = await fetch(`${control}${path}`);
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field.
  return { status: response.status, body: (await response.json()) as any };
}

describe('vk control routes', () => {
  it('GET /vk/tokens lists kind, token and owner; /vk/users the people with their profile status', async () => {
    const { body } = await getJson('/vk/tokens');
    const demo = vkDemo(sim);
    expect(body.tokens).toContainEqual({
      kind: 'community',
      token: demo.communityToken,
      scopes: ['messages', 'manage'],
      owner: { type: 'group', id: demo.groupId, name: 'Демо школа' },
    });
    expect(body.tokens.find((token: { kind: string }) => token.kind === 'user').owner).toMatchObject({
      type: 'user',
      personId: 'teacher-demo',
    });
    const users = (await getJson('/vk/users')).body.users;
    expect(users).toHaveLength(sim.demo.personas.length);
    expect(users[0]).not.toHaveProperty('phone');
    expect((await getJson('/vk/demo')).body.demo.chats).toHaveLength(4);
  });

  it('acts as a person: renames a chat, leaves it, links a profile, joins by the invite link', async () => {
    const teacherId = vkUserIdOf(sim, 'teacher-demo') as number;
    const renamed = await postJson('/vk/act/rename', {
      userId: teacherId,
      chatId: 1,
      title: '1А — наш класс',
    });
    expect(renamed).toMatchObject({ status: 200, body: { chat: { chatId: 1, title: '1А — наш класс' } } });
    const left = await postJson('/vk/act/leave', { userId: teacherId, chatId: 1 });
    expect(left.body.chat.left).toContain(teacherId);
    expect((await postJson('/vk/act/leave', { userId: teacherId, chatId: 1 })).body).toMatchObject({
      vkCode: 922,
    });
    const unlinked = vkUsers(sim).find((user) => user.role === 'parent' && !user.educationProfile);
    const link = (await getJson('/vk/chats')).body.chats[1].inviteLink as string;
    const refused = await postJson('/vk/act/join', { userId: unlinked?.id, link });
    expect(refused).toMatchObject({ status: 409, body: { vkCode: 947 } });
    expect((await postJson('/vk/act/link', { personId: unlinked?.personId })).body).toEqual({
      userId: unlinked?.id,
      educationProfile: true,
    });
    const joined = await postJson('/vk/act/join', { userId: unlinked?.id, link });
    expect(
      joined.body.chat.members.some((member: { memberId: number }) => member.memberId === unlinked?.id),
    ).toBe(true);
    const messages = await getJson('/vk/chats/1/messages');
    expect(messages.body.count).toBe(1);
  });

  it('refuses bad bodies naming the field, and unknown ids (even __proto__) with 404 / VK codes, never 500', async () => {
    expect(await postJson('/vk/act/rename', { userId: 1, chatId: 1 })).toMatchObject({
      status: 400,
      body: { field: 'title' },
    });
    expect(await postJson('/vk/act/rename', { userId: '__proto__', chatId: 1, title: 'x' })).toMatchObject({
      status: 400,
      body: { field: 'userId' },
    });
    expect(await postJson('/vk/act/leave', { userId: 1, chatId: 1 })).toMatchObject({
      status: 404,
      body: { vkCode: 113 },
    });
    expect(await postJson('/vk/act/link', { personId: '__proto__' })).toMatchObject({
      status: 404,
      body: { field: 'personId' },
    });
    expect(await postJson('/vk/act/link', { personId: 'constructor' })).toMatchObject({ status: 404 });
    expect(
      await postJson('/vk/act/join', { userId: vkUserIdOf(sim, 'teacher-demo'), link: '__proto__' }),
    ).toMatchObject({ status: 404, body: { vkCode: 927 } });
    expect((await getJson('/vk/chats/__proto__/messages')).status).toBe(404);
    expect((await getJson('/vk/captcha/__proto__')).status).toBe(404);
    expect(await postJson('/vk/captcha', { method: '__proto__' })).toMatchObject({
      status: 400,
      body: { field: 'method' },
    });
    const armed = await postJson('/vk/captcha', { method: 'messages.send', form: 'redirect', count: 2 });
    expect(armed).toMatchObject({
      status: 201,
      body: { armed: { method: 'messages.send', form: 'redirect', remaining: 2 } },
    });
    const notJson = await fetch(`${control}/vk/act/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('vkid: registers a client (400 naming the field) and lists it', async () => {
    const created = await postJson('/vkid/clients', {
      clientId: '52000001',
      title: 'Дневник',
      redirectUris: ['https://diary.example/cb'],
    });
    expect(created).toMatchObject({ status: 201, body: { clientId: '52000001' } });
    expect(
      (await getJson('/vkid/clients')).body.clients.map((client: { clientId: string }) => client.clientId),
    ).toContain('52000001');
    expect(
      await postJson('/vkid/clients', { clientId: '52000002', redirectUris: ['ftp://x'] }),
    ).toMatchObject({ status: 400, body: { field: 'redirectUris.0' } });
    expect(
      await postJson('/vkid/clients', { clientId: '__proto__ x', redirectUris: ['https://a.example/'] }),
    ).toMatchObject({ status: 400, body: { field: 'clientId' } });
  });

  it('the dashboard shows both portals: chats with ✓ counts and the VK ID clients', async () => {
    const page = await fetch(`${server.url}/`).then((response) => response.text());
    expect(page).toContain('VK API · Сферум (vk)');
    expect(page).toContain('Демо школа - 1А - Чат родителей');
    expect(page).toContain('учебный профиль ✓');
    expect(page).toContain('VK ID (vkid)');
    expect(page).toContain('Демо школа — информационная система');
    expect(page).not.toContain(vkDemo(sim).communityToken);
  });
});

describe('the messenger service (for Параграф)', () => {
  it('checks a community token, creates a subject chat, starts a call, posts idempotently', () => {
    const messenger = sim.service(vkMessengerService);
    const demo = vkDemo(sim);
    expect(messenger.checkCommunityToken(demo.communityToken)).toMatchObject({
      groupId: demo.groupId,
      name: 'Демо школа',
      organisationOid: sim.demo.organisation.oid,
    });
    expect(messenger.checkCommunityToken(demo.userTokens['teacher-demo'] as string)).toBeUndefined();
    const course = sim.demo.courses?.find((item) => item.classId === 'class-5a') ?? sim.demo.courses?.[0];
    const chat = messenger.createSubjectChat({ groupId: demo.groupId, courseId: course?.id ?? '' });
    const subject = sim.demo.subjects?.find((item) => item.id === course?.subjectId)?.name;
    expect(chat.title).toBe(`Демо школа - 5А - ${subject}`);
    expect(chat.peerId).toBe(2_000_000_000 + chat.chatId);
    const teacherId = vkUserIdOf(sim, course?.teacherId ?? '');
    const linkedTeacher = vkUsers(sim).find((user) => user.id === teacherId)?.educationProfile;
    expect(chat.memberIds.includes(teacherId as number)).toBe(linkedTeacher);
    const call = messenger.startCall({ groupId: demo.groupId, peerId: chat.peerId });
    const first = messenger.postToChat({
      groupId: demo.groupId,
      peerId: chat.peerId,
      text: `Урок: ${call.joinLink}`,
      randomId: '1001',
    });
    expect(
      messenger.postToChat({
        groupId: demo.groupId,
        peerId: chat.peerId,
        text: `Урок: ${call.joinLink}`,
        randomId: '1001',
      }),
    ).toEqual(first);
    messenger.finishCall(call.callId);
    expect(() => messenger.createSubjectChat({ groupId: demo.groupId, courseId: '__proto__' })).toThrow(
      VkMessengerError,
    );
    expect(() => messenger.postToChat({ groupId: demo.groupId, peerId: 2_000_000_999, text: 'x' })).toThrow(
      /Chat does not exist/,
    );
  });
});
