import {
  certificateKeys,
  createClientSecret,
  esiaTimestamp,
  jwksKeys,
  streebog256,
  verifyJwt,
} from '@goskit/crypto';
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import { verifyEsiaAccessToken } from '../src/portals/esia/index.js';
import {
  acRequest,
  authorizeQuery,
  bodyOf,
  codeExchangeForm,
  demoSigner,
  jsonOf,
  locationOf,
  loginAndConsent,
  newSim,
  REDIRECT,
  request,
  SCOPE,
} from './esia-support.js';

async function obtainCode(
  sim: Simulator,
  login = 'ivan.ivanov',
  accessType: 'online' | 'offline' = 'offline',
) {
  const started = await sim.handle(acRequest(await authorizeQuery(sim, { accessType })));
  const back = await loginAndConsent(sim, started, login);
  return locationOf(back).searchParams.get('code') as string;
}

const te = (form: Record<string, string>) => request('POST', '/aas/oauth2/v3/te', { form });

async function exchange(sim: Simulator, accessType: 'online' | 'offline' = 'offline') {
  const code = await obtainCode(sim, 'ivan.ivanov', accessType);
  const response = await sim.handle(te(await codeExchangeForm(sim, code)));
  expect(response.status, bodyOf(response)).toBe(200);
  return jsonOf(response) as {
    access_token: string;
    id_token: string;
    refresh_token?: string;
    state: string;
  };
}

function expectTokenError(
  response: { status: number; body?: string | Uint8Array },
  code: string,
  state?: string,
) {
  expect(response.status).toBe(400);
  const body = JSON.parse(typeof response.body === 'string' ? response.body : '');
  expect(body.error_description).toMatch(new RegExp(`^ESIA-${code}: `));
  if (state !== undefined) {
    expect(body.state).toBe(state);
  }
  return body as { error: string; error_description: string; state?: string };
}

/** An organisation scope a system asks for itself. */
const ORG_SCOPE = 'http://esia.gosuslugi.ru/org_ogrn?org_oid=1000';

