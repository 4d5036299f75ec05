/**
 * ESIA `permissions` (Digital Profile consents, APIPGU for EPGU) end to end inside the ESIA portal:
 * the authorization request's checks, the consent page, the tokens' claims and lifetime, and the
 * system's renewal of a consent token with `prm_chg?oid=…` (client_credentials).
 */
import { createClientSecret, decodeJwtUnverified, esiaTimestamp } from '@goskit/crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import { verifyEsiaAccessToken } from '../src/portals/esia/index.js';
import {
  acRequest,
  authorizeQuery,
  bodyOf,
  clientCredentialsForm,
  codeExchangeForm,
  demoSigner,
  encodePermissions,
  jsonOf,
  locationOf,
  loginAndConsent,
  newSim,
  REDIRECT,
  request,
} from './esia-support.js';

const API_ORDER = 'http://lk.gosuslugi.ru/api-order';

let sim: Simulator;
afterEach(() => {
  expect(sim.contractViolations()).toEqual([]);
});

const parentOid = (local: Simulator) =>
  local.demo.personas.find((persona) => persona.login === 'ivan.ivanov')?.oid as string;

/** The errors of v2/ac for a `permissions` value: ESIA code of the redirect back. */
async function refusalOf(local: Simulator, permissions: string): Promise<string> {
  const response = await local.handle(
    acRequest(await authorizeQuery(local, { scope: 'openid', permissions })),
  );
  expect(response.status).toBe(302);
  const back = locationOf(response);
  expect(back.origin + back.pathname).toBe('http://localhost:3000/callback');
  return back.searchParams.get('error_description') ?? `(no error: ${back.toString()})`;
}

/** Login with permissions, consent, and the token answer. */
async function consentTokens(
  local: Simulator,
  options: { permissions?: string; scope?: string; accessType?: 'online' | 'offline' } = {},
) {
  const scope = options.scope ?? 'openid';
  const query = await authorizeQuery(local, {
    scope,
    permissions: options.permissions ?? encodePermissions(),
    accessType: options.accessType ?? 'online',
  });
  const back = await loginAndConsent(local, await local.handle(acRequest(query)), 'ivan.ivanov');
  const code = locationOf(back).searchParams.get('code') as string;
  const form = await codeExchangeForm(local, code, { scope });
  const response = await local.handle(request('POST', '/aas/oauth2/v3/te', { form }));
  expect(response.status, bodyOf(response)).toBe(200);
  return jsonOf(response);
}

describe('ESIA permissions: the authorization request', () => {
  it('checks the consents with the ESIA-0367xx codes go-api-epgu lists', async () => {
    sim = newSim();
    const cases: [string, string][] = [
      [encodePermissions([{ sysname: '' }]), 'ESIA-036700'],
      [encodePermissions([{ sysname: 'NOPE' }]), 'ESIA-036701'],
      [encodePermissions([{ scopes: ['snils'] }]), 'ESIA-036702'],
      [encodePermissions([{ scopes: [API_ORDER, 'kid_snils'] }]), 'ESIA-036703'],
      [encodePermissions([{ actions: [] }]), 'ESIA-036705'],
      [encodePermissions([{ actions: ['DELETE_EVERYTHING'] }]), 'ESIA-036706'],
      [encodePermissions([{ purposes: [] }]), 'ESIA-036707'],
      [encodePermissions([{ expire: 525_601 }]), 'ESIA-036716'],
      [encodePermissions([{ expire: 0 }]), 'ESIA-036716'],
      [encodePermissions([{ purposes: ['MARKETING'] }]), 'ESIA-036726'],
      [encodePermissions([{ purposes: ['APIPGU', 'APIPGU'] }]), 'ESIA-036727'],
      ['not base64 !!', 'ESIA-007038'],
      [Buffer.from('{"sysname":"APIPGU"}').toString('base64url'), 'ESIA-007038'],
      [Buffer.from('[]').toString('base64url'), 'ESIA-007038'],
      [encodePermissions([{}, {}]), 'ESIA-007038'],
    ];
    for (const [permissions, code] of cases) {
      expect(await refusalOf(sim, permissions), permissions).toMatch(new RegExp(`^${code}: `));
    }
  });

  it('accepts padded base64url and a consent without expire (the type’s longest: a year)', async () => {
    sim = newSim();
    const json = JSON.stringify([
      {
        sysname: 'APIPGU',
        actions: [{ sysname: 'ALL_ACTIONS_TO_DATA' }],
        purposes: [{ sysname: 'APIPGU' }],
        scopes: [{ sysname: API_ORDER }],
      },
    ]);
    const unpadded = Buffer.from(json).toString('base64url');
    // go-api-epgu sends it unpadded; a padded value is read too.
    const padded = unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4);
    expect(padded).toMatch(/=$/);
    const response = await sim.handle(
      acRequest(await authorizeQuery(sim, { scope: 'openid', permissions: padded })),
    );
    expect(locationOf(response).pathname).toBe('/login');
  });

  it('the consent page lists each consent: type, organisation, purpose, actions, data, how long', async () => {
    sim = newSim();
    const query = await authorizeQuery(sim, {
      scope: 'openid fullname',
      permissions: encodePermissions([
        { responsibleObject: 'ООО «Школьный портал»', expire: 10_080, scopes: [API_ORDER, 'snils'] },
      ]),
    });
    const loginPage = await sim.handle(acRequest(query));
    const rid = locationOf(loginPage).searchParams.get('rid') as string;
    await sim.handle(
      request('POST', '/login', {
        form: { rid, login: 'ivan.ivanov', password: 'goskit-demo', code: '123456' },
      }),
    );
    const page = bodyOf(await sim.handle(request('GET', `/consent?rid=${rid}`)));
    expect(page).toContain('Фамилия, имя и отчество');
    expect(page).toContain('data-sysname="APIPGU"');
    expect(page).toContain('Подача заявлений на Госуслугах через информационную систему');
    expect(page).toContain('Получатель: ООО «Школьный портал»');
    expect(page).toContain('Срок действия согласия: 7 дн.');
    expect(page).toContain('Подача заявлений и получение сведений о них через API Госуслуг');
    expect(page).toContain('Все действия с данными');
    expect(page).toContain('Подача заявлений и сведения о них на Госуслугах (API ЕПГУ)');
    expect(page).toContain('(snils)');
  });
});

