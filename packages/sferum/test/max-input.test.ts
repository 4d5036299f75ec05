/**
 * What the client refuses before sending (hostile ids, bad sizes, bad options — a typed
 * `MaxInputError` naming the field, in Russian and English) and how its limiter is keyed: one budget
 * per token, shared by every client of that token, per-chat lanes for sends.
 */
import { createSimulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxControl, maxPortal } from '../../../mocks/simulator/src/portals/max/index.js';
import { createMaxClient, createMaxRateLimiter, MaxInputError } from '../src/max.js';

const sim = createSimulator({
  seed: 'max-input',
  portals: [maxPortal({ messagesPerChatPerSecond: 0 })],
  rateLimits: { max: { ratePerSecond: 1e6, burst: 1e6 } },
});
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
const token = maxControl(sim).bots()[0]!.token;
const max = createMaxClient({ token });

const HOSTILE = [
  '__proto__',
  'constructor',
  'toString',
  '',
  ' 1',
  '1e3',
  '0x10',
  '-',
  '99999999999999999999',
];

async function refused(run: () => Promise<unknown>, field: string): Promise<MaxInputError> {
  const before = sim.journal.size;
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MaxInputError);
  expect(error).toMatchObject({ field, code: 'INVALID_INPUT' });
  expect((error as MaxInputError).text.ru.length).toBeGreaterThan(0);
  expect(sim.journal.size).toBe(before);
  return error as MaxInputError;
}

describe('hostile and malformed input never reaches MAX', () => {
  it.each(HOSTILE)('chat id %j', async (id) => {
    await refused(() => max.getChat(id), 'chatId');
    await refused(() => max.sendMessage({ chatId: id }, { text: 'x' }), 'chatId');
    await refused(() => max.addMembers(-70000000000001, [id]), 'userIds[0]');
  });

  it('numbers that are not ids: 0, fractions, beyond 2^53, negative users', async () => {
    await refused(() => max.getChat(0), 'chatId');
    await refused(() => max.getChat(1.5), 'chatId');
    await refused(() => max.getChat(2 ** 60), 'chatId');
    await refused(() => max.removeMember(-70000000000001, -5), 'userId');
    await refused(() => max.addMembers(-70000000000001, []), 'userIds');
    await refused(
      () =>
        max.addMembers(
          -70000000000001,
          Array.from({ length: 101 }, (_, i) => i + 1),
        ),
      'userIds',
    );
  });

  it('message ids, texts, formats, counts and markers', async () => {
    await refused(() => max.getMessage('mid with space'), 'messageId');
    await refused(() => max.deleteMessage('я'), 'messageId');
    await refused(() => max.sendMessage({ chatId: -1 }, {}), 'text');
    await refused(() => max.sendMessage({ chatId: -1 }, { text: 'x', format: 'bbcode' as 'html' }), 'format');
    await refused(() => max.listMembers(-1, { count: 101 }), 'count');
    await refused(() => max.listMembers(-1, { marker: 1.5 }), 'marker');
    await refused(() => max.getUpdates({ limit: 1001 }), 'limit');
    await refused(() => max.getUpdates({ timeout: 91 }), 'timeout');
    await refused(() => max.getUpdates({ types: ['__proto__' as 'bot_added'] }), 'types[0]');
    await refused(() => max.editChat(-1, { title: '' }), 'title');
    await refused(() => max.editChat(-1, {}), 'input');
    await refused(() => max.subscribe({ url: 'https://x.test/hook', secret: '../../etc' }), 'secret');
    await refused(() => max.subscribe({ url: 'javascript:alert(1)' }), 'url');
    await refused(() => max.upload({ type: 'file', data: new Uint8Array(0) }), 'data');
    await refused(
      () => max.upload({ type: 'file', data: new Uint8Array([1]), filename: '../passwd' }),
      'filename',
    );
    await refused(() => max.answerCallback('cb.1', {}), 'answer');
  });

  it('options are checked at creation', () => {
    expect(() => createMaxClient({ token: '' })).toThrowError(MaxInputError);
    expect(() => createMaxClient({ token: 'tok\nen' })).toThrowError(/token/);
    expect(() => createMaxClient({ token, baseUrl: 'ftp://x' })).toThrowError(/baseUrl/);
    expect(() => createMaxClient({ token, baseUrl: 'https://user:pw@x.test' })).toThrowError(/baseUrl/);
    expect(() => createMaxClient({ token, attachmentRetry: { attempts: 0 } })).toThrowError(
      /attachmentRetry/,
    );
    expect(() => max.startPolling({ onUpdate: () => undefined, minIntervalMs: -1 })).toThrowError(
      /minIntervalMs/,
    );
  });

  it('server-side refusals for what only MAX knows keep MAX’s code', async () => {
    await expect(max.getChat(-70000000000999)).rejects.toMatchObject({ status: 404, maxCode: 'not.found' });
    await expect(max.sendMessage({ chatId: -70000000000003 }, { text: 'x' })).rejects.toMatchObject({
      status: 403,
      maxCode: 'chat.denied',
    });
  });
});

describe('one limiter per token', () => {
  it('clients without a limiter share the process-wide one; a client on its own clock gets its own', () => {
    const a = createMaxClient({ token });
    const b = createMaxClient({ token: 'another-token-0123456789' });
    expect(a.rateLimiter).toBe(b.rateLimiter);
    const virtual = createMaxClient({ token, clock: { now: () => sim.clock.nowMs() } });
    expect(virtual.rateLimiter).not.toBe(a.rateLimiter);
  });

  it('two clients of one token wait in one bucket; another token does not', async () => {
    const limiter = createMaxRateLimiter({ perToken: { ratePerSecond: 0.001, burst: 1 } });
    const first = createMaxClient({ token, rateLimit: limiter });
    const second = createMaxClient({ token, rateLimit: limiter });
    const other = createMaxClient({
      token: maxControl(sim).bots()[0]!.token.replace(/^./, 'Z'),
      rateLimit: limiter,
    });
    await first.getMe();
    const controller = new AbortController();
    const waiting = second.getMe({ signal: controller.signal });
    // The token's digest is computed asynchronously: wait (bounded) until the call is in the queue.
    for (let waited = 0; limiter.queued === 0 && waited < 5_000; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(limiter.queued).toBe(1);
    await expect(other.getMe()).rejects.toMatchObject({ status: 401 }); // its own bucket: sent at once
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('sends wait for their chat’s slot (2 a second by default) on the client’s clock', async () => {
    let now = 0;
    const timers: { at: number; run: () => void }[] = [];
    const clock = {
      now: () => now,
      setTimeout: (run: () => void, ms: number) => {
        timers.push({ at: now + ms, run });
        return timers.length;
      },
      clearTimeout: () => undefined,
    };
    const limiter = createMaxRateLimiter({ clock });
    const people = maxControl(sim);
    const chat = people.createChat({ title: 'Лимит', owner: people.userId('teacher-demo') }) as {
      chat_id: number;
    };
    const client = createMaxClient({ token, rateLimit: limiter, clock });
    const sends = [1, 2, 3].map((n) => client.sendMessage({ chatId: chat.chat_id }, { text: `№${n}` }));
    await Promise.all(sends.slice(0, 2));
    // The token's digest is computed asynchronously: wait (bounded) until the call is in the queue.
    for (let waited = 0; limiter.queued === 0 && waited < 5_000; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(limiter.queued).toBe(1);
    expect(timers.at(-1)?.at).toBe(500);
    now = 500;
    timers.at(-1)?.run();
    expect((await sends[2])?.body.text).toBe('№3');
  });
});