describe('POST /aas/oauth2/v3/te', () => {
  it('tokens verify with the published JWKS and carry the reference claims', async () => {
    const sim = newSim();
    const tokens = await exchange(sim);
    const jwks = jsonOf(await sim.handle(request('GET', '/aas/oauth2/jwks'))) as unknown as Parameters<
      typeof jwksKeys
    >[0];
    const parent = sim.demo.personas.find((persona) => persona.id === 'parent-ivanov');
    const now = () => sim.clock.now();
    const access = await verifyJwt(tokens.access_token, {
      algorithms: ['RS256'],
      keys: jwksKeys(jwks),
      issuer: 'http://esia-portal1.test.gosuslugi.ru/',
      now,
    });
    expect(access.header).toMatchObject({ ver: 1, typ: 'JWT', sbt: 'access', alg: 'RS256' });
    expect(access.payload).toMatchObject({
      client_id: 'GOSKIT_DEMO',
      'urn:esia:sbj_id': Number(parent?.oid),
    });
    expect(access.payload.scope).toBe(
      `openid fullname?oid=${parent?.oid} birthdate?oid=${parent?.oid} snils?oid=${parent?.oid} email?oid=${parent?.oid} mobile?oid=${parent?.oid}`,
    );
    expect((access.payload.exp as number) - (access.payload.iat as number)).toBe(3600);
    expect(access.payload['urn:esia:sid']).toMatch(/^[0-9a-f-]{36}$/);
    const id = await verifyJwt(tokens.id_token, {
      algorithms: ['RS256'],
      keys: jwksKeys(jwks),
      audience: 'GOSKIT_DEMO',
      now,
    });
    expect(id.header.sbt).toBe('id');
    expect(id.payload).toMatchObject({
      sub: Number(parent?.oid),
      amr: 'PWD',
      'urn:esia:sbj': {
        typ: 'P',
        is_tru: true,
        oid: Number(parent?.oid),
        nam: `OID.${parent?.oid}`,
        lvl: 'PR',
      },
    });
    expect(id.payload['urn:esia:sid']).toBe(access.payload['urn:esia:sid']);
    // The x5c certificate verifies the same token.
    const certificate = (jwks.keys[0] as { x5c: string[] }).x5c[0] as string;
    await expect(
      verifyJwt(tokens.access_token, {
        algorithms: ['RS256'],
        keys: certificateKeys([Buffer.from(certificate, 'base64')]),
        now,
      }),
    ).resolves.toBeTruthy();
  });

  it('GOST3410_2012_256 option: tokens verify with the certificate from the JWKS', async () => {
    const sim = newSim({ tokenAlg: 'GOST3410_2012_256' });
    const tokens = await exchange(sim);
    const jwks = jsonOf(await sim.handle(request('GET', '/aas/oauth2/jwks'))) as {
      keys: { alg: string; x5c: string[] }[];
    };
    expect(jwks.keys[0]?.alg).toBe('GOST3410_2012_256');
    const certificate = Buffer.from(jwks.keys[0]?.x5c[0] as string, 'base64');
    const verified = await verifyJwt(tokens.id_token, {
      algorithms: ['GOST3410_2012_256'],
      keys: certificateKeys([certificate]),
      now: () => sim.clock.now(),
    });
    expect(verified.header.alg).toBe('GOST3410_2012_256');
  });

  it('the code is single use: second exchange → 400 invalid_grant ESIA-007011 with the state', async () => {
    const sim = newSim();
    const code = await obtainCode(sim);
    expect((await sim.handle(te(await codeExchangeForm(sim, code)))).status).toBe(200);
    const again = await codeExchangeForm(sim, code, { state: 'second-state' });
    const body = expectTokenError(await sim.handle(te(again)), '007011', 'second-state');
    expect(body.error).toBe('invalid_grant');
  });

  it('the code expires 240 s after issue on the virtual clock', async () => {
    const sim = newSim();
    const code = await obtainCode(sim);
    sim.clock.advance(239_000);
    const inTime = await codeExchangeForm(sim, code);
    sim.clock.advance(2_000);
    expectTokenError(await sim.handle(te(inTime)), '007011');
    const fresh = newSim();
    const freshCode = await obtainCode(fresh);
    fresh.clock.advance(239_000);
    expect((await fresh.handle(te(await codeExchangeForm(fresh, freshCode)))).status).toBe(200);
  });

  it('redirect_uri and scope must equal the authorization request', async () => {
    const sim = newSim();
    const code = await obtainCode(sim);
    expectTokenError(
      await sim.handle(te(await codeExchangeForm(sim, code, { redirectUri: 'http://localhost:3000/other' }))),
      '007011',
    );
    expectTokenError(
      await sim.handle(te(await codeExchangeForm(sim, code, { scope: 'openid fullname' }))),
      '007006',
    );
    // The failed attempts did not consume the code.
    expect((await sim.handle(te(await codeExchangeForm(sim, code)))).status).toBe(200);
  });

  it('client authentication: unknown client, wrong hash, wrong signature, stale timestamp, missing field', async () => {
    const sim = newSim();
    const code = await obtainCode(sim);
    const form = await codeExchangeForm(sim, code);
    expect(expectTokenError(await sim.handle(te({ ...form, client_id: 'NOPE' })), '007005').error).toBe(
      'unauthorized_client',
    );
    expectTokenError(await sim.handle(te({ ...form, client_certificate_hash: 'B'.repeat(64) })), '007053');
    const signedOther = await codeExchangeForm(sim, code, { state: 'aaaa' });
    expectTokenError(
      await sim.handle(te({ ...form, client_secret: signedOther.client_secret as string })),
      '007053',
    );
    const { client_secret: _omit, ...withoutSecret } = form;
    const missing = expectTokenError(await sim.handle(te(withoutSecret)), '007014', form.state);
    expect(missing.error_description).toContain('[client_secret]');
    sim.clock.advance('PT10M');
    expectTokenError(await sim.handle(te(form)), '007015');
  });

  it('unsupported grant type → ESIA-007009', async () => {
    const sim = newSim();
    expectTokenError(await sim.handle(te({ grant_type: 'password', state: 's' })), '007009', 's');
  });

  it('refresh_token only with access_type=offline (configurable)', async () => {
    expect((await exchange(newSim(), 'online')).refresh_token).toBeUndefined();
    expect(typeof (await exchange(newSim(), 'offline')).refresh_token).toBe('string');
    expect(typeof (await exchange(newSim({ refreshTokens: 'always' }), 'online')).refresh_token).toBe(
      'string',
    );
  });

  it('refresh_token grant with the ilimurzin signed string rotates the refresh token', async () => {
    const sim = newSim();
    const tokens = await exchange(sim);
    const refresh = async (refreshToken: string) => {
      const state = sim.random.uuid();
      const timestamp = esiaTimestamp(sim.clock.date());
      const secret = await createClientSecret(demoSigner(sim), {
        flow: 'refresh_token',
        clientId: 'GOSKIT_DEMO',
        scope: SCOPE,
        timestamp,
        state,
        redirectUri: REDIRECT,
      });
      return sim.handle(
        te({
          client_id: 'GOSKIT_DEMO',
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_certificate_hash: secret.clientCertificateHash,
          client_secret: secret.clientSecret,
          state,
          redirect_uri: REDIRECT,
          scope: SCOPE,
          timestamp,
          token_type: 'Bearer',
        }),
      );
    };
    sim.clock.advance('PT2H');
    const first = await refresh(tokens.refresh_token as string);
    expect(first.status, bodyOf(first)).toBe(200);
    const next = jsonOf(first) as { access_token: string; refresh_token: string };
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expectTokenError(await refresh(tokens.refresh_token as string), '007011');
    expect((await refresh(next.refresh_token)).status).toBe(200);
  });

  it('refresh and client_credentials issue a new token every time, even on a frozen clock (fresh jti)', async () => {
    const sim = newSim();
    const tokens = await exchange(sim);
    const grant = async (
      fields: Record<string, string>,
      flow: 'refresh_token' | 'client_credentials',
      scope: string,
    ) => {
      const state = sim.random.uuid();
      const timestamp = esiaTimestamp(sim.clock.date());
      const secret = await createClientSecret(demoSigner(sim), {
        flow,
        clientId: 'GOSKIT_DEMO',
        scope,
        timestamp,
        state,
        redirectUri: REDIRECT,
      });
      const response = await sim.handle(
        te({
          client_id: 'GOSKIT_DEMO',
          client_certificate_hash: secret.clientCertificateHash,
          client_secret: secret.clientSecret,
          state,
          redirect_uri: REDIRECT,
          scope,
          timestamp,
          token_type: 'Bearer',
          ...fields,
        }),
      );
      expect(response.status, bodyOf(response)).toBe(200);
      return jsonOf(response) as { access_token: string; refresh_token?: string };
    };
    const jti = (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).jti;
    const first = await grant(
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string },
      'refresh_token',
      SCOPE,
    );
    const second = await grant(
      { grant_type: 'refresh_token', refresh_token: first.refresh_token as string },
      'refresh_token',
      SCOPE,
    );
    expect(second.access_token).not.toBe(first.access_token);
    expect(new Set([jti(tokens.access_token), jti(first.access_token), jti(second.access_token)]).size).toBe(
      3,
    );
    const a = await grant({ grant_type: 'client_credentials' }, 'client_credentials', ORG_SCOPE);
    const b = await grant({ grant_type: 'client_credentials' }, 'client_credentials', ORG_SCOPE);
    expect(b.access_token).not.toBe(a.access_token);
    expect(jti(b.access_token)).not.toBe(jti(a.access_token));
  });

  it('client_credentials issues an access token without a user (a system scope; prm_chg?oid= renews a consent: esia-permissions.test.ts)', async () => {
    const sim = newSim();
    const state = sim.random.uuid();
    const timestamp = esiaTimestamp(sim.clock.date());
    const scope = ORG_SCOPE;
    const secret = await createClientSecret(demoSigner(sim), {
      flow: 'client_credentials',
      clientId: 'GOSKIT_DEMO',
      scope,
      timestamp,
      state,
      redirectUri: REDIRECT,
    });
    const form = {
      client_id: 'GOSKIT_DEMO',
      grant_type: 'client_credentials',
      client_certificate_hash: secret.clientCertificateHash,
      client_secret: secret.clientSecret,
      state,
      redirect_uri: REDIRECT,
      scope,
      timestamp,
      token_type: 'Bearer',
    };
    const response = await sim.handle(te(form));
    expect(response.status, bodyOf(response)).toBe(200);
    const body = jsonOf(response);
    expect(body.id_token).toBeUndefined();
    expect(body.refresh_token).toBeUndefined();
    const payload = JSON.parse(
      Buffer.from((body.access_token as string).split('.')[1] as string, 'base64url').toString(),
    );
    expect(payload.scope).toBe(scope);
    expect(payload['urn:esia:sbj_id']).toBeUndefined();
    expectTokenError(await sim.handle(te({ ...form, redirect_uri: 'http://localhost:3000/x' })), '007053');
  });
});

