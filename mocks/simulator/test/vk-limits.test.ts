import { describe, expect, it } from 'vitest';
import {
  requireVkCaptcha,
  vkCaptchaSolution,
  vkChatMessages,
  vkDemo,
  vkErrorRule,
} from '../src/portals/vk/index.js';
import { bodyOf, simRequest } from './fixtures/requests.js';
import { vkCall, vkSim } from './vk-support.js';

const TOO_MANY = { error_code: 6, error_msg: 'Too many requests per second' };

describe('per-token limits: error 6 in a 200 body, on the virtual clock', () => {
  it('user tokens get 3 requests per second, community tokens 20, each token its own bucket', async () => {
    const sim = vkSim();
    const demo = vkDemo(sim);
    const teacher = { token: demo.userTokens['teacher-demo'] as string };
    const parent = { token: demo.userTokens['parent-ivanov'] as string };
    for (let i = 0; i < 3; i += 1) {
      expect((await vkCall(sim, 'users.get', {}, teacher)).body.response).toBeDefined();
    }
    const refused = await vkCall(sim, 'users.get', { fields: 'sex' }, teacher);
    expect(refused.status).toBe(200);
    expect(refused.body.error).toMatchObject(TOO_MANY);
    expect(refused.body.error.request_params).toContainEqual({ key: 'fields', value: 'sex' });
    expect((await vkCall(sim, 'users.get', {}, parent)).body.response).toBeDefined();
    sim.clock.advance(1000);
    expect((await vkCall(sim, 'users.get', {}, teacher)).body.response).toBeDefined();

    const community = { token: demo.communityToken };
    for (let i = 0; i < 20; i += 1) {
      expect((await vkCall(sim, 'groups.getById', {}, community)).body.response).toBeDefined();
    }
    const twentyFirst = await vkCall(sim, 'groups.getById', {}, community);
    expect(twentyFirst.body.error).toMatchObject(TOO_MANY);
    expect(
      sim.journal.find({ portal: 'vk' }).filter((entry) => entry.effects.includes('rate-limit')),
    ).toHaveLength(1);
  });

  it('an execute of 25 calls costs one request of the token’s budget', async () => {
    const sim = vkSim();
    const teacher = { token: vkDemo(sim).userTokens['teacher-demo'] as string };
    const code = `return [${Array.from({ length: 25 }, () => 'API.users.get({})').join(',')}];`;
    for (let i = 0; i < 3; i += 1) {
      expect((await vkCall(sim, 'execute', { code }, teacher)).body.response).toHaveLength(25);
    }
    expect((await vkCall(sim, 'execute', { code }, teacher)).body.error).toMatchObject(TOO_MANY);
  });

  it('the limits are options: vkPortal({ limits }) and rateLimits.vk', async () => {
    const sim = vkSim({ vk: { limits: { user: 5 } }, rateLimits: { vk: { ratePerSecond: 2, burst: 2 } } });
    const demo = vkDemo(sim);
    const community = { token: demo.communityToken };
    expect(sim.rateLimit('vk')).toEqual({ ratePerSecond: 2, burst: 2 });
    await vkCall(sim, 'groups.getById', {}, community);
    await vkCall(sim, 'groups.getById', {}, community);
    expect((await vkCall(sim, 'groups.getById', {}, community)).body.error).toMatchObject(TOO_MANY);
  });

  it('the flaky scenario’s throttling bursts answer VK’s way too', async () => {
    const sim = vkSim({ seed: 'flaky-vk', scenarios: ['flaky'] });
    const community = { token: vkDemo(sim).communityToken };
    const seen = new Set<string>();
    for (let i = 0; i < 3000 && !seen.has('flaky:429-burst'); i += 1) {
      sim.clock.advance(1000);
      const answer = await vkCall(sim, 'groups.getById', {}, community);
      const entry = sim.journal.find({ portal: 'vk' }).at(-1);
      for (const effect of entry?.effects ?? []) {
        seen.add(effect);
      }
      if (entry?.effects.includes('flaky:429-burst')) {
        expect(answer.status).toBe(200);
        expect(answer.body.error).toMatchObject(TOO_MANY);
      }
    }
    expect([...seen]).toContain('flaky:429-burst');
  });
});

describe('errors 9 and 10 through fault rules', () => {
  it('vkErrorRule answers VK’s envelope with HTTP 200 for the chosen method and count', async () => {
    const sim = vkSim({ rateLimits: { vk: { ratePerSecond: 1e9, burst: 1e9 } } });
    const community = { token: vkDemo(sim).communityToken };
    sim.faults.addRule(
      vkErrorRule({ code: 9, method: 'messages.send', firstN: 1, detail: 'too much messages sent to user' }),
    );
    sim.faults.addRule(vkErrorRule({ code: 10, method: 'groups.getById', firstN: 2 }));
    const before = vkChatMessages(sim, 1)?.count;
    const flood = await vkCall(
      sim,
      'messages.send',
      { peer_id: 2000000001, random_id: 5, message: 'x' },
      community,
    );
    expect(flood.status).toBe(200);
    expect(flood.body.error).toMatchObject({
      error_code: 9,
      error_msg: 'Flood control: too much messages sent to user',
    });
    expect(vkChatMessages(sim, 1)?.count).toBe(before);
    const retried = await vkCall(
      sim,
      'messages.send',
      { peer_id: 2000000001, random_id: 5, message: 'x' },
      community,
    );
    expect(typeof retried.body.response).toBe('number');
    expect((await vkCall(sim, 'groups.getById', {}, community)).body.error).toMatchObject({
      error_code: 10,
      error_msg: 'Internal server error',
    });
    expect((await vkCall(sim, 'groups.getById', {}, community)).body.error.error_code).toBe(10);
    expect((await vkCall(sim, 'groups.getById', {}, community)).body.response).toBeDefined();
  });
});

