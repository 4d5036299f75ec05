/**
 * The VK API's token matrix and per-token limits, rule by rule, called directly on a running
 * simulator: who a token belongs to (the portal's own tokens, VK ID's user tokens, missing, unknown,
 * expired at the millisecond → 5), which token kind may call a method (27 community, 28 service, 5
 * user, 15 a missing scope, as VK words them), the token shapes, and the 3 req/s tier of user and
 * service tokens with its bounded bucket map. Mutation testing (`pnpm mutation vk`) keeps them stated.
 */
import { createHash, randomBytes } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRuntimeOf } from '../src/engine/portal-runtime-of.js';
import { createRandom } from '../src/engine/random.js';
import { fingerprint } from '../src/engine/rate-limiter.js';
import type { RateLimitRefusal } from '../src/engine/types.js';
import { vkDemo, vkUserIdOf, vkUsers } from '../src/portals/vk/index.js';
import { methodOf, takeUserTier, vkRateLimitKey, vkTooManyRequests } from '../src/portals/vk/limits.js';
import type { VkState } from '../src/portals/vk/state.js';
import { type Caller, checkTokenKind, randomToken, resolveCaller } from '../src/portals/vk/tokens.js';
import { completeVkIdLogin, VKID_DEMO_CLIENT_ID } from '../src/portals/vkid/index.js';
import { vkIdentityService } from '../src/services/vk-identity.js';
import { simRequest } from './fixtures/requests.js';
import { vkSim } from './vk-support.js';

const sim = vkSim({ seed: 'vk-token-rules' });
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const state = () => sim.portalState<VkState>('vk');
const runtime = () => portalRuntimeOf(sim, 'vk');
const demo = vkDemo(sim);

/** What resolveCaller throws, as VK's error code and message. */
function failureOf(action: () => unknown): { errorCode: number; errorMsg: string } {
  try {
    action();
  } catch (error) {
    const { errorCode, errorMsg } = error as { errorCode: number; errorMsg: string };
    return { errorCode, errorMsg };
  }
  throw new Error('expected a VK error');
}

/** A VK ID access token for a roster person, through VK ID's pages and code exchange (PKCE). */
async function vkIdToken(personId: string, scope: string): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = 'http://localhost:8080/callback';
  const login = vkUsers(sim).find((user) => user.personId === personId)?.login as string;
  const callback = new URL(
    await completeVkIdLogin(
      `https://id.vk.ru/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: VKID_DEMO_CLIENT_ID,
        redirect_uri: redirectUri,
        state: 'st',
        code_challenge: challenge,
        code_challenge_method: 's256',
        scope,
      })}`,
      { login, profile: 'education' },
    ),
  );
  const response = await fetch('https://id.vk.ru/oauth2/auth', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: VKID_DEMO_CLIENT_ID,
      redirect_uri: redirectUri,
      code: callback.searchParams.get('code') as string,
      state: 'st',
      device_id: callback.searchParams.get('device_id') as string,
      code_verifier: verifier,
    }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

describe('resolveCaller: whose token it is', () => {
  it('the portal’s own tokens: kind, owner, scopes; in chats a community is -id, a service token 0', () => {
    const community = resolveCaller(state(), runtime(), demo.communityToken);
    expect(community).toMatchObject({ kind: 'community', ownerId: demo.groupId, memberId: -demo.groupId });
    expect(community.token).toBe(demo.communityToken);
    expect(community.scopes).toEqual(state().tokens.get(demo.communityToken)?.scopes);
    const teacherId = vkUserIdOf(sim, 'teacher-demo') as number;
    const teacher = resolveCaller(state(), runtime(), demo.userTokens['teacher-demo']);
    expect(teacher).toMatchObject({ kind: 'user', ownerId: teacherId, memberId: teacherId });
    const service = resolveCaller(state(), runtime(), demo.serviceToken);
    expect(service.kind).toBe('service');
    expect(service.memberId).toBe(0);
    expect(service.ownerId).toBe(state().tokens.get(demo.serviceToken)?.ownerId);
  });

  it('no token is 5 «no access_token passed.»; an unknown one 5 «invalid access_token (4).»', () => {
    expect(failureOf(() => resolveCaller(state(), runtime(), undefined))).toEqual({
      errorCode: 5,
      errorMsg: 'User authorization failed: no access_token passed.',
    });
    for (const token of ['', 'vk1.a.unknown', '__proto__', 'constructor']) {
      expect(
        failureOf(() => resolveCaller(state(), runtime(), token)),
        token,
      ).toEqual({
        errorCode: 5,
        errorMsg: 'User authorization failed: invalid access_token (4).',
      });
    }
  });

  it('a VK ID user token works until the millisecond it expires, then 5 «access_token has expired.»', async () => {
    const token = await vkIdToken('teacher-demo', 'vkid.personal_info messages');
    const teacherId = vkUserIdOf(sim, 'teacher-demo') as number;
    const caller = resolveCaller(state(), runtime(), token);
    expect(caller).toEqual({
      kind: 'user',
      ownerId: teacherId,
      memberId: teacherId,
      scopes: ['vkid.personal_info', 'messages'],
      token,
    });
    const grant = runtime().service(vkIdentityService).accessGrant(token);
    const started = sim.clock.now();
    sim.clock.set((grant?.expiresAtMs as number) - 1);
    expect(resolveCaller(state(), runtime(), token).ownerId).toBe(teacherId);
    sim.clock.set(grant?.expiresAtMs as number);
    expect(failureOf(() => resolveCaller(state(), runtime(), token))).toEqual({
      errorCode: 5,
      errorMsg: 'User authorization failed: access_token has expired.',
    });
    sim.clock.set(started);
    // A grant whose VK user is gone from the portal is an invalid token, not a crash.
    const user = state().users.get(teacherId);
    state().users.delete(teacherId);
    try {
      expect(failureOf(() => resolveCaller(state(), runtime(), token)).errorMsg).toBe(
        'User authorization failed: invalid access_token (4).',
      );
    } finally {
      if (user) {
        state().users.set(teacherId, user);
      }
    }
  });
});

