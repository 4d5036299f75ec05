/**
 * The unmodified vk-io SDK (4.x) against the vk portal in process: MSW answers its default
 * https://api.vk.ru/method (and api.vk.com), in the sequential and the parallel (`execute`) modes,
 * with its collect iterator, its captcha handler (both captcha forms) and its error-6 back-off.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, APIError, CallbackService, createCollectIterator, getRandomId } from 'vk-io';
import {
  requireVkCaptcha,
  vkCaptchaSolution,
  vkChatMessages,
  vkDemo,
  vkUsers,
} from '../src/portals/vk/index.js';
import { vkSim } from './vk-support.js';

const sim = vkSim({ seed: 'vk-io' });
const demo = vkDemo(sim);
const server = setupServer(...sim.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const linkedPupils = () =>
  vkUsers(sim)
    .filter((user) => user.role === 'student' && user.educationProfile)
    .map((user) => user.id);

describe('vk-io against the vk portal in process (MSW)', () => {
  it('sequential mode: community token on the default api.vk.ru, and api.vk.com by apiBaseUrl', async () => {
    const api = new API({ token: demo.communityToken, apiLimit: 20 });
    const groups = (await api.groups.getById({})) as unknown as { groups: { id: number }[] };
    expect(groups.groups[0]?.id).toBe(demo.groupId);
    const created = (await api.messages.createChat({
      title: 'Демо школа - 7Б - История',
      user_ids: linkedPupils().slice(0, 3),
    })) as unknown as { chat_id: number; peer_ids: number[] };
    expect(created.peer_ids).toHaveLength(3);
    const peerId = 2_000_000_000 + created.chat_id;
    const randomId = getRandomId();
    const messageId = await api.messages.send({
      peer_id: peerId,
      random_id: randomId,
      message: 'Добро пожаловать',
    });
    expect(
      await api.messages.send({ peer_id: peerId, random_id: randomId, message: 'Добро пожаловать' }),
    ).toBe(messageId);
    expect(vkChatMessages(sim, created.chat_id)?.count).toBe(1);
    const { link } = await api.messages.getInviteLink({ peer_id: peerId, reset: 1 });
    expect(link).toMatch(/^https:\/\/vk\.me\/join\//);
    const refused = api.messages.getChat({ chat_id: created.chat_id });
    await expect(refused).rejects.toBeInstanceOf(APIError);
    await expect(refused).rejects.toMatchObject({
      code: 27,
      message: 'Code №27 - Group authorization failed: method is unavailable with group auth.',
    });
    const viaCom = new API({ token: demo.communityToken, apiBaseUrl: 'https://api.vk.com/method' });
    const members = await viaCom.messages.getConversationMembers({ peer_id: peerId });
    expect(members.count).toBe(4);
    expect(sim.journal.find({ portal: 'vk', operation: 'messages.send' })).toHaveLength(2);
  });

  it('parallel mode: calls made together go in one execute; each resolves or rejects on its own', async () => {
    const api = new API({ token: demo.communityToken, apiMode: 'parallel', apiLimit: 20 });
    const executesBefore = sim.journal.count({ portal: 'vk', operation: 'execute' });
    const directBefore = sim.journal.count({ portal: 'vk', operation: 'messages.getConversationMembers' });
    const results = await Promise.allSettled([
      api.groups.getById({}),
      api.messages.getConversationMembers({ peer_id: 2_000_000_001, count: 3 }),
      api.messages.getChat({ chat_id: 1 }),
      api.messages.send({
        peer_id: 2_000_000_001,
        random_id: getRandomId(),
        message: 'Родительское собрание',
      }),
      api.messages.getConversationsById({ peer_ids: [2_000_000_001, 2_000_000_004] }),
    ]);
    expect(sim.journal.count({ portal: 'vk', operation: 'execute' })).toBe(executesBefore + 1);
    expect(sim.journal.count({ portal: 'vk', operation: 'messages.getConversationMembers' })).toBe(
      directBefore,
    );
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const rejected = results[2] as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ name: 'ExecuteError', code: 27, method: 'messages.getChat' });
    expect((results[1] as PromiseFulfilledResult<{ items: unknown[] }>).value.items).toHaveLength(3);
    expect((results[4] as PromiseFulfilledResult<{ count: number }>).value.count).toBe(2);
    expect(vkChatMessages(sim, 1)?.items.at(-1)?.text).toBe('Родительское собрание');
  });

  it('the collect iterator pages getConversationMembers through its own VKScript', async () => {
    const api = new API({ token: demo.communityToken, apiLimit: 20 });
    const all = await api.messages.getConversationMembers({ peer_id: 2_000_000_004, count: 1000 });
    const collected: unknown[] = [];
    for await (const chunk of createCollectIterator<unknown>({
      api,
      method: 'messages.getConversationMembers',
      params: { peer_id: 2_000_000_004 },
      countPerRequest: 4,
      parallelRequests: 3,
    })) {
      collected.push(...chunk.items);
    }
    expect(collected).toEqual(all.items);
    expect(sim.journal.count({ portal: 'vk', operation: 'execute' })).toBeGreaterThan(1);
  });

  it('captcha: vk-io’s handler answers both forms and the retried call goes through', async () => {
    const seen: string[] = [];
    const callbackService = new CallbackService();
    callbackService.onCaptcha(async (payload, retry) => {
      if (payload.redirectUri !== undefined) {
        seen.push('redirect');
        const page = new URL(payload.redirectUri);
        const answer = await fetch(page, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({ session_token: page.searchParams.get('session_token') ?? '' }),
        }).then((response) => response.json() as Promise<{ success_token: string }>);
        await retry(answer.success_token);
      } else {
        seen.push('legacy');
        await retry(vkCaptchaSolution(sim, payload.sid)?.answer ?? '');
      }
    });
    const api = new API({ token: demo.communityToken, callbackService, apiLimit: 20 });
    requireVkCaptcha(sim, { method: 'messages.send' });
    requireVkCaptcha(sim, { method: 'messages.send', form: 'redirect' });
    const first = await api.messages.send({
      peer_id: 2_000_000_004,
      random_id: getRandomId(),
      message: 'раз',
    });
    const second = await api.messages.send({
      peer_id: 2_000_000_004,
      random_id: getRandomId(),
      message: 'два',
    });
    expect(second as unknown as number).toBeGreaterThan(first as unknown as number);
    expect(seen).toEqual(['legacy', 'redirect']);
    expect(
      vkChatMessages(sim, 4)
        ?.items.slice(-2)
        .map((message) => message.text),
    ).toEqual(['раз', 'два']);
  });

  it('error 6: vk-io pauses and retries until the token’s bucket refills on the virtual clock', async () => {
    const teacher = demo.userTokens['teacher-demo'] as string;
    const api = new API({ token: teacher, apiLimit: 20, apiRequestMode: 'burst' });
    const ticking = setInterval(() => sim.clock.advance(400), 200);
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, () => api.users.get({})));
      expect(answers.every((answer) => answer[0]?.first_name === 'Мария')).toBe(true);
    } finally {
      clearInterval(ticking);
    }
    const refused = sim.journal
      .find({ portal: 'vk', operation: 'users.get' })
      .filter((entry) => entry.status === 200);
    expect(refused.length).toBeGreaterThan(8);
    expect(sim.contractViolations()).toEqual([]);
  });
});