describe('ESIA permissions: tokens', () => {
  it('the access token carries the consent (`permissions`), its scopes, and lives a day', async () => {
    sim = newSim();
    const body = await consentTokens(sim);
    expect(body.expires_in).toBe(86_400);
    const claims = decodeJwtUnverified(body.access_token as string).payload;
    expect(claims.exp).toBe((claims.iat as number) + 86_400);
    expect(String(claims.scope).split(' ')).toEqual(['openid', API_ORDER]);
    expect(claims.permissions).toEqual([
      {
        sysname: 'APIPGU',
        responsibleObject: 'ООО «Демо»',
        expire: 525_600,
        exp: Math.floor(sim.clock.now() / 1000) + 525_600 * 60,
        actions: [{ sysname: 'ALL_ACTIONS_TO_DATA' }],
        purposes: [{ sysname: 'APIPGU' }],
        scopes: [{ sysname: API_ORDER }],
      },
    ]);
    // What other portals see through the identity service.
    const grant = await verifyEsiaAccessToken(sim, body.access_token as string);
    expect(grant?.permissions).toEqual([
      expect.objectContaining({ sysname: 'APIPGU', scopes: [API_ORDER], purposes: ['APIPGU'] }),
    ]);
    // Tokens without consents keep the ordinary lifetime.
    const plain = await consentTokens(sim, { permissions: '' });
    expect(plain.expires_in).toBe(3600);
  });

  it('permissionTokenTtlSeconds sets the consent token lifetime', async () => {
    sim = newSim({ permissionTokenTtlSeconds: 3600 });
    expect((await consentTokens(sim)).expires_in).toBe(3600);
  });

  it('a refused consent records nothing', async () => {
    sim = newSim();
    const query = await authorizeQuery(sim, { scope: 'openid', permissions: encodePermissions() });
    const back = await loginAndConsent(
      sim,
      await sim.handle(acRequest(query)),
      'ivan.ivanov',
      undefined,
      'deny',
    );
    expect(locationOf(back).searchParams.get('error')).toBe('access_denied');
    const form = await clientCredentialsForm(sim, `prm_chg?oid=${parentOid(sim)}`);
    const renewal = await sim.handle(request('POST', '/aas/oauth2/v3/te', { form }));
    expect(renewal.status).toBe(400);
    expect(jsonOf(renewal).error_description).toMatch(/^ESIA-007019: /);
  });
});

