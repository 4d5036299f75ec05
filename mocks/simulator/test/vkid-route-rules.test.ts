/**
 * VK ID's authorize and token routes, rule by rule, their handlers called in process: what makes a
 * redirect safe (a known client and a registered redirect URI, else an error page), the OAuth errors a
 * registered redirect URI gets (response_type, state, PKCE, scope), the login it starts and how long it
 * lives; then the token endpoint: client_id, grant_type, each missing parameter named, the code (one
 * use — a replay ends what the first exchange issued — its client, expiry, redirect_uri, device_id and
 * S256 verifier) and the refresh token (rotation, its client and device, scope that may only narrow).
 * Mutation testing (`pnpm mutation vkid-routes`) keeps them stated.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { portalRuntimeOf } from '../src/engine/portal-runtime-of.js';
import type { PortalRuntime, RouteContext, SimResponse } from '../src/engine/types.js';
import { createSimulator } from '../src/index.js';
import { authorizeRoute, DEFAULT_SCOPE, pendingLogin } from '../src/portals/vkid/authorize.js';
import { demoClient, VKID_DEMO_CLIENT_ID } from '../src/portals/vkid/clients.js';
import { resolveVkIdOptions } from '../src/portals/vkid/options.js';
import type { IssuedCode, VkIdState } from '../src/portals/vkid/state.js';
import { tokenRoute } from '../src/portals/vkid/token.js';
import { bodyOf, jsonOf, simRequest } from './fixtures/requests.js';

const sim = createSimulator({ seed: 'vkid-route-rules', portals: [] });
const runtime: PortalRuntime = portalRuntimeOf(sim, 'vkid');
const options = resolveVkIdOptions();
const token = tokenRoute(options);

const REDIRECT = 'http://localhost/callback';
const VERIFIER = 'v'.repeat(43);
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

function freshState(): VkIdState {
  const client = demoClient();
  return {
    clients: new Map([
      [client.clientId, client],
      ['other', { clientId: 'other', title: 'Другое', redirectUris: [REDIRECT] }],
    ]),
    pending: new Map(),
    codes: new Map(),
    grants: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
  };
}

function context(state: VkIdState, request: ReturnType<typeof simRequest>): RouteContext<VkIdState> {
  return { state, request, params: {}, sim: runtime };
}

// --- GET /authorize ---

const goodQuery = {
  response_type: 'code',
  client_id: VKID_DEMO_CLIENT_ID,
  redirect_uri: REDIRECT,
  state: 'st-1',
  code_challenge: CHALLENGE,
  code_challenge_method: 's256',
};

async function authorize(
  query: Record<string, string | undefined>,
  state = freshState(),
): Promise<{ response: SimResponse; state: VkIdState }> {
  const given = Object.fromEntries(
    Object.entries({ ...goodQuery, ...query }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const response = await authorizeRoute.handler(
    context(state, simRequest('/authorize', { portal: 'vkid', query: given })),
  );
  return { response, state };
}

/** The OAuth error of a redirect back to the app: error, error_description, state. */
function redirectError(response: SimResponse) {
  expect(response.status, bodyOf(response)).toBe(302);
  const location = new URL(response.headers.location as string);
  expect(location.origin + location.pathname).toBe(REDIRECT);
  return {
    error: location.searchParams.get('error'),
    description: location.searchParams.get('error_description'),
    state: location.searchParams.get('state'),
  };
}

/** The login the route started (it redirected to the login page). */
function started(result: { response: SimResponse; state: VkIdState }) {
  expect(result.response.status, bodyOf(result.response)).toBe(302);
  const [pending] = [...result.state.pending.values()];
  expect(pending).toBeDefined();
  return pending!;
}

describe('where the routes are', () => {
  it('GET /authorize (operation authorize) and POST /oauth2/auth (operation token)', () => {
    expect([authorizeRoute.method, authorizeRoute.path, authorizeRoute.operation]).toEqual([
      'GET',
      '/authorize',
      'authorize',
    ]);
    expect([token.method, token.path, token.operation]).toEqual(['POST', '/oauth2/auth', 'token']);
  });
});

