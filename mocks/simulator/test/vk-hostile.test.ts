/**
 * Hostile input on every vk and vkid route: `__proto__`, `constructor`, `toString`, `hasOwnProperty`
 * in every id-like parameter answer with VK's own errors (vk) or OAuth / 4xx answers (vkid) — never
 * a 500, never a changed Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import { vkDemo } from '../src/portals/vk/index.js';
import { VK_METHOD_NAMES } from '../src/portals/vk/methods/index.js';
import { VKID_DEMO_CLIENT_ID } from '../src/portals/vkid/index.js';
import { bodyOf, simRequest } from './fixtures/requests.js';
import { vkCall, vkSim } from './vk-support.js';

const HOSTILE = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '__proto__,constructor',
  '-0',
  '1e3',
  '99999999999999999999',
];
const ID_PARAMS = [
  'chat_id',
  'chat_ids',
  'peer_id',
  'peer_ids',
  'user_id',
  'user_ids',
  'member_id',
  'group_id',
  'group_ids',
  'random_id',
  'call_id',
  'domain',
  'offset',
  'count',
  'captcha_sid',
  'success_token',
];
const VK_CODES = new Set([
  3, 5, 6, 8, 12, 13, 14, 15, 27, 28, 100, 104, 113, 125, 203, 901, 917, 919, 922, 925, 927, 931, 932, 935,
  936, 947,
]);

describe('hostile ids on the vk portal', () => {
  const sim = vkSim({
    rateLimits: { vk: { ratePerSecond: 1e9, burst: 1e9 } },
    vk: { limits: { user: 1e9 } },
  });
  const demo = vkDemo(sim);
  const tokens = [demo.communityToken, demo.userTokens['teacher-demo'] as string, demo.serviceToken];

  it('every method × id parameter × hostile value answers 200 with a VK error or a VK answer', async () => {
    let calls = 0;
    for (const method of VK_METHOD_NAMES) {
      for (const param of ID_PARAMS) {
        for (const value of HOSTILE) {
          for (const token of tokens) {
            const answer = await vkCall(
              sim,
              method,
              { [param]: value, message: 'x', title: 'x', code: 'return 1;' },
              { token },
            );
            calls += 1;
            expect(answer.status, `${method} ${param}=${value}`).toBe(200);
            if (answer.body.error !== undefined) {
              expect(
                VK_CODES.has(answer.body.error.error_code),
                `${method} ${param}=${value}: ${answer.body.error.error_msg}`,
              ).toBe(true);
            }
          }
        }
      }
    }
    expect(calls).toBe(VK_METHOD_NAMES.length * ID_PARAMS.length * HOSTILE.length * tokens.length);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(sim.journal.count({ status: 500 })).toBe(0);
    expect(sim.contractViolations()).toEqual([]);
  }, 120_000);

  it('hostile method names, tokens and parameter names', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'messages.__proto__', 'hasOwnProperty']) {
      const answer = await vkCall(sim, name, {}, { token: demo.communityToken });
      expect(answer.body.error).toMatchObject({ error_code: 3 });
    }
    for (const token of ['__proto__', 'constructor', 'toString']) {
      const answer = await vkCall(sim, 'users.get', {}, { token });
      expect(answer.body.error.error_msg).toBe('User authorization failed: invalid access_token (4).');
    }
    const hostileNames = Object.fromEntries([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['__proto__[]', 'z'],
      ['a[]', '1'],
    ]) as Record<string, string>;
    const params = await vkCall(sim, 'groups.getById', hostileNames, { token: demo.communityToken });
    expect(params.body.response.groups).toHaveLength(1);
    const echoed = await vkCall(
      sim,
      'users.get',
      { ...hostileNames, user_ids: 'a b' },
      { token: demo.communityToken },
    );
    expect(echoed.body.error.request_params).toContainEqual({ key: '__proto__', value: 'x,z' });
    expect(params.body.response.groups).toHaveLength(1);
    const page = await sim.handle(simRequest('/captcha.php', { portal: 'vk', query: { sid: '__proto__' } }));
    expect(page.status).toBe(404);
    const robot = await sim.handle(
      simRequest('/not_robot_captcha', { portal: 'vk', query: { session_token: 'constructor' } }),
    );
    expect(robot.status).toBe(404);
  });
});

describe('hostile ids on the vkid portal', () => {
  const sim = vkSim();

  it('rid, client_id, code, tokens named like Object.prototype members answer 4xx', async () => {
    for (const value of HOSTILE) {
      const pages = await Promise.all(
        ['/auth', '/auth/profile', '/auth/consent'].map((path) =>
          sim.handle(simRequest(path, { portal: 'vkid', query: { rid: value } })),
        ),
      );
      for (const page of pages) {
        expect(page.status).toBe(404);
      }
      for (const path of ['/auth', '/auth/profile', '/auth/consent']) {
        const posted = await sim.handle(
          simRequest(path, {
            portal: 'vkid',
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              rid: value,
              login: value,
              profile: value,
              decision: value,
            }).toString(),
          }),
        );
        expect(posted.status).toBe(404);
      }
      const authorize = await sim.handle(
        simRequest('/authorize', {
          portal: 'vkid',
          query: { client_id: value, redirect_uri: 'http://localhost/callback' },
        }),
      );
      expect(authorize.status).toBe(400);
      expect(authorize.headers.location).toBeUndefined();
      for (const [path, params] of [
        ['/oauth2/auth', { client_id: value, grant_type: 'authorization_code' }],
        ['/oauth2/auth', { client_id: VKID_DEMO_CLIENT_ID, grant_type: value }],
        [
          '/oauth2/auth',
          {
            client_id: VKID_DEMO_CLIENT_ID,
            grant_type: 'refresh_token',
            refresh_token: value,
            device_id: value,
          },
        ],
        ['/oauth2/user_info', { client_id: VKID_DEMO_CLIENT_ID, access_token: value }],
        ['/oauth2/public_info', { client_id: VKID_DEMO_CLIENT_ID, id_token: value }],
        ['/oauth2/logout', { client_id: value, access_token: value }],
      ] as const) {
        const answer = await sim.handle(
          simRequest(path, {
            portal: 'vkid',
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(params).toString(),
          }),
        );
        expect([400, 401], `${path} ${JSON.stringify(params)}`).toContain(answer.status);
        expect(JSON.parse(bodyOf(answer)).error).toMatch(/^invalid_|^unsupported_/);
      }
    }
    expect(sim.journal.count({ status: 500 })).toBe(0);
    expect(sim.contractViolations()).toEqual([]);
  });
});