describe('captcha 14, solvable by retrying with the answer', () => {
  const sim = vkSim({ rateLimits: { vk: { ratePerSecond: 1e9, burst: 1e9 } } });
  const community = { token: vkDemo(sim).communityToken };
  const send = (extra: Record<string, string | number> = {}) =>
    vkCall(
      sim,
      'messages.send',
      { peer_id: 2000000001, random_id: 31337, message: 'Проверка', ...extra },
      community,
    );

  it('legacy form: captcha_sid + captcha_img; a wrong key gets a new captcha, the right one goes through', async () => {
    requireVkCaptcha(sim, { method: 'messages.send' });
    const first = await send();
    expect(first.body.error).toMatchObject({ error_code: 14, error_msg: 'Captcha needed' });
    const { captcha_sid: sid, captcha_img: img } = first.body.error;
    expect(img).toBe(`https://vk.goskit.test/captcha.php?sid=${sid}&s=1`);
    const answer = vkCaptchaSolution(sim, sid)?.answer as string;
    const picture = await sim.handle(simRequest('/captcha.php', { portal: 'vk', query: { sid, s: '1' } }));
    expect(picture.headers['content-type']).toBe('image/svg+xml');
    for (const letter of answer) {
      expect(bodyOf(picture)).toContain(`>${letter}</text>`);
    }
    const wrong = await send({ captcha_sid: sid, captcha_key: 'zzzzz' });
    expect(wrong.body.error.error_code).toBe(14);
    expect(wrong.body.error.captcha_sid).not.toBe(sid);
    expect(JSON.stringify(wrong.body)).not.toContain('zzzzz');
    const next = wrong.body.error.captcha_sid;
    const solved = await send({
      captcha_sid: next,
      captcha_key: vkCaptchaSolution(sim, next)?.answer as string,
    });
    expect(typeof solved.body.response).toBe('number');
    expect(typeof (await send({ random_id: 31338 })).body.response).toBe('number');
  });

  it('new form: redirect_uri + remixstlid; the page hands out the success_token to retry with', async () => {
    requireVkCaptcha(sim, { form: 'redirect' });
    const first = await send({ random_id: 1 });
    const { redirect_uri: redirectUri, remixstlid } = first.body.error;
    expect(first.body.error).not.toHaveProperty('captcha_sid');
    expect(remixstlid).toMatch(/^\d+$/);
    const url = new URL(redirectUri);
    expect(url.pathname).toBe('/not_robot_captcha');
    const session = url.searchParams.get('session_token') as string;
    const page = await sim.handle(
      simRequest('/not_robot_captcha', { portal: 'vk', query: Object.fromEntries(url.searchParams) }),
    );
    expect(bodyOf(page)).toContain('Я не робот');
    const passed = await sim.handle(
      simRequest('/not_robot_captcha', {
        portal: 'vk',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ session_token: session }).toString(),
      }),
    );
    const { success_token: successToken } = JSON.parse(bodyOf(passed));
    expect(successToken).toBe(vkCaptchaSolution(sim, session)?.successToken);
    const solved = await send({ random_id: 1, success_token: successToken });
    expect(typeof solved.body.response).toBe('number');
    const reused = await send({ random_id: 2, success_token: successToken });
    expect(typeof reused.body.response).toBe('number');
  });

  it('a captcha armed for a method inside execute stops the whole execute; the retried execute runs', async () => {
    requireVkCaptcha(sim, { method: 'messages.send' });
    const code =
      'return [API.groups.getById({}), API.messages.send({"peer_id":2000000001,"random_id":777000,"message":"из execute"})];';
    const before = vkChatMessages(sim, 1)?.count as number;
    const stopped = await vkCall(sim, 'execute', { code }, community);
    expect(stopped.body.error.error_code).toBe(14);
    expect(stopped.body.error.request_params).toContainEqual({ key: 'method', value: 'execute' });
    expect(vkChatMessages(sim, 1)?.count).toBe(before);
    const sid = stopped.body.error.captcha_sid;
    const retried = await vkCall(
      sim,
      'execute',
      { code, captcha_sid: sid, captcha_key: vkCaptchaSolution(sim, sid)?.answer as string },
      community,
    );
    expect(retried.body.response[1]).toEqual(expect.any(Number));
    expect(vkChatMessages(sim, 1)?.count).toBe(before + 1);
    expect(sim.contractViolations()).toEqual([]);
  });
});