describe('GET /authorize: what makes a redirect safe', () => {
  it('an unknown or missing client_id gets an error page naming it (at most 64 characters), never a redirect', async () => {
    for (const clientId of ['999', undefined, '__proto__', 'x'.repeat(70)]) {
      const { response } = await authorize({ client_id: clientId });
      expect(response.status).toBe(400);
      expect(response.headers.location).toBeUndefined();
      const page = bodyOf(response);
      expect(page).toContain('Приложение не найдено');
      expect(page).toContain(
        `client_id ${JSON.stringify((clientId ?? '').slice(0, 64)).replaceAll('"', '&quot;')} не зарегистрирован в VK ID.`,
      );
    }
    expect(bodyOf((await authorize({ client_id: 'x'.repeat(70) })).response)).not.toContain('x'.repeat(65));
  });

  it('a redirect_uri the client did not register (or none) gets an error page naming the client, never a redirect', async () => {
    for (const redirectUri of ['https://evil.example/callback', undefined, `${REDIRECT}X`]) {
      const { response, state } = await authorize({ redirect_uri: redirectUri });
      expect(response.status).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(bodyOf(response)).toContain('Недопустимый адрес возврата');
      expect(bodyOf(response)).toContain('redirect_uri не входит в доверенные адреса приложения «Демо школа');
      expect(state.pending.size).toBe(0);
    }
    // The redirect URI of another client is not this one's.
    const other = await authorize({
      client_id: 'other',
      redirect_uri: 'https://school.goskit.test/vkid/callback',
    });
    expect(other.response.status).toBe(400);
  });
});

describe('GET /authorize: OAuth errors sent back to a registered redirect URI', () => {
  it('response_type must be code (unsupported_response_type, state echoed)', async () => {
    for (const responseType of ['token', undefined]) {
      expect(redirectError((await authorize({ response_type: responseType })).response)).toEqual({
        error: 'unsupported_response_type',
        description: 'response_type must be code',
        state: 'st-1',
      });
    }
  });

  it('state is required, 1–500 characters (invalid_request, no state echoed)', async () => {
    for (const state of [undefined, '', 'x'.repeat(501)]) {
      expect(redirectError((await authorize({ state })).response)).toEqual({
        error: 'invalid_request',
        description: 'state is required (up to 500 characters)',
        state: null,
      });
    }
    expect(started(await authorize({ state: 'x'.repeat(500) })).state).toBe('x'.repeat(500));
    expect(started(await authorize({ state: 'y' })).state).toBe('y');
  });

  it('code_challenge is required: 43 characters of base64url', async () => {
    for (const challenge of [undefined, CHALLENGE.slice(1), `${CHALLENGE.slice(1)}=`]) {
      expect(redirectError((await authorize({ code_challenge: challenge })).response)).toEqual({
        error: 'invalid_request',
        description: 'code_challenge is required: base64url of SHA-256, 43 characters',
        state: 'st-1',
      });
    }
  });

  it('code_challenge_method must be s256 (any case); plain or none is refused', async () => {
    for (const method of ['plain', undefined, 's256x']) {
      expect(redirectError((await authorize({ code_challenge_method: method })).response)).toEqual({
        error: 'invalid_request',
        description: 'code_challenge_method must be s256',
        state: 'st-1',
      });
    }
    expect(started(await authorize({ code_challenge_method: 'S256' })).codeChallenge).toBe(CHALLENGE);
  });

  it('scope is up to 30 names of [a-z_.] (a letter first, 40 at most), split on spaces and commas', async () => {
    const refused = {
      error: 'invalid_scope',
      description: 'scope is a space-separated list of names',
      state: 'st-1',
    };
    const names = (count: number) =>
      Array.from(
        { length: count },
        (_, i) => `s${String.fromCharCode(97 + (i % 26))}${'x'.repeat(Math.floor(i / 26))}`,
      );
    expect(redirectError((await authorize({ scope: names(31).join(' ') })).response)).toEqual(refused);
    expect(started(await authorize({ scope: names(30).join(' ') })).scopes).toHaveLength(31);
    for (const bad of ['Email', '1email', 'e-mail', `a${'b'.repeat(40)}`, 'email phone!']) {
      expect(redirectError((await authorize({ scope: bad })).response), bad).toEqual(refused);
    }
    expect(started(await authorize({ scope: `a${'b'.repeat(39)}` })).scopes).toEqual([
      DEFAULT_SCOPE,
      `a${'b'.repeat(39)}`,
    ]);
  });
});

