import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createVkClient,
  VK_API_RU,
  type VkCaptchaChallenge,
  VkCaptchaError,
  type VkCaptchaSolver,
  type VkClientOptions,
} from '../src/index.js';
import { type Responder, vkError, vkRoute } from './helpers/vk-handlers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TOKEN = 'vk1.a.captcha-token';

function client(extra: Partial<VkClientOptions> = {}) {
  return createVkClient({ token: TOKEN, tokenKind: 'community', retry: false, ...extra });
}

function answer(respond: Responder) {
  const route = vkRoute(VK_API_RU, respond);
  server.use(route.handler);
  return route.calls;
}

const legacy = vkError(14, 'Captcha needed', {
  captcha_sid: '548762345',
  captcha_img: 'https://api.vk.ru/captcha.php?sid=548762345',
});
const current = vkError(14, 'Captcha needed', {
  redirect_uri: 'https://id.vk.ru/not_robot_captcha?domain=vk.com&session_token=SESSION',
  captcha_sid: '000000000000',
  captcha_img: 'https://vk.com/captcha.php?sid=000000000000',
  captcha_ts: 1_767_000_000.123,
  captcha_attempt: 1,
});

describe('captcha 14', () => {
  it('legacy form: the solver reads the picture, the call is sent again with captcha_sid + captcha_key', async () => {
    const calls = answer((call) => (call.form.get('captcha_key') === 'x7kd' ? { response: 555 } : legacy));
    const seen: VkCaptchaChallenge[] = [];
    const solver: VkCaptchaSolver = async (challenge) => {
      seen.push(challenge);
      return { key: 'x7kd' };
    };
    const id = await client({ captchaSolver: solver }).messages.send({
      peer_id: 2_000_000_001,
      message: 'Урок в 9:00',
    });
    expect(id).toBe(555);
    expect(seen).toEqual([
      {
        kind: 'image',
        method: 'messages.send',
        attempt: 1,
        sid: '548762345',
        imageUrl: 'https://api.vk.ru/captcha.php?sid=548762345',
      },
    ]);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.form.get('captcha_sid')).toBe('548762345');
    // The same random_id on the retry: VK posts the message once.
    expect(calls[1]!.form.get('random_id')).toBe(calls[0]!.form.get('random_id'));
  });

  it('current form: the solver passes the check page, the call is sent again with success_token', async () => {
    const calls = answer((call) =>
      call.form.get('success_token') === 'ok-token' ? { response: 1 } : current,
    );
    const solver = vi.fn<VkCaptchaSolver>(async (challenge) =>
      challenge.kind === 'redirect' ? { successToken: 'ok-token' } : undefined,
    );
    await expect(
      client({ captchaSolver: solver }).messages.editChat({ chat_id: 4, title: 'T' }),
    ).resolves.toBe(1);
    const challenge = solver.mock.calls[0]![0];
    expect(challenge.kind).toBe('redirect');
    expect(challenge.redirectUri).toMatch(/^https:\/\/id\.vk\.ru\/not_robot_captcha\?/);
    const retry = calls[1]!.form;
    expect(retry.get('success_token')).toBe('ok-token');
    expect(retry.get('captcha_ts')).toBe('1767000000.123');
    expect(retry.get('captcha_attempt')).toBe('1');
    expect(retry.has('captcha_key')).toBe(false);
  });

  it('without a solver: VkCaptchaError carrying the challenge', async () => {
    answer(() => current);
    const error = (await client()
      .messages.editChat({ chat_id: 4, title: 'T' })
      .catch((e: unknown) => e)) as VkCaptchaError;
    expect(error).toBeInstanceOf(VkCaptchaError);
    expect(error.code).toBe('VK_CAPTCHA');
    expect(error.vkCode).toBe(14);
    expect(error.challenge?.kind).toBe('redirect');
    expect(error.solved).toBe(0);
  });

  it('a solver that gives up, or answers the wrong form, ends with VkCaptchaError', async () => {
    answer(() => current);
    await expect(client({ captchaSolver: async () => undefined }).users.get()).rejects.toBeInstanceOf(
      VkCaptchaError,
    );
    // A picture text cannot answer a check page without a sid… this one has a sid, so it is sent; the page form lacks none.
    answer(() => vkError(14, 'Captcha needed', { redirect_uri: 'https://id.vk.ru/not_robot_captcha?x=1' }));
    await expect(client({ captchaSolver: async () => ({ key: 'abc' }) }).users.get()).rejects.toBeInstanceOf(
      VkCaptchaError,
    );
  });

  it('stops after maxCaptchaAttempts wrong answers', async () => {
    const calls = answer(() => legacy);
    const error = (await client({ captchaSolver: async () => ({ key: 'wrong' }), maxCaptchaAttempts: 2 })
      .users.get()
      .catch((e: unknown) => e)) as VkCaptchaError;
    expect(error.solved).toBe(2);
    expect(calls).toHaveLength(3);
  });

  it('never shows the answer or the token in the error', async () => {
    answer((call) =>
      call.form.has('captcha_key')
        ? vkError(14, 'Captcha needed', {
            captcha_sid: '1',
            request_params: [
              { key: 'captcha_key', value: 'secret-answer' },
              { key: 'access_token', value: TOKEN },
            ],
          })
        : legacy,
    );
    const error = (await client({
      captchaSolver: async () => ({ key: 'secret-answer' }),
      maxCaptchaAttempts: 1,
    })
      .users.get()
      .catch((e: unknown) => e)) as VkCaptchaError;
    const text = JSON.stringify(error) + error.message;
    expect(text).not.toContain('secret-answer');
    expect(text).not.toContain(TOKEN);
  });
});