describe('checkTokenKind: the method’s token kinds, then its scope', () => {
  const caller = (kind: Caller['kind'], scopes: string[] = []): Caller => ({
    kind,
    ownerId: 1,
    memberId: 1,
    scopes,
    token: `t-${kind}`,
  });

  it('a listed kind passes; an unlisted community is 27, service 28, user 5 — each in VK’s words', () => {
    expect(() => checkTokenKind(caller('user'), ['user'], undefined)).not.toThrow();
    expect(() => checkTokenKind(caller('community'), ['user', 'community'], undefined)).not.toThrow();
    expect(() => checkTokenKind(caller('service'), ['service'], undefined)).not.toThrow();
    expect(failureOf(() => checkTokenKind(caller('community'), ['user', 'service'], undefined))).toEqual({
      errorCode: 27,
      errorMsg: 'Group authorization failed: method is unavailable with group auth.',
    });
    expect(failureOf(() => checkTokenKind(caller('service'), ['user', 'community'], undefined))).toEqual({
      errorCode: 28,
      errorMsg: 'Application authorization failed: method is unavailable with service token.',
    });
    expect(failureOf(() => checkTokenKind(caller('user'), ['community', 'service'], undefined))).toEqual({
      errorCode: 5,
      errorMsg: 'User authorization failed: method is unavailable with user token.',
    });
    expect(failureOf(() => checkTokenKind(caller('user'), [], undefined)).errorCode).toBe(5);
  });

  it('a method with a scope needs it in user and community tokens (15); service tokens carry none', () => {
    expect(() => checkTokenKind(caller('user', ['messages']), ['user'], 'messages')).not.toThrow();
    expect(() =>
      checkTokenKind(caller('community', ['photos', 'messages']), ['community'], 'messages'),
    ).not.toThrow();
    expect(() => checkTokenKind(caller('service'), ['service'], 'messages')).not.toThrow();
    expect(() => checkTokenKind(caller('user'), ['user'], undefined)).not.toThrow();
    for (const kind of ['user', 'community'] as const) {
      expect(failureOf(() => checkTokenKind(caller(kind, ['photos']), [kind], 'messages'))).toEqual({
        errorCode: 15,
        errorMsg: 'Access denied: no access to call this method',
      });
    }
    // The kind is checked first: a service token on a user method is 28, not 15.
    expect(failureOf(() => checkTokenKind(caller('service'), ['user'], 'messages')).errorCode).toBe(28);
  });
});

describe('token shapes', () => {
  it("'vk1.a.' + 86 base64url characters, or 72 lower-case hex for a service key; the whole alphabet is used", () => {
    const random = createRandom('vk-token-shapes');
    const user = Array.from({ length: 40 }, () => randomToken(random, 'vk1.a.'));
    const service = Array.from({ length: 20 }, () => randomToken(random, ''));
    for (const token of user) {
      expect(token).toMatch(/^vk1\.a\.[A-Za-z0-9_-]{86}$/);
    }
    for (const token of service) {
      expect(token).toMatch(/^[0-9a-f]{72}$/);
    }
    const used = new Set(user.join(''));
    for (const char of 'AZaz09-_') {
      expect(used.has(char), char).toBe(true);
    }
    const hexUsed = new Set(service.join(''));
    expect(hexUsed.size).toBe(16);
    expect(randomToken(createRandom('same'), 'p.')).toBe(randomToken(createRandom('same'), 'p.'));
  });
});

