/**
 * VK ID (vkid portal) over HTTP in process: MSW answers https://id.vk.ru and https://id.vk.com for
 * the global fetch. OAuth 2.1 + PKCE, device_id, tokens, refresh rotation, user_info, public_info,
 * logout, OAuth-style errors, redirects only to registered URIs; and the VK API accepting its tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vkDemo, vkUserIdOf, vkUsers } from '../src/portals/vk/index.js';
import { completeVkIdLogin, registerVkIdClient, VKID_DEMO_CLIENT_ID } from '../src/portals/vkid/index.js';
import { vkCall, vkSim } from './vk-support.js';

const sim = vkSim({ seed: 'vkid' });
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const ID = 'https://id.vk.ru';
const REDIRECT = 'http://localhost:8080/callback';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizeUrl(params: Record<string, string>, host = ID): string {
  return `${host}/authorize?${new URLSearchParams({
    response_type: 'code',
    client_id: VKID_DEMO_CLIENT_ID,
    redirect_uri: REDIRECT,
    state: 'st-123',
    code_challenge_method: 's256',
    scope: 'vkid.personal_info email messages',
    ...params,
  })}`;
}

async function post(path: string, params: Record<string, string>, host = ID) {
  const response = await fetch(`${host}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  // biome-ignore lint/suspicious/noExplicitAny: OAuth answers are checked field by field.
  return { status: response.status, body: (await response.json()) as any };
}

const teacherLogin = () => vkUsers(sim).find((user) => user.personId === 'teacher-demo')?.login as string;

async function signIn(options: { login?: string; profile?: 'education' | 'personal'; host?: string } = {}) {
  const { verifier, challenge } = pkce();
  const callback = new URL(
    await completeVkIdLogin(authorizeUrl({ code_challenge: challenge }, options.host), {
      login: options.login ?? teacherLogin(),
      profile: options.profile ?? 'education',
    }),
  );
  return {
    verifier,
    callback,
    code: callback.searchParams.get('code') as string,
    deviceId: callback.searchParams.get('device_id') as string,
  };
}

describe('VK ID sign-in', () => {
  it('redirects back with code, state, device_id; the code exchange checks S256 and device_id', async () => {
    const { verifier, callback, code, deviceId } = await signIn();
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    expect(callback.searchParams.get('state')).toBe('st-123');
    expect(callback.searchParams.get('type')).toBe('code_v2');
    expect(callback.searchParams.get('expires_in')).toBe('600');
    expect(deviceId).toMatch(/^[A-Za-z0-9_-]{40}$/);
    const base = {
      grant_type: 'authorization_code',
      client_id: VKID_DEMO_CLIENT_ID,
      redirect_uri: REDIRECT,
      code,
      state: 'st-123',
    };
    const wrongVerifier = await post('/oauth2/auth', {
      ...base,
      device_id: deviceId,
      code_verifier: pkce().verifier,
    });
    expect(wrongVerifier).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'code_verifier does not match code_challenge',
        state: 'st-123',
      },
    });
    const wrongDevice = await post('/oauth2/auth', {
      ...base,
      device_id: 'another-device',
      code_verifier: verifier,
    });
    expect(wrongDevice.body.error).toBe('invalid_grant');
    const tokens = await post('/oauth2/auth', { ...base, device_id: deviceId, code_verifier: verifier });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      user_id: vkUserIdOf(sim, 'teacher-demo'),
      state: 'st-123',
      scope: 'vkid.personal_info email messages',
    });
    expect(tokens.body.access_token).toMatch(/^vk2\.a\./);
    const replay = await post('/oauth2/auth', { ...base, device_id: deviceId, code_verifier: verifier });
    expect(replay.body).toMatchObject({
      error: 'invalid_grant',
      error_description: 'code has already been used',
    });
    const afterReplay = await post('/oauth2/user_info', {
      client_id: VKID_DEMO_CLIENT_ID,
      access_token: tokens.body.access_token,
    });
    expect(afterReplay.status).toBe(401);
    const journal = JSON.stringify(sim.journal.entries());
    for (const secret of [tokens.body.access_token, tokens.body.refresh_token, verifier]) {
      expect(journal).not.toContain(secret);
    }
  });

  it('tokens: user_info (with the middle name for the «Учебный профиль»), refresh with rotation, public_info, logout', async () => {
    const { verifier, code, deviceId } = await signIn({ host: 'https://id.vk.com' });
    const tokens = (
      await post(
        '/oauth2/auth',
        {
          grant_type: 'authorization_code',
          client_id: VKID_DEMO_CLIENT_ID,
          redirect_uri: REDIRECT,
          code,
          device_id: deviceId,
          code_verifier: verifier,
        },
        'https://id.vk.com',
      )
    ).body;
    const info = await post('/oauth2/user_info', {
      client_id: VKID_DEMO_CLIENT_ID,
      access_token: tokens.access_token,
    });
    expect(info.body.user).toMatchObject({
      user_id: String(vkUserIdOf(sim, 'teacher-demo')),
      first_name: 'Мария',
      last_name: 'Петрова',
      middle_name: 'Сергеевна',
      sex: 1,
      email: expect.stringContaining('@'),
    });
    expect(info.body.user.phone).toBeUndefined();
    const publicInfo = await post('/oauth2/public_info', {
      client_id: VKID_DEMO_CLIENT_ID,
      id_token: tokens.id_token,
    });
    expect(publicInfo.body.user).toMatchObject({ first_name: 'Мария', last_name: 'Петрова' });
    const forged = `${tokens.id_token.slice(0, -4)}AAAA`;
    expect(
      (await post('/oauth2/public_info', { client_id: VKID_DEMO_CLIENT_ID, id_token: forged })).body.error,
    ).toBe('invalid_token');

    const refreshed = await post('/oauth2/auth', {
      grant_type: 'refresh_token',
      client_id: VKID_DEMO_CLIENT_ID,
      refresh_token: tokens.refresh_token,
      device_id: deviceId,
      state: 'r1',
    });
    expect(refreshed.body).toMatchObject({ state: 'r1', user_id: tokens.user_id });
    expect(refreshed.body.access_token).not.toBe(tokens.access_token);
    const reused = await post('/oauth2/auth', {
      grant_type: 'refresh_token',
      client_id: VKID_DEMO_CLIENT_ID,
      refresh_token: tokens.refresh_token,
      device_id: deviceId,
    });
    expect(reused.body).toMatchObject({
      error: 'invalid_grant',
      error_description: 'refresh_token has already been used',
    });
    // Reusing a rotated refresh token ends the grant: the fresh access token stops working too.
    const revoked = await post('/oauth2/user_info', {
      client_id: VKID_DEMO_CLIENT_ID,
      access_token: refreshed.body.access_token,
    });
    expect(revoked.body).toMatchObject({ error: 'invalid_token' });

    const again = await signIn();
    const session = (
      await post('/oauth2/auth', {
        grant_type: 'authorization_code',
        client_id: VKID_DEMO_CLIENT_ID,
        redirect_uri: REDIRECT,
        code: again.code,
        device_id: again.deviceId,
        code_verifier: again.verifier,
      })
    ).body;
    expect(
      (await post('/oauth2/logout', { client_id: VKID_DEMO_CLIENT_ID, access_token: session.access_token }))
        .body,
    ).toEqual({ response: 1 });
    expect(
      (
        await post('/oauth2/user_info', {
          client_id: VKID_DEMO_CLIENT_ID,
          access_token: session.access_token,
        })
      ).status,
    ).toBe(401);
  });

  it('the access token expires after an hour on the virtual clock; VK API answers 5 then', async () => {
    const { verifier, code, deviceId } = await signIn();
    const tokens = (
      await post('/oauth2/auth', {
        grant_type: 'authorization_code',
        client_id: VKID_DEMO_CLIENT_ID,
        redirect_uri: REDIRECT,
        code,
        device_id: deviceId,
        code_verifier: verifier,
      })
    ).body;
    const me = await vkCall(sim, 'users.get', {}, { token: tokens.access_token, bearer: true });
    expect(me.body.response[0]).toMatchObject({ id: tokens.user_id, first_name: 'Мария' });
    const chat = await vkCall(
      sim,
      'messages.getConversationMembers',
      { peer_id: 2000000001 },
      { token: tokens.access_token },
    );
    expect(chat.body.response.count).toBeGreaterThan(1);
    sim.clock.advance('PT1H');
    const expired = await vkCall(sim, 'users.get', {}, { token: tokens.access_token });
    expect(expired.body.error).toMatchObject({
      error_code: 5,
      error_msg: 'User authorization failed: access_token has expired.',
    });
    const info = await post('/oauth2/user_info', {
      client_id: VKID_DEMO_CLIENT_ID,
      access_token: tokens.access_token,
    });
    expect(info.body).toEqual({ error: 'invalid_token', error_description: 'access_token has expired' });
  });

  it('a token without the messages scope cannot call messages.* (15)', async () => {
    const { verifier, challenge } = pkce();
    const callback = new URL(
      await completeVkIdLogin(authorizeUrl({ code_challenge: challenge, scope: 'vkid.personal_info' }), {
        login: teacherLogin(),
      }),
    );
    const tokens = (
      await post('/oauth2/auth', {
        grant_type: 'authorization_code',
        client_id: VKID_DEMO_CLIENT_ID,
        redirect_uri: REDIRECT,
        code: callback.searchParams.get('code') as string,
        device_id: callback.searchParams.get('device_id') as string,
        code_verifier: verifier,
      })
    ).body;
    const refused = await vkCall(
      sim,
      'messages.getConversationMembers',
      { peer_id: 2000000001 },
      { token: tokens.access_token },
    );
    expect(refused.body.error).toMatchObject({
      error_code: 15,
      error_msg: 'Access denied: no access to call this method',
    });
  });
});

describe('VK ID refusals', () => {
  it('an unknown client or an unregistered redirect URI gets an error page, never a redirect', async () => {
    const { challenge } = pkce();
    for (const url of [
      authorizeUrl({ code_challenge: challenge, client_id: '999' }),
      authorizeUrl({ code_challenge: challenge, client_id: '__proto__' }),
      authorizeUrl({ code_challenge: challenge, redirect_uri: 'https://evil.example/callback' }),
      authorizeUrl({ code_challenge: challenge, redirect_uri: 'http://localhost:8080/callbackX' }),
      authorizeUrl({ code_challenge: challenge, redirect_uri: 'http://localhost:8080/callback#frag' }),
    ]) {
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('VK ID');
    }
  });

  it('a registered redirect URI gets OAuth errors: no PKCE, plain PKCE, no state, response_type', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'invalid_request'],
      [{ code_challenge: pkce().challenge, code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge: pkce().challenge, state: '' }, 'invalid_request'],
      [{ code_challenge: pkce().challenge, response_type: 'token' }, 'unsupported_response_type'],
    ];
    for (const [params, error] of cases) {
      const response = await fetch(authorizeUrl(params), { redirect: 'manual' });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') as string);
      expect(location.origin + location.pathname).toBe(REDIRECT);
      expect(location.searchParams.get('error')).toBe(error);
    }
  });

  it('clients are registered with their redirect URIs; «Отмена» answers access_denied', async () => {
    registerVkIdClient(sim, {
      clientId: '51999999',
      title: 'Электронный дневник',
      redirectUris: ['https://diary.example/vkid'],
    });
    const { challenge } = pkce();
    const denied = new URL(
      await completeVkIdLogin(
        authorizeUrl({
          code_challenge: challenge,
          client_id: '51999999',
          redirect_uri: 'https://diary.example/vkid',
        }),
        {
          login: teacherLogin(),
          consent: 'deny',
        },
      ),
    );
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(() => registerVkIdClient(sim, { clientId: 'x', redirectUris: ['javascript:alert(1)'] })).toThrow(
      /redirectUris\.0/,
    );
  });

  it('the token endpoint names what is wrong, OAuth-style', async () => {
    expect(await post('/oauth2/auth', { grant_type: 'authorization_code' })).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'client_id is missing' },
    });
    expect(
      (await post('/oauth2/auth', { client_id: '__proto__', grant_type: 'authorization_code' })).body.error,
    ).toBe('invalid_client');
    expect(
      (await post('/oauth2/auth', { client_id: VKID_DEMO_CLIENT_ID, grant_type: 'password' })).body.error,
    ).toBe('unsupported_grant_type');
    const noVerifier = await post('/oauth2/auth', {
      client_id: VKID_DEMO_CLIENT_ID,
      grant_type: 'authorization_code',
      code: 'x',
      device_id: 'd',
      redirect_uri: REDIRECT,
    });
    expect(noVerifier.body.error_description).toBe('code_verifier is missing');
    const badCode = await post('/oauth2/auth', {
      client_id: VKID_DEMO_CLIENT_ID,
      grant_type: 'authorization_code',
      code: 'constructor',
      device_id: 'd',
      redirect_uri: REDIRECT,
      code_verifier: pkce().verifier,
    });
    expect(badCode.body).toEqual({ error: 'invalid_grant', error_description: 'code is invalid or expired' });
    const login = await fetch(`${ID}/auth?rid=__proto__`);
    expect(login.status).toBe(404);
    expect(vkDemo(sim).groupId).toBeGreaterThan(0);
    expect(sim.contractViolations()).toEqual([]);
  });
});
