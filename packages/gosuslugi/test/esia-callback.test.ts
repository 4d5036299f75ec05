import { MemoryStore } from '@goskit/core';
import { gostVerify } from '@goskit/crypto';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEsiaClient, EsiaError } from '../src/index.js';
import {
  accessClaims,
  BASE,
  CLIENT_ID,
  clientKeyPair,
  decodeBase64Url,
  idClaims,
  jwksOf,
  REDIRECT,
  rsaToken,
  signedString,
} from './helpers/esia-fixtures.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const CODE = 'eyJ2ZXIiOjF9.eyJzY29wZSI6Im9wZW5pZCJ9.c2lnbmF0dXJl';

async function makeClient(store = new MemoryStore()) {
  return createEsiaClient({
    environment: 'test',
    clientId: CLIENT_ID,
    redirectUri: REDIRECT,
    signer: clientKeyPair().signer,
    scopes: ['openid', 'fullname'],
    accessType: 'offline',
    stateStore: store,
    tokenKeys: { jwks: await jwksOf() },
  });
}

/** A v3/te that answers like ESIA and records what it got. */
function tokenEndpoint(
  seen: URLSearchParams[],
  answer?: (form: URLSearchParams) => Promise<Response> | Response,
) {
  server.use(
    http.post(`${BASE}/aas/oauth2/v3/te`, async ({ request }) => {
      expect(request.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
      const form = new URLSearchParams(await request.text());
      seen.push(form);
      if (answer) {
        return answer(form);
      }
      return HttpResponse.json({
        access_token: await rsaToken(accessClaims(), 'access'),
        id_token: await rsaToken(idClaims(), 'id'),
        refresh_token: 'refresh-1',
        state: form.get('state'),
        token_type: 'Bearer',
        expires_in: 3600,
      });
    }),
  );
}

describe('handleCallback', () => {
  it('exchanges the code with a new state, the exact signed string and the same scope/redirect_uri', async () => {
    const seen: URLSearchParams[] = [];
    tokenEndpoint(seen);
    const esia = await makeClient();
    const { state } = await esia.authorizationUrl({ data: { back: '/diary' } });
    const tokens = await esia.handleCallback(`${REDIRECT}?code=${CODE}&state=${state}`);

    const form = seen[0] as URLSearchParams;
    expect([...form.keys()].sort()).toEqual(
      [
        'client_certificate_hash',
        'client_id',
        'client_secret',
        'code',
        'grant_type',
        'redirect_uri',
        'scope',
        'state',
        'timestamp',
        'token_type',
      ].sort(),
    );
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('token_type')).toBe('Bearer');
    expect(form.get('code')).toBe(CODE);
    expect(form.get('scope')).toBe('openid fullname');
    expect(form.get('redirect_uri')).toBe(REDIRECT);
    expect(form.get('state')).not.toBe(state);
    expect(form.get('timestamp')).toMatch(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2} \+0300$/);
    const signature = decodeBase64Url(form.get('client_secret') as string);
    expect(
      gostVerify(clientKeyPair().publicKey, new TextEncoder().encode(signedString.te(form)), signature),
    ).toBe(true);

    expect(tokens.oid).toBe('1000299353');
    expect(tokens.scopes).toEqual(['openid', 'fullname', 'snils']);
    expect(tokens.grantedScopes).toContain('fullname?oid=1000299353');
    expect(tokens.sid).toBe('a1b2c3d4-0000-4000-8000-000000000001');
    expect(tokens.refreshToken).toBe('refresh-1');
    expect(tokens.expiresAt.getTime()).toBe((accessClaims().exp as number) * 1000);
    expect(tokens.claims.id?.aud).toBe(CLIENT_ID);
    expect(tokens.data).toEqual({ back: '/diary' });
  });

  it('lets another client instance sharing the store finish the flow, exactly once', async () => {
    tokenEndpoint([]);
    const store = new MemoryStore();
    const first = await makeClient(store);
    const second = await makeClient(store);
    const { state } = await first.authorizationUrl();
    const tokens = await second.handleCallback({ code: CODE, state });
    expect(tokens.oid).toBe('1000299353');
    const again = await first.handleCallback({ code: CODE, state }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(EsiaError);
    expect((again as EsiaError).code).toBe('STATE_MISMATCH');
  });

  it('rejects an unknown or missing state without calling ESIA', async () => {
    const esia = await makeClient();
    await expect(esia.handleCallback({ code: CODE, state: 'forged' })).rejects.toMatchObject({
      code: 'STATE_MISMATCH',
    });
    await expect(esia.handleCallback(`?code=${CODE}`)).rejects.toMatchObject({ code: 'STATE_MISMATCH' });
  });

  it('turns an ESIA error redirect into a typed EsiaError with code, OAuth error and hint', async () => {
    const esia = await makeClient();
    const { state } = await esia.authorizationUrl();
    const error = (await esia
      .handleCallback(
        `${REDIRECT}?error=access_denied&error_description=${encodeURIComponent('ESIA-007053: OAuthErrorEnum.clientSecretWrong')}&state=${state}`,
      )
      .catch((e: unknown) => e)) as EsiaError;
    expect(error).toBeInstanceOf(EsiaError);
    expect(error.code).toBe('ESIA_ERROR');
    expect(error.esiaCode).toBe('ESIA-007053');
    expect(error.oauthError).toBe('access_denied');
    expect(error.hint?.ru).toMatch(/client_secret/);
    expect(error.hint?.en).toMatch(/DER certificate/);
    expect(error.message).toContain('ESIA-007053');
    // the state was consumed: a replay of the same URL is a state error now
    await expect(esia.handleCallback({ code: CODE, state })).rejects.toMatchObject({
      code: 'STATE_MISMATCH',
    });
  });

  it('maps the token endpoint 400 to EsiaError with the ESIA code', async () => {
    tokenEndpoint([], (form) =>
      HttpResponse.json(
        {
          error: 'invalid_grant',
          error_description:
            'ESIA-007011: The provided authorization grant or refresh token is invalid, expired, revoked',
          state: form.get('state'),
        },
        { status: 400 },
      ),
    );
    const esia = await makeClient();
    const { state } = await esia.authorizationUrl();
    const error = (await esia.handleCallback({ code: CODE, state }).catch((e: unknown) => e)) as EsiaError;
    expect(error).toMatchObject({
      code: 'ESIA_ERROR',
      esiaCode: 'ESIA-007011',
      oauthError: 'invalid_grant',
      status: 400,
    });
    expect(error.hint?.en).toMatch(/240 s/);
    expect(error.message).not.toContain(CODE);
  });

  it('refuses a token response that echoes another state', async () => {
    tokenEndpoint([], async () =>
      HttpResponse.json({
        access_token: await rsaToken(accessClaims(), 'access'),
        state: 'someone-else',
        token_type: 'Bearer',
        expires_in: 3600,
      }),
    );
    const esia = await makeClient();
    const { state } = await esia.authorizationUrl();
    await expect(esia.handleCallback({ code: CODE, state })).rejects.toMatchObject({
      code: 'STATE_MISMATCH',
    });
  });

  it('rejects a callback without code or error', async () => {
    const esia = await makeClient();
    const { state } = await esia.authorizationUrl();
    await expect(esia.handleCallback(new URLSearchParams({ state }))).rejects.toMatchObject({
      code: 'INVALID_CALLBACK',
    });
  });
});