describe('journal', () => {
  it('never keeps client_secret, codes or tokens in clear', async () => {
    const sim = newSim();
    const tokens = await exchange(sim);
    const entries = JSON.stringify(sim.journal.entries());
    expect(entries).not.toContain(tokens.access_token);
    expect(entries).not.toContain(tokens.id_token);
    expect(entries).not.toContain(tokens.refresh_token as string);
    const ac = sim.journal.find({ operation: 'authorize' })[0];
    expect(ac?.url).not.toMatch(/client_secret=[A-Za-z0-9_-]{20}/);
  });
});

describe('refresh signed-string variants [unconfirmed]', () => {
  async function refreshWith(sim: Simulator, token: string, variant: 'ilimurzin' | 'aisgorod') {
    const state = sim.random.uuid();
    const timestamp = esiaTimestamp(sim.clock.date());
    const secret = await createClientSecret(demoSigner(sim), {
      flow: 'refresh_token',
      refreshVariant: variant,
      clientId: 'GOSKIT_DEMO',
      scope: SCOPE,
      timestamp,
      state,
      redirectUri: REDIRECT,
      refreshToken: token,
    });
    const form: Record<string, string> = {
      client_id: 'GOSKIT_DEMO',
      grant_type: 'refresh_token',
      refresh_token: token,
      client_certificate_hash: secret.clientCertificateHash,
      client_secret: secret.clientSecret,
      state,
      scope: SCOPE,
      timestamp,
      token_type: 'Bearer',
    };
    if (variant === 'ilimurzin') {
      form.redirect_uri = REDIRECT;
    }
    return sim.handle(te(form));
  }

  it("default 'ilimurzin' refuses the AISGorod string; 'aisgorod' and 'either' accept it", async () => {
    const strict = newSim();
    expectTokenError(
      await refreshWith(strict, (await exchange(strict)).refresh_token as string, 'aisgorod'),
      '007014',
    );
    const aisgorod = newSim({ refreshSignedString: 'aisgorod' });
    expect(
      (await refreshWith(aisgorod, (await exchange(aisgorod)).refresh_token as string, 'aisgorod')).status,
    ).toBe(200);
    const either = newSim({ refreshSignedString: 'either' });
    const first = await refreshWith(either, (await exchange(either)).refresh_token as string, 'aisgorod');
    expect(first.status).toBe(200);
    const rotated = jsonOf(first).refresh_token as string;
    expect((await refreshWith(either, rotated, 'ilimurzin')).status).toBe(200);
  });
});