describe('GET /authorize: the login it starts', () => {
  it('remembers client, redirect URI, state, challenge, scopes and the time, and redirects to the login page', async () => {
    sim.clock.advance(1000);
    const result = await authorize({ scope: 'email,phone  messages' });
    const pending = started(result);
    expect(pending).toEqual({
      id: pending.id,
      clientId: VKID_DEMO_CLIENT_ID,
      redirectUri: REDIRECT,
      state: 'st-1',
      codeChallenge: CHALLENGE,
      scopes: [DEFAULT_SCOPE, 'email', 'phone', 'messages'],
      createdMs: sim.clock.nowMs(),
    });
    expect(pending.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.response.headers.location).toBe(
      `https://vkid.goskit.test/auth?rid=${encodeURIComponent(pending.id)}`,
    );
    expect(result.state.pending.get(pending.id)).toBe(pending);
  });

  it('scope defaults to vkid.personal_info, which is always granted (not added twice)', async () => {
    expect(started(await authorize({})).scopes).toEqual([DEFAULT_SCOPE]);
    expect(started(await authorize({ scope: '' })).scopes).toEqual([DEFAULT_SCOPE]);
    expect(started(await authorize({ scope: `email ${DEFAULT_SCOPE}` })).scopes).toEqual([
      'email',
      DEFAULT_SCOPE,
    ]);
  });

  it('a login lives loginTtl: found up to it, gone (and forgotten) after; an unknown or missing rid finds none', async () => {
    const { state } = await authorize({});
    const pending = started({ response: { status: 302, headers: {} }, state });
    const ttl = 1000;
    expect(pendingLogin(state, pending.id, pending.createdMs + ttl, ttl)).toBe(pending);
    expect(pendingLogin(state, 'nope', pending.createdMs, ttl)).toBeUndefined();
    expect(pendingLogin(state, null, pending.createdMs, ttl)).toBeUndefined();
    expect(pendingLogin(state, undefined, pending.createdMs, ttl)).toBeUndefined();
    expect(state.pending.has(pending.id)).toBe(true);
    expect(pendingLogin(state, pending.id, pending.createdMs + ttl + 1, ttl)).toBeUndefined();
    expect(state.pending.has(pending.id)).toBe(false);
  });
});

// --- POST /oauth2/auth ---

async function post(
  state: VkIdState,
  form: Record<string, string | undefined>,
  query: Record<string, string> = {},
) {
  const body = new URLSearchParams(
    Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  const response = await token.handler(
    context(
      state,
      simRequest('/oauth2/auth', {
        portal: 'vkid',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        query,
        body,
      }),
    ),
  );
  // biome-ignore lint/suspicious/noExplicitAny: OAuth answers are checked field by field.
  return { status: response.status, body: jsonOf<any>(response) };
}

const CODE = 'c'.repeat(64);
const DEVICE = 'd'.repeat(40);

/** A state holding one unused code of the demo client, as the consent page issues it. */
function withCode(overrides: Partial<IssuedCode> = {}): VkIdState {
  const state = freshState();
  state.codes.set(CODE, {
    clientId: VKID_DEMO_CLIENT_ID,
    redirectUri: REDIRECT,
    codeChallenge: CHALLENGE,
    deviceId: DEVICE,
    userId: 42,
    profile: 'education',
    scopes: [DEFAULT_SCOPE, 'email'],
    expMs: sim.clock.nowMs() + 60_000,
    used: false,
    ...overrides,
  });
  return state;
}

const exchange = {
  grant_type: 'authorization_code',
  client_id: VKID_DEMO_CLIENT_ID,
  code: CODE,
  code_verifier: VERIFIER,
  device_id: DEVICE,
  redirect_uri: REDIRECT,
  state: 'st-1',
};

describe('POST /oauth2/auth: the client and the grant type', () => {
  it('client_id is required (invalid_request 400), and must be registered (invalid_client 401); state is echoed', async () => {
    expect(await post(freshState(), { ...exchange, client_id: undefined })).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'client_id is missing', state: 'st-1' },
    });
    expect(await post(freshState(), { ...exchange, client_id: '' })).toMatchObject({ status: 400 });
    expect(await post(freshState(), { ...exchange, client_id: '__proto__' })).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'client_id is unknown', state: 'st-1' },
    });
    expect((await post(freshState(), { ...exchange, client_id: 'nope', state: undefined })).body).toEqual({
      error: 'invalid_client',
      error_description: 'client_id is unknown',
    });
  });

  it('grant_type is authorization_code or refresh_token (unsupported_grant_type otherwise)', async () => {
    for (const grantType of ['password', undefined, 'client_credentials']) {
      expect(await post(withCode(), { ...exchange, grant_type: grantType })).toEqual({
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          error_description: 'grant_type must be authorization_code or refresh_token',
          state: 'st-1',
        },
      });
    }
  });

  it('parameters may come in the query as well as the form', async () => {
    const answer = await post(withCode(), { code_verifier: VERIFIER }, { ...exchange, code_verifier: 'x' });
    expect(answer.status).toBe(200);
  });
});