describe('refresh and client credentials', () => {
  it('refresh signs the ilimurzin string and returns the rotated refresh token', async () => {
    const seen: URLSearchParams[] = [];
    tokenEndpoint(seen, async (form) =>
      HttpResponse.json({
        access_token: await rsaToken(accessClaims(), 'access'),
        refresh_token: 'refresh-2',
        state: form.get('state'),
        token_type: 'Bearer',
        expires_in: '3600',
      }),
    );
    const esia = await makeClient();
    const tokens = await esia.refresh('refresh-1');
    const form = seen[0] as URLSearchParams;
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe('refresh-1');
    expect(form.has('code')).toBe(false);
    const signature = decodeBase64Url(form.get('client_secret') as string);
    expect(
      gostVerify(clientKeyPair().publicKey, new TextEncoder().encode(signedString.ac(form)), signature),
    ).toBe(true);
    expect(tokens.refreshToken).toBe('refresh-2');
  });

  it('client_credentials signs client_id+scope+timestamp+state+redirect_uri', async () => {
    const seen: URLSearchParams[] = [];
    tokenEndpoint(seen, async (form) =>
      HttpResponse.json({
        access_token: await rsaToken(
          accessClaims({ 'urn:esia:sbj_id': undefined, scope: 'prm_chg' }),
          'access',
        ),
        state: form.get('state'),
        token_type: 'Bearer',
        expires_in: 3600,
      }),
    );
    const esia = await makeClient();
    const tokens = await esia.clientCredentials(['prm_chg?oid=1000299353']);
    const form = seen[0] as URLSearchParams;
    expect(form.get('grant_type')).toBe('client_credentials');
    const text = `${CLIENT_ID}${form.get('scope')}${form.get('timestamp')}${form.get('state')}${form.get('redirect_uri')}`;
    const signature = decodeBase64Url(form.get('client_secret') as string);
    expect(gostVerify(clientKeyPair().publicKey, new TextEncoder().encode(text), signature)).toBe(true);
    expect(tokens.oid).toBeUndefined();
    expect(tokens.scopes).toEqual(['prm_chg']);
  });
});