describe('PKCE [method names unconfirmed]', () => {
  it.each(['S256', 'GOST3411'])(
    'code_challenge_method=%s: missing verifier → 007039, wrong → 007040, right → 200',
    async (method) => {
      const sim = newSim();
      const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
      const digest =
        method === 'S256'
          ? new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)))
          : streebog256(new TextEncoder().encode(verifier));
      const challenge = Buffer.from(digest).toString('base64url');
      const query = await authorizeQuery(sim);
      const started = await sim.handle(
        acRequest({ ...query, code_challenge: challenge, code_challenge_method: method }),
      );
      const back = await loginAndConsent(sim, started, 'ivan.ivanov');
      const code = locationOf(back).searchParams.get('code') as string;
      const form = await codeExchangeForm(sim, code);
      expectTokenError(await sim.handle(te(form)), '007039');
      expectTokenError(await sim.handle(te({ ...form, code_verifier: 'wrong' })), '007040');
      expect((await sim.handle(te({ ...form, code_verifier: verifier }))).status).toBe(200);
    },
  );
});

describe('state of the token request', () => {
  it('must be new: reusing the v2/ac state → ESIA-007003 (configurable)', async () => {
    const sim = newSim();
    const started = await sim.handle(acRequest(await authorizeQuery(sim, { state: 'ac-state' })));
    const code = locationOf(await loginAndConsent(sim, started, 'ivan.ivanov')).searchParams.get(
      'code',
    ) as string;
    expectTokenError(
      await sim.handle(te(await codeExchangeForm(sim, code, { state: 'ac-state' }))),
      '007003',
      'ac-state',
    );
    const lenient = newSim({ requireNewState: false });
    const again = await lenient.handle(acRequest(await authorizeQuery(lenient, { state: 'ac-state' })));
    const code2 = locationOf(await loginAndConsent(lenient, again, 'ivan.ivanov')).searchParams.get(
      'code',
    ) as string;
    expect(
      (await lenient.handle(te(await codeExchangeForm(lenient, code2, { state: 'ac-state' })))).status,
    ).toBe(200);
  });
});

describe('verifyEsiaAccessToken (for other portals, e.g. EPGU)', () => {
  it('accepts the portal’s access tokens with URL scopes kept as sent, refuses others', async () => {
    const sim = newSim();
    const scope = 'openid fullname http://lk.gosuslugi.ru/api-order';
    const started = await sim.handle(acRequest(await authorizeQuery(sim, { scope })));
    const code = locationOf(await loginAndConsent(sim, started, 'ivan.ivanov')).searchParams.get(
      'code',
    ) as string;
    const tokens = jsonOf(await sim.handle(te(await codeExchangeForm(sim, code, { scope })))) as {
      access_token: string;
      id_token: string;
    };
    const grant = await verifyEsiaAccessToken(sim, tokens.access_token);
    const oid = sim.demo.personas.find((persona) => persona.login === 'ivan.ivanov')?.oid;
    expect(grant).toMatchObject({ oid, clientId: 'GOSKIT_DEMO' });
    expect(grant?.scopes).toContain('http://lk.gosuslugi.ru/api-order');
    expect(grant?.scope).toContain(`fullname?oid=${oid}`);
    expect(await verifyEsiaAccessToken(sim, tokens.id_token)).toBeUndefined();
    expect(await verifyEsiaAccessToken(sim, 'garbage')).toBeUndefined();
    sim.clock.advance('PT2H');
    expect(await verifyEsiaAccessToken(sim, tokens.access_token)).toBeUndefined();
  });
});
