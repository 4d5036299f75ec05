/**
 * The max portal's control routes on the standalone server (acting as people), their bad input
 * (400/404/409 naming the field, never 500), the `--data` slice that switches on http webhooks to
 * loopback, and the dashboard panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, maxPortal, type SimulatorServer } from '../src/index.js';

const sim = createSimulator({
  seed: 'max-control',
  portals: [maxPortal()],
  data: { max: { allowHttpLoopbackWebhooks: true, privacy: ['parent-ivanov'] } },
});
let server: SimulatorServer;
beforeAll(async () => {
  server = await sim.listen({ port: 0 });
});
afterAll(() => server.close());

/** The JSON answers these tests read, field by field. */
interface Answer {
  bots: { token: string }[];
  users: { userId: number; personaId: string; privacy: boolean }[];
  updates: { update_type: string }[];
  added: number[];
  chat_id: number;
  marker: number;
  mode: string;
  field: string;
  [other: string]: unknown;
}

async function control(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; data: Answer }> {
  const response = await fetch(`${server.url}/__goskit/max${path}`, {
    method,
    ...(body === undefined
      ? {}
      : {
          headers: { 'content-type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
  });
  return { status: response.status, data: (await response.json()) as Answer };
}

async function api(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl('max')}${path}`, {
    method,
    headers: { authorization: token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, data: (await response.json()) as Answer };
}

describe('control routes act as people', () => {
  it('lists bots with tokens and users with persona ids; the data slice applied', async () => {
    const bots = await control('GET', '/bots');
    expect(bots.data.bots).toEqual([
      expect.objectContaining({
        name: 'Бот: Демо школа',
        username: 'demo_school_bot',
        token: expect.stringMatching(/^[\w-]{48}$/),
      }),
    ]);
    const users = (await control('GET', '/users?role=parent')).data.users as {
      personaId: string;
      privacy: boolean;
    }[];
    expect(users.find((user) => user.personaId === 'parent-ivanov')?.privacy).toBe(true);
    expect(users.filter((user) => user.privacy)).toHaveLength(1);
    expect((await control('GET', '/settings')).data).toMatchObject({
      allowHttpLoopbackWebhooks: true,
      chatList: 'removed',
    });
  });

  it('creates a chat, renames it, adds and removes people, adds and removes the bot; the bot hears it all', async () => {
    const token = (await control('GET', '/bots')).data.bots[0]!.token;
    const drained = await api('GET', '/updates?timeout=0&limit=1000', token);
    const created = await control('POST', '/chats', {
      title: 'Демо школа - 4Б - Чат родителей',
      owner: 'teacher-demo',
      members: ['parent-ivanov'],
      addBot: { admin: true, permissions: ['read_all_messages', 'add_remove_members'] },
    });
    expect(created.status).toBe(201);
    const chatId = created.data.chat_id as number;
    expect(created.data).toMatchObject({
      type: 'chat',
      participants_count: 3,
      title: 'Демо школа - 4Б - Чат родителей',
    });
    expect((await control('PATCH', `/chats/${chatId}`, { title: 'Демо школа - 4Б - Родители' })).status).toBe(
      200,
    );
    const parents = (await control('GET', '/users?role=parent')).data.users as {
      userId: number;
      privacy: boolean;
    }[];
    const added = await control('POST', `/chats/${chatId}/members`, { users: [parents[3]!.userId] });
    expect(added.data.added).toEqual([parents[3]!.userId]);
    expect((await control('DELETE', `/chats/${chatId}/members/${parents[3]!.userId}`)).status).toBe(200);
    expect((await control('DELETE', `/chats/${chatId}/bot`)).status).toBe(200);
    expect((await control('POST', `/chats/${chatId}/bot`, { admin: false })).status).toBe(200);
    const updates = await api('GET', `/updates?timeout=0&marker=${drained.data.marker}`, token);
    expect(updates.data.updates.map((update) => update.update_type)).toEqual([
      'bot_added',
      'chat_title_changed',
      'user_added',
      'user_removed',
      'bot_removed',
      'bot_added',
    ]);
    // Not an admin any more: the bot cannot add members.
    const refused = await api('POST', `/chats/${chatId}/members`, token, { user_ids: [parents[4]!.userId] });
    expect(refused).toMatchObject({ status: 403, data: { code: 'chat.denied' } });
  });

  it('switches the member-add restriction', async () => {
    expect((await control('GET', '/restriction')).data).toMatchObject({
      mode: 'auto',
      active: false,
      startsAt: '2026-09-08T21:00:00.000Z',
    });
    expect((await control('PUT', '/restriction', { mode: 'on' })).data).toMatchObject({
      mode: 'on',
      active: true,
    });
    expect((await control('PUT', '/restriction', { mode: 'sometimes' })).status).toBe(400);
    expect((await control('PUT', '/restriction', { mode: 'auto' })).data.mode).toBe('auto');
  });

  it('refuses bad input naming the field, never with a 500', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/chats', {}, 400, 'title'],
      ['POST', '/chats', { title: 'x', members: ['__proto__'] }, 404, 'members[0]'],
      ['POST', '/chats', { title: 'x', owner: 'constructor' }, 404, 'owner'],
      ['POST', '/chats', { title: 'x', addBot: { bot: 'toString' } }, 404, 'addBot.bot'],
      ['POST', '/chats', { title: 'x', addBot: { permissions: ['__proto__'] } }, 400, 'addBot.permissions'],
      ['POST', '/chats', { title: 'y'.repeat(201) }, 400, 'title'],
      ['POST', '/chats', '{"title":', 400, '(body)'],
      ['POST', '/chats', '[]', 400, '(body)'],
      ['PATCH', '/chats/__proto__', { title: 'x' }, 404, 'chatId'],
      ['POST', '/chats/-70000000000001/messages', { from: 'hasOwnProperty', text: 'x' }, 404, 'from'],
      [
        'POST',
        '/chats/-70000000000001/messages',
        { from: 'teacher-demo', text: 'x', count: 1e9 },
        400,
        'count',
      ],
      ['POST', '/chats/-70000000000001/members', { users: 'x' }, 400, 'users'],
      ['DELETE', '/chats/-70000000000001/members/admin-demo', undefined, 409, 'user'],
      ['POST', '/callbacks', { user: 'teacher-demo', mid: '__proto__' }, 404, 'mid'],
      ['POST', '/dialogs', { user: 'valueOf' }, 404, 'user'],
      ['PUT', '/settings', { chatList: 'maybe' }, 400, 'chatList'],
    ];
    for (const [method, path, body, status, field] of cases) {
      const answer = await control(method, path, body);
      expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(answer.data.field, `${method} ${path}`).toBe(field);
    }
  });

  it('shows the bots, chats and switches on the dashboard, with the token masked', async () => {
    const page = await fetch(`${server.url}/`).then((response) => response.text());
    const token = (await control('GET', '/bots')).data.bots[0]!.token;
    expect(page).toContain('MAX (Сферум в MAX)');
    expect(page).toContain('Демо школа - Чат учителей');
    expect(page).toContain(`${token.slice(0, 6)}…`);
    expect(page).not.toContain(token);
  });
});