describe('per-token limits', () => {
  const request = (path: string, init: { token?: string; remoteAddress?: string } = {}) =>
    simRequest(path, {
      portal: 'vk',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        v: '5.199',
        ...(init.token ? { access_token: init.token } : {}),
        user_ids: '1',
      }).toString(),
      ...(init.remoteAddress === undefined ? {} : { remoteAddress: init.remoteAddress }),
    });

  it('methodOf reads the method from /method/<name>; other paths stay as they are', () => {
    expect(methodOf(request('/method/messages.send'))).toBe('messages.send');
    expect(methodOf(request('/other/users.get'))).toBe('/other/users.get');
  });

  it('the limiter key: one bucket per token (fingerprinted), else per address', () => {
    const key = vkRateLimitKey();
    expect(key(request('/method/users.get', { token: 'tok-a' }))).toBe(`token:${fingerprint('tok-a')}`);
    expect(key(request('/method/users.get', { token: 'tok-a' }))).toBe(`token:${fingerprint('tok-a')}`);
    expect(key(request('/method/users.get', { token: 'tok-b' }))).toBe(`token:${fingerprint('tok-b')}`);
    expect(key(request('/method/users.get', { token: 'tok-a' }))).toBe(`token:${fingerprint('tok-a')}`);
    expect(key(request('/method/users.get', { remoteAddress: '10.0.0.7' }))).toBe('ip:10.0.0.7');
    expect(key(request('/method/users.get'))).toBe('ip:local');
    expect(JSON.stringify(key(request('/method/users.get', { token: 'secret-token' })))).not.toContain(
      'secret',
    );
  });

  it('error 6 echoes the method and the request’s params', () => {
    const refused = vkTooManyRequests({
      request: request('/method/users.get', { token: 'tok' }),
    } as RateLimitRefusal);
    expect(refused.status).toBe(200);
    const body = JSON.parse(refused.body as string);
    expect(body.error).toMatchObject({ error_code: 6, error_msg: 'Too many requests per second' });
    expect(body.error.request_params).toContainEqual({ key: 'method', value: 'users.get' });
    expect(body.error.request_params).toContainEqual({ key: 'user_ids', value: '1' });
  });

  it('user and service tokens get ratePerSecond calls at once, then 6 until the bucket refills; communities skip it', () => {
    const vk = { userBuckets: new Map() } as VkState;
    const user: Caller = { kind: 'user', ownerId: 1, memberId: 1, scopes: [], token: 'user-token' };
    const service: Caller = { ...user, kind: 'service', token: 'service-token' };
    const community: Caller = { ...user, kind: 'community', token: 'community-token' };
    const now = 1_000_000;
    for (const caller of [user, service]) {
      for (let call = 0; call < 3; call += 1) {
        expect(() => takeUserTier(vk, caller, 3, now), `${caller.kind} ${call}`).not.toThrow();
      }
      expect(failureOf(() => takeUserTier(vk, caller, 3, now))).toEqual({
        errorCode: 6,
        errorMsg: 'Too many requests per second',
      });
      expect(() => takeUserTier(vk, caller, 3, now + 334)).not.toThrow();
      expect(failureOf(() => takeUserTier(vk, caller, 3, now + 334)).errorCode).toBe(6);
    }
    expect([...vk.userBuckets.keys()]).toEqual([fingerprint('user-token'), fingerprint('service-token')]);
    for (let call = 0; call < 10; call += 1) {
      takeUserTier(vk, community, 3, now);
    }
    expect(vk.userBuckets.size).toBe(2);
  });

  it('at 10 000 buckets a new token pushes out the oldest; a known token pushes out nothing', () => {
    const vk = { userBuckets: new Map() } as VkState;
    const caller = (token: string): Caller => ({ kind: 'user', ownerId: 1, memberId: 1, scopes: [], token });
    takeUserTier(vk, caller('first'), 3, 0);
    const bucket = vk.userBuckets.get(fingerprint('first'));
    for (let i = 1; i < 10_000; i += 1) {
      vk.userBuckets.set(`filler-${i}`, bucket as never);
    }
    expect(vk.userBuckets.size).toBe(10_000);
    takeUserTier(vk, caller('filler-known'), 3, 0);
    expect(vk.userBuckets.size).toBe(10_000);
    expect(vk.userBuckets.has(fingerprint('first'))).toBe(false);
    expect(vk.userBuckets.has('filler-1')).toBe(true);
    takeUserTier(vk, caller('filler-known'), 3, 0);
    expect(vk.userBuckets.size).toBe(10_000);
    expect(vk.userBuckets.has('filler-1')).toBe(true);
  });
});