describe('ESIA permissions: the system renews the token (client_credentials, prm_chg?oid=…)', () => {
  it('gives a token for the person carrying the active consents, without an id_token', async () => {
    sim = newSim();
    await consentTokens(sim);
    sim.clock.advance('P2D');
    const oid = parentOid(sim);
    const form = await clientCredentialsForm(sim, `prm_chg?oid=${oid}`);
    const response = await sim.handle(request('POST', '/aas/oauth2/v3/te', { form }));
    expect(response.status, bodyOf(response)).toBe(200);
    const body = jsonOf(response);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 86_400, state: form.state });
    expect(body.id_token).toBeUndefined();
    expect(body.refresh_token).toBeUndefined();
    const claims = decodeJwtUnverified(body.access_token as string).payload;
    expect(claims['urn:esia:sbj_id']).toBe(Number(oid));
    expect(claims.client_id).toBe('GOSKIT_DEMO');
    expect((claims.permissions as { sysname: string }[]).map((p) => p.sysname)).toEqual(['APIPGU']);
    expect(String(claims.scope)).toContain(API_ORDER);
  });

  it('ESIA-007019 once the consent has expired or for a person who gave none; 007006 for a malformed scope', async () => {
    sim = newSim();
    await consentTokens(sim, { permissions: encodePermissions([{ expire: 60 }]) });
    const oid = parentOid(sim);
    const renew = async (scope: string) =>
      sim.handle(request('POST', '/aas/oauth2/v3/te', { form: await clientCredentialsForm(sim, scope) }));
    expect((await renew(`prm_chg?oid=${oid}`)).status).toBe(200);
    const stranger = await renew('prm_chg?oid=1000000999');
    expect(jsonOf(stranger).error_description).toMatch(
      /^ESIA-007019: .*no unexpired consent of OID 1000000999/,
    );
    expect(jsonOf(await renew('prm_chg?oid=abc')).error_description).toMatch(/^ESIA-007006: /);
    expect(jsonOf(await renew(`prm_chg?oid=${oid} prm_chg?oid=1`)).error_description).toMatch(
      /^ESIA-007006: /,
    );
    sim.clock.advance('PT61M');
    expect(jsonOf(await renew(`prm_chg?oid=${oid}`)).error_description).toMatch(/^ESIA-007019: /);
  });

  it('an offline login’s refresh carries the consents while they last', async () => {
    sim = newSim();
    const first = await consentTokens(sim, {
      accessType: 'offline',
      permissions: encodePermissions([{ expire: 120 }]),
    });
    const refresh = async (refreshToken: string) =>
      jsonOf(await sim.handle(await refreshRequest(sim, refreshToken)));
    const second = await refresh(first.refresh_token as string);
    expect(second.expires_in).toBe(86_400);
    expect(decodeJwtUnverified(second.access_token as string).payload.permissions).toHaveLength(1);
    sim.clock.advance('PT3H');
    const third = await refresh(second.refresh_token as string);
    expect(third.expires_in).toBe(3600);
    expect(decodeJwtUnverified(third.access_token as string).payload.permissions).toBeUndefined();
  });

  it('a refresh carries only its own login’s consents, not ones the person gave the system in another', async () => {
    sim = newSim();
    await consentTokens(sim);
    const query = await authorizeQuery(sim, { scope: 'openid', accessType: 'offline' });
    const back = await loginAndConsent(sim, await sim.handle(acRequest(query)), 'ivan.ivanov');
    const code = locationOf(back).searchParams.get('code') as string;
    const form = await codeExchangeForm(sim, code, { scope: 'openid' });
    const plain = jsonOf(await sim.handle(request('POST', '/aas/oauth2/v3/te', { form })));
    expect(decodeJwtUnverified(plain.access_token as string).payload.permissions).toBeUndefined();
    const refreshed = await sim.handle(await refreshRequest(sim, plain.refresh_token as string));
    expect(refreshed.status, bodyOf(refreshed)).toBe(200);
    expect(decodeJwtUnverified(jsonOf(refreshed).access_token as string).payload.permissions).toBeUndefined();
  });
});

/** A v3/te refresh_token request for the demo client, signed now (ilimurzin's string, scope openid). */
async function refreshRequest(sim: Simulator, refreshToken: string) {
  const state = sim.random.uuid();
  const timestamp = esiaTimestamp(sim.clock.date());
  const secret = await createClientSecret(demoSigner(sim), {
    flow: 'refresh_token',
    refreshVariant: 'ilimurzin',
    clientId: 'GOSKIT_DEMO',
    scope: 'openid',
    scopeOrg: '',
    timestamp,
    state,
    redirectUri: REDIRECT,
  });
  return request('POST', '/aas/oauth2/v3/te', {
    form: {
      client_id: 'GOSKIT_DEMO',
      refresh_token: refreshToken,
      grant_type: 'refresh_token',
      client_certificate_hash: secret.clientCertificateHash,
      client_secret: secret.clientSecret,
      state,
      redirect_uri: REDIRECT,
      scope: 'openid',
      timestamp,
      token_type: 'Bearer',
    },
  });
}
