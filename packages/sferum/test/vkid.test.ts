import { createHash } from 'node:crypto';
import { MemoryStore } from '@goskit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVkIdClient, VKID_COM, VKID_RU, type VkIdClientOptions, VkIdError } from '../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const REDIRECT = 'https://school.example/vkid/callback';
let now = Date.UTC(2026, 8, 1, 6);
const clock = { now: () => now };

function client(extra: Partial<VkIdClientOptions> = {}) {
  return createVkIdClient({ clientId: 51234567, redirectUri: REDIRECT, clock, ...extra });
}

/**
 * A minimal VK ID token endpoint: it remembers the challenge of each issued code and checks
 * S256(code_verifier) and device_id the way VK ID does.
 */
function tokenEndpoint(base = VKID_RU) {
  const codes = new Map<string, { challenge: string; deviceId: string }>();
  const forms: URLSearchParams[] = [];
  const handler = http.post(`${base}/oauth2/auth`, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    forms.push(form);
    if (form.get('grant_type') === 'refresh_token') {
      return form.get('refresh_token') === 'refresh-1'
        ? HttpResponse.json({
            access_token: 'access-2',
            refresh_token: 'refresh-2',
            expires_in: 3600,
            user_id: 777,
            state: form.get('state'),
          })
        : HttpResponse.json(
            { error: 'invalid_grant', error_description: 'refresh token expired' },
            { status: 400 },
          );
    }
    const issued = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    const challenge = createHash('sha256')
      .update(form.get('code_verifier') ?? '')
      .digest('base64url');
    if (!issued || issued.challenge !== challenge || issued.deviceId !== form.get('device_id')) {
      return HttpResponse.json(
        { error: 'invalid_grant', error_description: 'code_verifier does not match' },
        { status: 400 },
      );
    }
    return HttpResponse.json({
      access_token: 'access-1',
      refresh_token: 'refresh-1',
      id_token: 'id-1',
      token_type: 'Bearer',
      expires_in: 3600,
      user_id: 777,
      state: form.get('state'),
      scope: 'email phone',
    });
  });
  server.use(handler);
  /** What VK ID does when the person approves: a code bound to the challenge, back to the redirect. */
  const approve = (authorizeUrl: string, deviceId = 'device-abc') => {
    const url = new URL(authorizeUrl);
    const code = `code-${codes.size + 1}`;
    codes.set(code, { challenge: url.searchParams.get('code_challenge')!, deviceId });
    return `${REDIRECT}?code=${code}&state=${url.searchParams.get('state')}&device_id=${deviceId}&type=code_v2`;
  };
  return { approve, forms };
}

describe('VK ID authorization URL', () => {
  it('asks id.vk.ru/authorize for a code with state, scopes and an S256 challenge', async () => {
    const { url, state } = await client({ scopes: ['email', 'phone'] }).authorizationUrl();
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe(`${VKID_RU}/authorize`);
    const q = parsed.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('51234567');
    expect(q.get('redirect_uri')).toBe(REDIRECT);
    expect(q.get('state')).toBe(state);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('code_challenge_method')).toBe('s256');
    expect(q.get('scope')).toBe('email phone');
    expect(url).not.toContain('code_verifier');
  });

  it('uses id.vk.com or any base URL by option', async () => {
    expect(
      (await client({ environment: 'vk.com' }).authorizationUrl()).url.startsWith(`${VKID_COM}/authorize?`),
    ).toBe(true);
    const sim = await client({ environment: { baseUrl: 'http://127.0.0.1:4010/vkid' } }).authorizationUrl();
    expect(sim.url.startsWith('http://127.0.0.1:4010/vkid/authorize?')).toBe(true);
  });

  it('refuses a reused or malformed state', async () => {
    const vkid = client();
    await vkid.authorizationUrl({ state: 'fixed-state' });
    await expect(vkid.authorizationUrl({ state: 'fixed-state' })).rejects.toThrow(/already used/);
    await expect(vkid.authorizationUrl({ state: 'bad state' })).rejects.toThrow(/state/);
  });
});

