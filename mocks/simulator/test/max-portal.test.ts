/**
 * The max portal's rules, request by request (sim.handle, every answer checked against the contract):
 * the token as MAX takes it, `{ code, message }` errors with MAX's statuses, hostile ids answered with
 * the API's own errors, marker semantics, long polls on the virtual clock, 405 while a webhook is set,
 * the per-token 429 without Retry-After, the per-chat send limit, uploads, the legacy switches.
 */
import { describe, expect, it } from 'vitest';
import type { SimResponse } from '../src/index.js';
import { createSimulator, maxControl, maxPortal } from '../src/index.js';
import { jsonOf, simRequest } from './fixtures/requests.js';

function setup(options: Parameters<typeof maxPortal>[0] = {}, wide = true) {
  const sim = createSimulator({
    seed: 'max-portal',
    portals: [maxPortal(options)],
    strictContracts: true,
    ...(wide ? { rateLimits: { max: { ratePerSecond: 1e6, burst: 1e6 } } } : {}),
  });
  const people = maxControl(sim);
  const token = people.bots()[0]!.token;
  const call = (
    method: string,
    path: string,
    extra: { query?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<SimResponse> =>
    sim.handle(
      simRequest(path, {
        portal: 'max',
        method,
        headers: {
          authorization: token,
          ...(extra.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...extra.headers,
        },
        ...(extra.query ? { query: extra.query } : {}),
        ...(extra.body === undefined
          ? {}
          : { body: typeof extra.body === 'string' ? extra.body : JSON.stringify(extra.body) }),
      }),
    );
  return { sim, people, token, call };
}

/** The MAX answers these tests read. */
interface MaxBody {
  code: string;
  message: string;
  updates: { update_type: string; chat_id: number; message?: { body: { text: string } } }[];
  marker: number;
  url: string;
  token: string;
  chats: unknown[];
  subscriptions: unknown[];
  success: boolean;
  [other: string]: unknown;
}

const body = (response: SimResponse) => jsonOf<MaxBody>(response);

describe('authentication', () => {
  it('takes the token as it is; Bearer, query tokens and unknown tokens are 401 verify.token', async () => {
    const { call, token, sim } = setup();
    expect((await call('GET', '/me')).status).toBe(200);
    for (const headers of [
      { authorization: `Bearer ${token}` },
      { authorization: '' },
      { authorization: 'nope' },
    ]) {
      const refused = await call('GET', '/me', { headers });
      expect(refused.status).toBe(401);
      expect(body(refused)).toEqual({ code: 'verify.token', message: 'Invalid access_token' });
    }
    const query = await call('GET', '/me', { query: { access_token: token } });
    expect(query.status).toBe(401);
    expect(sim.contractViolations()).toEqual([]);
  });
});

describe('hostile input gets the API’s own errors', () => {
  const HOSTILE = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '@demo_chat',
    '1.5',
    '9'.repeat(30),
    '0',
  ];

  it.each(HOSTILE)('chat id %j in paths → 404 not.found', async (id) => {
    const { call, sim } = setup();
    for (const path of [
      `/chats/${id}`,
      `/chats/${id}/members`,
      `/chats/${id}/pin`,
      `/chats/${id}/members/me`,
    ]) {
      const answer = await call('GET', path);
      expect(answer.status, path).toBe(404);
      expect(body(answer)).toMatchObject({ code: 'not.found' });
    }
    expect(sim.contractViolations()).toEqual([]);
  });

  it('bad query values → 400 proto.payload; unknown ids → 404; the API never answers 500', async () => {
    const { call, sim } = setup();
    const chatId = String(
      body(await call('GET', '/updates', { query: { timeout: '0' } })).updates[0]!.chat_id,
    );
    const cases: [string, string, Record<string, string>, unknown?][] = [
      ['GET', '/updates', { limit: '__proto__' }],
      ['GET', '/updates', { timeout: '91' }],
      ['GET', '/updates', { marker: '1e5' }],
      ['GET', '/updates', { types: 'constructor' }],
      ['GET', `/chats/${chatId}/members`, { count: '0' }],
      ['GET', `/chats/${chatId}/members`, { user_ids: 'toString' }],
      ['POST', '/messages', { chat_id: chatId, user_id: '1' }, { text: 'x' }],
      ['POST', '/messages', { chat_id: 'abc' }, { text: 'x' }],
      ['POST', '/messages', { chat_id: chatId }, '{"text":'],
      ['POST', '/messages', { chat_id: chatId }, '["x"]'],
      ['POST', '/messages', { chat_id: chatId }, { text: 5 }],
      ['POST', '/messages', { chat_id: chatId }, { __proto__: { text: 'x' } }],
      [
        'POST',
        '/messages',
        { chat_id: chatId },
        { text: 'x', attachments: [{ type: 'file', payload: { token: '__proto__' } }] },
      ],
      ['POST', `/chats/${chatId}/members`, {}, { user_ids: ['__proto__'] }],
      [
        'POST',
        `/chats/${chatId}/members/admins`,
        {},
        { admins: [{ user_id: 1, permissions: ['constructor'] }] },
      ],
      ['PATCH', `/chats/${chatId}`, {}, { title: '' }],
      ['POST', '/subscriptions', {}, { url: 'https://bot.test/hook', secret: '__proto__!' }],
      ['POST', '/uploads', { type: '__proto__' }],
      ['POST', '/answers', { callback_id: '__proto__' }, { notification: 'x' }],
      ['DELETE', `/chats/${chatId}/members`, { user_id: 'toString' }],
    ];
    for (const [method, path, query, payload] of cases) {
      const answer = await call(method, path, { query, ...(payload === undefined ? {} : { body: payload }) });
      expect(answer.status, `${method} ${path} ${JSON.stringify(query)}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${method} ${path} ${JSON.stringify(query)}`).toBeLessThan(500);
      expect(typeof body(answer).code).toBe('string');
    }
    expect((await call('GET', '/messages/__proto__')).status).toBe(404);
    expect((await call('DELETE', '/chats/-70000000000001/members/admins/__proto__')).status).toBe(404);
    expect(sim.journal.find({ portal: 'max' }).filter((entry) => entry.status >= 500)).toEqual([]);
    expect(sim.contractViolations()).toEqual([]);
  });

  it('text over 4000 characters is refused the way MAX words it', async () => {
    const { call } = setup();
    const answer = await call('POST', '/messages', {
      query: { chat_id: '-70000000000001' },
      body: { text: 'я'.repeat(4001) },
    });
    expect(answer.status).toBe(400);
    expect(body(answer)).toEqual({
      code: 'proto.payload',
      message: "Field 'text' size (4001) must be at most 4000",
    });
  });
});

describe('updates', () => {
  it('returns uncommitted updates until a marker commits them; a marker from the future commits all', async () => {
    const { call, people } = setup();
    const first = body(await call('GET', '/updates', { query: { timeout: '0', limit: '2' } }));
    expect(first.updates.map((u: { update_type: string }) => u.update_type)).toEqual([
      'bot_added',
      'bot_added',
    ]);
    const again = body(await call('GET', '/updates', { query: { timeout: '0', limit: '2' } }));
    expect(again).toEqual(first);
    const next = body(
      await call('GET', '/updates', { query: { timeout: '0', marker: String(first.marker) } }),
    );
    expect(next.updates).toHaveLength(1);
    expect(next.updates[0]!.chat_id).not.toBe(first.updates[1]!.chat_id);
    people.post(first.updates[0]!.chat_id, people.userId('teacher-demo'), 'x', 3);
    const future = body(await call('GET', '/updates', { query: { timeout: '0', marker: '999999999' } }));
    expect(future.updates).toEqual([]);
  });

  it('a poll waits on the virtual clock: an update ends it; the clock passing its timeout ends it empty', async () => {
    const { call, people, sim } = setup({ longPoll: { maxRealWaitMs: 10_000 } });
    const drained = body(await call('GET', '/updates', { query: { timeout: '0' } }));
    const marker = String(drained.marker);
    const chatId = drained.updates[0]!.chat_id;
    let settled = false;
    const waiting = call('GET', '/updates', { query: { marker } }).then((answer) => {
      settled = true;
      return answer;
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(settled).toBe(false);
    people.post(chatId, people.userId('teacher-demo'), 'Доброе утро');
    const woken = body(await waiting);
    expect(woken.updates[0]).toMatchObject({
      update_type: 'message_created',
      message: { body: { text: 'Доброе утро' } },
    });

    const started = Date.now();
    const quiet = call('GET', '/updates', { query: { marker: String(woken.marker), timeout: '30' } });
    await new Promise((resolve) => setTimeout(resolve, 60));
    sim.clock.advance('PT29S');
    await new Promise((resolve) => setTimeout(resolve, 60));
    sim.clock.advance('PT1S');
    const empty = body(await quiet);
    expect(empty).toEqual({ updates: [], marker: woken.marker });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('a frozen clock ends a poll after the real-time cap', async () => {
    const { call } = setup({ longPoll: { maxRealWaitMs: 150 } });
    const drained = body(await call('GET', '/updates', { query: { timeout: '0' } }));
    const started = Date.now();
    const empty = body(
      await call('GET', '/updates', { query: { marker: String(drained.marker), timeout: '90' } }),
    );
    expect(empty.updates).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a reset ends the polls of the old state', async () => {
    const { call, sim } = setup({ longPoll: { maxRealWaitMs: 20_000 } });
    const drained = body(await call('GET', '/updates', { query: { timeout: '0' } }));
    const waiting = call('GET', '/updates', { query: { marker: String(drained.marker) } });
    await new Promise((resolve) => setTimeout(resolve, 40));
    sim.reset();
    const answer = await waiting;
    expect(answer.status).toBe(200);
  });

  it('filters by types and refuses polling while a webhook is set (405)', async () => {
    const { call } = setup();
    const typed = body(await call('GET', '/updates', { query: { timeout: '0', types: 'message_created' } }));
    expect(typed.updates).toEqual([]);
    const hooked = await call('POST', '/subscriptions', { body: { url: 'https://bot.example.test/hook' } });
    expect(body(hooked)).toEqual({ success: true });
    const refused = await call('GET', '/updates');
    expect(refused.status).toBe(405);
    expect(body(refused).code).toBe('method.not.allowed');
  });
});

describe('limits', () => {
  it('30 requests a second per token, then 429 too.many.requests without Retry-After', async () => {
    const { call, sim } = setup({}, false);
    for (let i = 0; i < 30; i += 1) {
      expect((await call('GET', '/me')).status).toBe(200);
    }
    const refused = await call('GET', '/me');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeUndefined();
    expect(body(refused)).toEqual({
      code: 'too.many.requests',
      message: 'Too many requests. Limit is: 30 calls per second.',
    });
    sim.clock.advance(1_000);
    expect((await call('GET', '/me')).status).toBe(200);
  });

  it('2 messages a second per chat', async () => {
    const { call, sim } = setup();
    const send = () =>
      call('POST', '/messages', { query: { chat_id: '-70000000000001' }, body: { text: 'x' } });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(body(refused).code).toBe('too.many.requests');
    sim.clock.advance(500);
    expect((await send()).status).toBe(200);
  });
});

describe('switches and uploads', () => {
  it('GET /chats is 404 since June 2026; the legacy switch brings the list back', async () => {
    const { call, people } = setup();
    expect(body(await call('GET', '/chats'))).toMatchObject({ code: 'not.found' });
    people.settings({ chatList: 'legacy' });
    const listed = body(await call('GET', '/chats', { query: { count: '2' } }));
    expect(listed.chats).toHaveLength(2);
    expect(listed.marker).toBe(2);
    expect(body(await call('GET', '/chats', { query: { marker: '2' } })).chats).toHaveLength(1);
  });

  it('uploads: photo refused, video token at step 1 not ready until uploaded, then once more', async () => {
    const { call, sim } = setup();
    expect(body(await call('POST', '/uploads', { query: { type: 'photo' } }))).toMatchObject({
      code: 'proto.payload',
    });
    const step1 = body(await call('POST', '/uploads', { query: { type: 'video' } }));
    expect(step1.url).toMatch(/\/fileupload\/[0-9a-z]+$/);
    const attach = { text: 'Видео', attachments: [{ type: 'video', payload: { token: step1.token } }] };
    const send = () => call('POST', '/messages', { query: { chat_id: '-70000000000001' }, body: attach });
    expect(body(await send()).code).toBe('attachment.not.ready');
    const form = new FormData();
    form.append('data', new Blob([new Uint8Array([1, 2, 3])]), 'lesson.mp4');
    const request = new Request('https://x.test', { method: 'POST', body: form });
    const upload = await sim.handle(
      simRequest(new URL(step1.url).pathname, {
        portal: 'max',
        method: 'POST',
        headers: { 'content-type': request.headers.get('content-type') ?? '' },
        body: await request.text(),
      }),
    );
    expect(body(upload)).toEqual({ token: step1.token });
    sim.clock.advance(1_000);
    expect(body(await send()).code).toBe('attachment.not.ready');
    sim.clock.advance(1_000);
    expect((await send()).status).toBe(200);
    expect(sim.contractViolations()).toEqual([]);
  });

  it('webhook URLs: https on 443 only; http to loopback only when allowed', async () => {
    const { call, people } = setup();
    const subscribe = (url: string) => call('POST', '/subscriptions', { body: { url, secret: 'abcde' } });
    expect(body(await subscribe('http://127.0.0.1:8080/hook')).message).toContain('https');
    expect(body(await subscribe('https://bot.example.test:8443/hook')).message).toContain('443');
    expect(body(await subscribe('https://user:pw@bot.example.test/hook')).code).toBe('proto.payload');
    people.settings({ allowHttpLoopbackWebhooks: true });
    expect(body(await subscribe('http://127.0.0.1:8080/hook'))).toEqual({ success: true });
    expect(body(await subscribe('http://10.0.0.1:8080/hook')).code).toBe('proto.payload');
    expect(body(await call('GET', '/subscriptions')).subscriptions).toEqual([
      expect.objectContaining({ url: 'http://127.0.0.1:8080/hook' }),
    ]);
  });
});
