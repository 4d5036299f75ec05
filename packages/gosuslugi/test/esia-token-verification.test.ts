import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEsiaClient, type EsiaClientOptions, EsiaError } from '../src/index.js';
import {
  accessClaims,
  BASE,
  CLIENT_ID,
  clientKeyPair,
  gostToken,
  idClaims,
  issuerKeys,
  jwksOf,
  noneToken,
  REDIRECT,
  rsaToken,
} from './helpers/esia-fixtures.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Serves the given tokens at v3/te and runs a full callback. */
async function exchange(tokens: { access: string; id?: string }, extra: Partial<EsiaClientOptions> = {}) {
  server.use(
    http.post(`${BASE}/aas/oauth2/v3/te`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      return HttpResponse.json({
        access_token: tokens.access,
        ...(tokens.id ? { id_token: tokens.id } : {}),
        state: form.get('state'),
        token_type: 'Bearer',
        expires_in: 3600,
      });
    }),
  );
  const esia = createEsiaClient({
    environment: 'test',
    clientId: CLIENT_ID,
    redirectUri: REDIRECT,
    signer: clientKeyPair().signer,
    scopes: ['openid', 'fullname'],
    tokenKeys: { jwks: await jwksOf() },
    ...extra,
  });
  const { state } = await esia.authorizationUrl();
  return esia.handleCallback({ code: 'c.o.de', state });
}

async function rejection(tokens: { access: string; id?: string }, extra: Partial<EsiaClientOptions> = {}) {
  const error = await exchange(tokens, extra).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EsiaError);
  expect((error as EsiaError).code).toBe('TOKEN_INVALID');
  return (error as EsiaError).reason;
}

const flip = (token: string) => {
  const [h, p, s] = token.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  payload['urn:esia:sbj_id'] = 1; // another user
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
};

describe('token verification matrix', () => {
  it('accepts RS256 tokens signed with the configured key', async () => {
    const tokens = await exchange({
      access: await rsaToken(accessClaims(), 'access'),
      id: await rsaToken(idClaims(), 'id'),
    });
    expect(tokens.oid).toBe('1000299353');
  });

  it('accepts GOST3410_2012_256 tokens verified through a certificate', async () => {
    const keys = await issuerKeys();
    const tokens = await exchange(
      { access: await gostToken(accessClaims(), 'access'), id: await gostToken(idClaims(), 'id') },
      { tokenKeys: { certificates: [keys.gostCertificatePem] } },
    );
    expect(tokens.claims.access.client_id).toBe(CLIENT_ID);
  });

  it('rejects a tampered payload', async () => {
    expect(await rejection({ access: flip(await rsaToken(accessClaims(), 'access')) })).toBe(
      'SIGNATURE_MISMATCH',
    );
  });

  it('rejects a tampered GOST token', async () => {
    const keys = await issuerKeys();
    const reason = await rejection(
      { access: flip(await gostToken(accessClaims(), 'access')) },
      { tokenKeys: { certificates: [keys.gostCertificatePem] } },
    );
    expect(reason).toBe('SIGNATURE_MISMATCH');
  });

  it('rejects an expired token (beyond the skew) and a not-yet-valid one', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    expect(
      await rejection({
        access: await rsaToken(accessClaims({ iat: past, nbf: past, exp: past + 3600 }), 'access'),
      }),
    ).toBe('TOKEN_EXPIRED');
    const future = Math.floor(Date.now() / 1000) + 600;
    expect(await rejection({ access: await rsaToken(accessClaims({ nbf: future }), 'access') })).toBe(
      'TOKEN_NOT_YET_VALID',
    );
  });

  it('tolerates expiry within the configured clock skew', async () => {
    const justExpired = Math.floor(Date.now() / 1000) - 30;
    const tokens = await exchange(
      { access: await rsaToken(accessClaims({ exp: justExpired }), 'access') },
      { clockSkewSec: 120 },
    );
    expect(tokens.expiresAt.getTime()).toBe(justExpired * 1000);
  });

  it('rejects an id_token for another audience', async () => {
    const reason = await rejection({
      access: await rsaToken(accessClaims(), 'access'),
      id: await rsaToken(idClaims({ aud: 'OTHER_SYSTEM' }), 'id'),
    });
    expect(reason).toBe('TOKEN_CLAIM_INVALID');
  });

  it('rejects an access token issued to another client', async () => {
    expect(await rejection({ access: await rsaToken(accessClaims({ client_id: 'OTHER' }), 'access') })).toBe(
      'TOKEN_CLAIM_INVALID',
    );
  });

  it('rejects a wrong issuer (production iss on the test stand)', async () => {
    expect(
      await rejection({
        access: await rsaToken(accessClaims({ iss: 'http://esia.gosuslugi.ru/' }), 'access'),
      }),
    ).toBe('TOKEN_CLAIM_INVALID');
  });

  it('rejects alg none', async () => {
    expect(await rejection({ access: noneToken(accessClaims()) })).toBe('ALGORITHM_NOT_ALLOWED');
  });

  it('rejects an algorithm outside the allow-list', async () => {
    const reason = await rejection(
      { access: await rsaToken(accessClaims(), 'access') },
      { algorithms: ['GOST3410_2012_256'] },
    );
    expect(reason).toBe('ALGORITHM_NOT_ALLOWED');
  });

  it('rejects a token signed by a key ESIA never published', async () => {
    expect(await rejection({ access: await rsaToken(accessClaims(), 'access', 'attacker') })).toMatch(
      /SIGNATURE_MISMATCH|KEY_NOT_FOUND/,
    );
  });

  it('rejects an access token and id_token of different users', async () => {
    const reason = await rejection({
      access: await rsaToken(accessClaims(), 'access'),
      id: await rsaToken(idClaims({ sub: 42 }), 'id'),
    });
    expect(reason).toBe('TOKEN_CLAIM_INVALID');
  });

  it('follows a key rotation through jwksUrl (reload on an unknown key)', async () => {
    let jwksRequests = 0;
    let published = await jwksOf('main');
    let access = await rsaToken(accessClaims(), 'access', 'main');
    server.use(
      http.get('https://keys.example/jwks', () => {
        jwksRequests += 1;
        return HttpResponse.json(published);
      }),
      http.post(`${BASE}/aas/oauth2/v3/te`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        return HttpResponse.json({
          access_token: access,
          state: form.get('state'),
          token_type: 'Bearer',
          expires_in: 3600,
        });
      }),
    );
    const esia = createEsiaClient({
      environment: 'test',
      clientId: CLIENT_ID,
      redirectUri: REDIRECT,
      signer: clientKeyPair().signer,
      scopes: ['openid'],
      tokenKeys: { jwksUrl: 'https://keys.example/jwks', cooldownMs: 0 },
    });
    const login = async () =>
      esia.handleCallback({ code: 'c.o.de', state: (await esia.authorizationUrl()).state });
    await login();
    await login();
    expect(jwksRequests).toBe(1); // cached
    // ESIA rotates its key: the first check fails, the keys are reloaded once, the token passes.
    published = await jwksOf('rotated');
    access = await rsaToken(accessClaims(), 'access', 'rotated');
    expect((await login()).oid).toBe('1000299353');
    expect(jwksRequests).toBe(2);
    // A token of a key nobody published still fails after the reload.
    access = await rsaToken(accessClaims(), 'access', 'attacker');
    await expect(login()).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    expect(jwksRequests).toBe(3);
  });
});