describe('POST /oauth2/auth: exchanging a code', () => {
  it('code, code_verifier, device_id and redirect_uri are required, each named (an empty one is missing)', async () => {
    for (const name of ['code', 'code_verifier', 'device_id', 'redirect_uri']) {
      for (const value of [undefined, '']) {
        expect(await post(withCode(), { ...exchange, [name]: value })).toEqual({
          status: 400,
          body: { error: 'invalid_request', error_description: `${name} is missing`, state: 'st-1' },
        });
      }
    }
  });

  it('code_verifier is 43–128 characters of [A-Za-z0-9_-]', async () => {
    expect(await post(withCode(), { ...exchange, code_verifier: 'v'.repeat(42) })).toEqual({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: 'code_verifier must be 43–128 characters of A-Z a-z 0-9 _ -',
        state: 'st-1',
      },
    });
  });

  it('an unknown code, a code of another client or an expired one is invalid_grant (expired at expMs)', async () => {
    const invalid = {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'code is invalid or expired', state: 'st-1' },
    };
    expect(await post(withCode(), { ...exchange, code: 'unknown' })).toEqual(invalid);
    expect(await post(withCode({ clientId: 'other' }), exchange)).toEqual(invalid);
    expect(await post(withCode({ expMs: sim.clock.nowMs() }), exchange)).toEqual(invalid);
    expect((await post(withCode({ expMs: sim.clock.nowMs() + 1 }), exchange)).status).toBe(200);
  });

  it('redirect_uri and device_id must be those of the authorization', async () => {
    expect(await post(withCode(), { ...exchange, redirect_uri: `${REDIRECT}/x` })).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'redirect_uri does not match the authorization request',
        state: 'st-1',
      },
    });
    expect(await post(withCode(), { ...exchange, device_id: 'other-device' })).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'device_id does not match the authorization',
        state: 'st-1',
      },
    });
  });

  it('S256 of code_verifier must be the code_challenge', async () => {
    expect(await post(withCode(), { ...exchange, code_verifier: 'w'.repeat(43) })).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'code_verifier does not match code_challenge',
        state: 'st-1',
      },
    });
  });

  it('a good exchange creates a grant for the code’s person, device and scopes and answers its tokens with state', async () => {
    const state = withCode();
    const answer = await post(state, exchange);
    expect(answer.status).toBe(200);
    const [grant] = [...state.grants.values()];
    expect(grant).toEqual({
      id: grant!.id,
      clientId: VKID_DEMO_CLIENT_ID,
      userId: 42,
      profile: 'education',
      scopes: [DEFAULT_SCOPE, 'email'],
      deviceId: DEVICE,
      revoked: false,
      refreshToken: answer.body.refresh_token,
    });
    expect(state.codes.get(CODE)).toMatchObject({ used: true, grantId: grant!.id });
    expect(answer.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      user_id: 42,
      scope: `${DEFAULT_SCOPE} email`,
      state: 'st-1',
    });
    expect(state.accessTokens.get(answer.body.access_token)?.grantId).toBe(grant!.id);
    expect(state.refreshTokens.get(answer.body.refresh_token)).toBe(grant!.id);
    const withoutState = await post(withCode(), { ...exchange, state: undefined });
    expect(withoutState.status).toBe(200);
    expect(withoutState.body).not.toHaveProperty('state');
  });

  it('a code is one use: a replay is invalid_grant and revokes what the first exchange issued', async () => {
    const state = withCode();
    expect((await post(state, exchange)).status).toBe(200);
    const [grant] = [...state.grants.values()];
    expect(await post(state, exchange)).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'code has already been used', state: 'st-1' },
    });
    expect(grant!.revoked).toBe(true);
    // A used code whose grant is already gone is still refused.
    const orphan = withCode({ used: true });
    expect((await post(orphan, exchange)).body.error_description).toBe('code has already been used');
  });
});