describe('VK ID callback and tokens', () => {
  it('another instance finishes the login through the shared store; PKCE and device_id checked', async () => {
    const idp = tokenEndpoint();
    const store = new MemoryStore({ now: clock.now });
    const a = client({ stateStore: store });
    const b = client({ stateStore: store });
    const { url } = await a.authorizationUrl({ data: { personId: 'parent-17' } });
    const login = await b.handleCallback(idp.approve(url));
    expect(login).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      idToken: 'id-1',
      userId: 777,
      deviceId: 'device-abc',
      scopes: ['email', 'phone'],
      data: { personId: 'parent-17' },
    });
    expect(login.expiresAt.getTime()).toBe(now + 3_600_000);
    const form = idp.forms[0]!;
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('client_id')).toBe('51234567');
    expect(form.get('redirect_uri')).toBe(REDIRECT);
    expect(form.get('device_id')).toBe('device-abc');
    expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('takes the state once: a replayed, unknown or expired state is STATE_MISMATCH', async () => {
    const idp = tokenEndpoint();
    const vkid = client();
    const first = idp.approve((await vkid.authorizationUrl()).url);
    await vkid.handleCallback(first);
    await expect(vkid.handleCallback(first)).rejects.toMatchObject({ code: 'STATE_MISMATCH' });
    await expect(vkid.handleCallback('?code=x&state=__proto__&device_id=d')).rejects.toMatchObject({
      code: 'STATE_MISMATCH',
    });
    const late = idp.approve((await vkid.authorizationUrl()).url);
    now += 600_001;
    await expect(vkid.handleCallback(late)).rejects.toMatchObject({ code: 'STATE_MISMATCH' });
    expect(idp.forms).toHaveLength(1);
  });

  it('turns an error redirect into VkIdError with a hint', async () => {
    const vkid = client();
    const { state } = await vkid.authorizationUrl();
    const error = (await vkid
      .handleCallback({ error: 'access_denied', error_description: 'User denied', state })
      .catch((e: unknown) => e)) as VkIdError;
    expect(error).toBeInstanceOf(VkIdError);
    expect(error.code).toBe('VKID_ERROR');
    expect(error.oauthError).toBe('access_denied');
    expect(error.hint?.ru).toMatch(/отказался/);
  });

  it('needs code and device_id in the callback', async () => {
    const vkid = client();
    const one = await vkid.authorizationUrl();
    await expect(vkid.handleCallback(`?code=abc&state=${one.state}`)).rejects.toMatchObject({
      code: 'INVALID_CALLBACK',
    });
    const two = await vkid.authorizationUrl();
    await expect(
      vkid.handleCallback(new URLSearchParams({ state: two.state, device_id: 'd' })),
    ).rejects.toMatchObject({
      code: 'INVALID_CALLBACK',
    });
  });

  it('reports a wrong verifier as VK ID invalid_grant, sends the code once, and leaks nothing', async () => {
    const idp = tokenEndpoint();
    const vkid = client();
    const { url } = await vkid.authorizationUrl();
    // The person's browser comes back from another device than VK ID issued the code to.
    const redirect = idp.approve(url, 'device-1').replace('device_id=device-1', 'device_id=device-2');
    const error = (await vkid.handleCallback(redirect).catch((e: unknown) => e)) as VkIdError;
    expect(error.oauthError).toBe('invalid_grant');
    expect(error.status).toBe(400);
    expect(idp.forms).toHaveLength(1);
    const verifier = idp.forms[0]!.get('code_verifier')!;
    for (const text of [error.message, JSON.stringify(error)]) {
      expect(text).not.toContain(verifier);
      expect(text).not.toContain('code-1');
    }
  });

  it('refuses an answer that echoes another state', async () => {
    server.use(
      http.post(`${VKID_RU}/oauth2/auth`, () =>
        HttpResponse.json({ access_token: 'a', user_id: 1, expires_in: 3600, state: 'someone-else' }),
      ),
    );
    const vkid = client();
    const { state } = await vkid.authorizationUrl();
    await expect(vkid.handleCallback(`?code=c&state=${state}&device_id=d`)).rejects.toMatchObject({
      code: 'STATE_MISMATCH',
    });
  });

  it('refreshes with the device id and reports an expired refresh token', async () => {
    const idp = tokenEndpoint();
    const vkid = client();
    const tokens = await vkid.refresh('refresh-1', 'device-abc');
    expect(tokens).toMatchObject({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      userId: 777,
      deviceId: 'device-abc',
    });
    expect(idp.forms[0]!.get('grant_type')).toBe('refresh_token');
    expect(idp.forms[0]!.get('device_id')).toBe('device-abc');
    await expect(vkid.refresh('refresh-old', 'device-abc')).rejects.toMatchObject({
      oauthError: 'invalid_grant',
    });
    await expect(vkid.refresh('refresh-1', 'bad device')).rejects.toThrow(/deviceId/);
  });

  it('reads user_info and logs out', async () => {
    const seen: URLSearchParams[] = [];
    server.use(
      http.post(`${VKID_RU}/oauth2/user_info`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        seen.push(form);
        return form.get('access_token') === 'access-1'
          ? HttpResponse.json({
              user: { user_id: '777', first_name: 'Анна', last_name: 'Иванова', email: 'a@example.ru' },
            })
          : HttpResponse.json({ error: 'invalid_token', error_description: 'access_token expired' });
      }),
      http.post(`${VKID_RU}/oauth2/logout`, () => HttpResponse.json({ response: 1 })),
    );
    const vkid = client();
    expect(await vkid.userInfo('access-1')).toMatchObject({
      userId: 777,
      firstName: 'Анна',
      email: 'a@example.ru',
    });
    expect(seen[0]!.get('client_id')).toBe('51234567');
    await expect(vkid.userInfo('access-0')).rejects.toMatchObject({ oauthError: 'invalid_token' });
    await expect(vkid.logout('access-1')).resolves.toBeUndefined();
  });
});