describe('POST /oauth2/auth: refreshing', () => {
  async function signedIn() {
    const state = withCode();
    const first = await post(state, exchange);
    const [grant] = [...state.grants.values()];
    return { state, grant: grant!, refreshToken: first.body.refresh_token as string };
  }
  const refreshForm = (refreshToken: string, extra: Record<string, string | undefined> = {}) => ({
    grant_type: 'refresh_token',
    client_id: VKID_DEMO_CLIENT_ID,
    refresh_token: refreshToken,
    device_id: DEVICE,
    state: 'st-2',
    ...extra,
  });

  it('refresh_token and device_id are required, each named', async () => {
    const { state, refreshToken } = await signedIn();
    for (const name of ['refresh_token', 'device_id']) {
      expect(await post(state, refreshForm(refreshToken, { [name]: undefined }))).toEqual({
        status: 400,
        body: { error: 'invalid_request', error_description: `${name} is missing`, state: 'st-2' },
      });
    }
  });

  it('an unknown refresh token, one of a revoked grant or of another client is invalid', async () => {
    const { state, grant, refreshToken } = await signedIn();
    const invalid = {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'refresh_token is invalid', state: 'st-2' },
    };
    expect(await post(state, refreshForm('unknown'))).toEqual(invalid);
    expect(await post(state, refreshForm(refreshToken, { client_id: 'other' }))).toEqual(invalid);
    grant.revoked = true;
    expect(await post(state, refreshForm(refreshToken))).toEqual(invalid);
    // A refresh token whose grant is gone.
    state.grants.delete(grant.id);
    grant.revoked = false;
    expect(await post(state, refreshForm(refreshToken))).toEqual(invalid);
  });

  it('the refresh token rotates: the new one works, the old one used again revokes the grant', async () => {
    const { state, grant, refreshToken } = await signedIn();
    const second = await post(state, refreshForm(refreshToken));
    expect(second.status).toBe(200);
    expect(second.body.state).toBe('st-2');
    expect(second.body.refresh_token).not.toBe(refreshToken);
    expect(grant.refreshToken).toBe(second.body.refresh_token);
    expect(await post(state, refreshForm(refreshToken))).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'refresh_token has already been used',
        state: 'st-2',
      },
    });
    expect(grant.revoked).toBe(true);
    expect((await post(state, refreshForm(second.body.refresh_token))).body.error_description).toBe(
      'refresh_token is invalid',
    );
  });

  it('device_id must be the grant’s', async () => {
    const { state, grant, refreshToken } = await signedIn();
    expect(await post(state, refreshForm(refreshToken, { device_id: 'elsewhere' }))).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'device_id does not match the grant',
        state: 'st-2',
      },
    });
    expect(grant.revoked).toBe(false);
  });

  it('scope may only narrow the granted scopes (spaces or commas); without it the scopes stay', async () => {
    const { state, grant, refreshToken } = await signedIn();
    expect(await post(state, refreshForm(refreshToken, { scope: 'email messages' }))).toEqual({
      status: 400,
      body: {
        error: 'invalid_scope',
        error_description: 'scope may only narrow the granted scopes',
        state: 'st-2',
      },
    });
    expect(grant.scopes).toEqual([DEFAULT_SCOPE, 'email']);
    const same = await post(state, refreshForm(refreshToken, { state: undefined }));
    expect(same.body.scope).toBe(`${DEFAULT_SCOPE} email`);
    expect(same.body).not.toHaveProperty('state');
    const narrowed = await post(state, refreshForm(same.body.refresh_token, { scope: ' email,, ' }));
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.scope).toBe('email');
    expect(grant.scopes).toEqual(['email']);
  });

  it('a refreshed access token lives accessTokenTtl from now on the virtual clock', async () => {
    const { state, refreshToken } = await signedIn();
    sim.clock.advance(5000);
    const answer = await post(state, refreshForm(refreshToken));
    expect(state.accessTokens.get(answer.body.access_token)?.expiresAtMs).toBe(
      sim.clock.nowMs() + options.accessTokenTtlMs,
    );
  });
});
