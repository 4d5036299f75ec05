/**
 * The parameter rules of ESIA's v2/ac and v3/te routes, one rule per test, driven in process
 * (`sim.handle`, no server, no child process): which answers are pages and which redirect, the
 * mandatory parameters of each endpoint and grant, response_type, the timestamp skew option, what the
 * pending request stores (scope_org, access_type, PKCE, consents), the token endpoint's client
 * authentication, the code's single use, redirect_uri, scope and new-state rules, the refresh
 * policies and signed-string variants, rotation, and client_credentials with `prm_chg?oid=`.
 * Mutation testing (`pnpm mutation esia-routes`) checks that none of them can be weakened unnoticed.
 */
import {
  createClientSecret,
  createPkcs7ClientSecret,
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  type EsiaSignedFields,
  esiaTimestamp,
  generateGostKeyPair,
  toBase64Url,
} from '@goskit/crypto';
import { describe, expect, it } from 'vitest';
import type { SimResponse, Simulator } from '../src/engine/types.js';
import { authorizeRoute, checkScopes, V2_MANDATORY } from '../src/portals/esia/authorize.js';
import { EsiaRejection } from '../src/portals/esia/errors.js';
import { registerEsiaClient } from '../src/portals/esia/index.js';
import { resolveEsiaOptions } from '../src/portals/esia/options.js';
import type { EsiaState } from '../src/portals/esia/state.js';
import { tokenError, tokenRoute } from '../src/portals/esia/token.js';
import {
  acRequest,
  authorizeQuery,
  BASE,
  bodyOf,
  demoSigner,
  encodePermissions,
  jsonOf,
  locationOf,
  loginAndConsent,
  newSim,
  REDIRECT,
  request,
  SCOPE,
} from './esia-support.js';

const ORG_SCOPE = 'http://esia.gosuslugi.ru/org_shortname?org_oid=1000000001';
const IVAN_LOGIN = 'ivan.ivanov';

type Signer = ReturnType<typeof demoSigner>;
const esiaState = (sim: Simulator) => sim.portalState<EsiaState>('esia');

/** The ESIA code of a 302 back to redirect_uri (`ESIA-0070xx`), or 'login' for the login page. */
function outcome(response: SimResponse): string {
  expect(response.status, bodyOf(response)).toBe(302);
  const location = locationOf(response);
  if (location.pathname === '/login') {
    return 'login';
  }
  expect(location.href.startsWith(REDIRECT), location.href).toBe(true);
  return (location.searchParams.get('error_description') ?? '').slice(0, 'ESIA-007000'.length);
}

/** The 400 HTML page answered while redirect_uri is not known to be the client's: never a redirect. */
function page(response: SimResponse): string {
  expect(response.status).toBe(400);
  expect(response.headers.location).toBeUndefined();
  return bodyOf(response);
}

/** The ESIA code of a token endpoint refusal (`ESIA-0070xx`). */
function refusal(response: SimResponse): string {
  expect(response.status, bodyOf(response)).toBe(400);
  return String(jsonOf(response).error_description).slice(0, 'ESIA-007000'.length);
}

/** The payload of a JWT, unverified (the token tests verify signatures; these state what is claimed). */
const claimsOf = (token: unknown): Record<string, unknown> =>
  JSON.parse(Buffer.from(String(token).split('.')[1] as string, 'base64url').toString());

const te = (form: Record<string, string>, path = '/aas/oauth2/v3/te') => request('POST', path, { form });

interface TokenFields {
  grant: 'authorization_code' | 'refresh_token' | 'client_credentials';
  scope?: string;
  scopeOrg?: string;
  code?: string;
  refreshToken?: string;
  redirectUri?: string;
  state?: string;
  timestamp?: string;
  clientId?: string | undefined;
  /** Which refresh signed string to sign (default ilimurzin). */
  refreshVariant?: 'ilimurzin' | 'aisgorod';
}

/** A v3/te form signed over the grant's string; redirect_uri is sent when given (or by default). */
async function tokenForm(
  sim: Simulator,
  fields: TokenFields,
  signer: Signer = demoSigner(sim),
): Promise<Record<string, string>> {
  const clientId = fields.clientId ?? 'GOSKIT_DEMO';
  const scope = fields.scope ?? SCOPE;
  const state = fields.state ?? sim.random.uuid();
  const timestamp = fields.timestamp ?? esiaTimestamp(sim.clock.date());
  const redirectUri = fields.redirectUri ?? REDIRECT;
  const base = { clientId, scope, scopeOrg: fields.scopeOrg ?? '', timestamp, state };
  let signed: EsiaSignedFields;
  if (fields.grant === 'authorization_code') {
    signed = { flow: 'v3/te', ...base, redirectUri, code: fields.code as string };
  } else if (fields.grant === 'client_credentials') {
    signed = { flow: 'client_credentials', ...base, redirectUri };
  } else if (fields.refreshVariant === 'aisgorod') {
    signed = {
      flow: 'refresh_token',
      refreshVariant: 'aisgorod',
      ...base,
      refreshToken: fields.refreshToken as string,
    };
  } else {
    signed = { flow: 'refresh_token', refreshVariant: 'ilimurzin', ...base, redirectUri };
  }
  const secret = await createClientSecret(signer, signed);
  const form: Record<string, string> = {
    client_id: clientId,
    grant_type: fields.grant,
    client_secret: secret.clientSecret,
    client_certificate_hash: secret.clientCertificateHash,
    state,
    timestamp,
    token_type: 'Bearer',
    scope,
    redirect_uri: redirectUri,
  };
  if (fields.code !== undefined) {
    form.code = fields.code;
  }
  if (fields.refreshToken !== undefined) {
    form.refresh_token = fields.refreshToken;
  }
  if (fields.scopeOrg !== undefined) {
    form.scope_org = fields.scopeOrg;
  }
  return form;
}

/** v2/ac → login → consent → the code (and the state of the authorization request). */
async function obtainCode(
  sim: Simulator,
  params: Parameters<typeof authorizeQuery>[1] = {},
  extra: Record<string, string> = {},
): Promise<{ code: string; state: string }> {
  const query = { ...(await authorizeQuery(sim, params)), ...extra };
  const started = await sim.handle(acRequest(query));
  expect(outcome(started)).toBe('login');
  const back = await loginAndConsent(sim, started, IVAN_LOGIN);
  const code = locationOf(back).searchParams.get('code');
  expect(code, back.headers.location).toBeTruthy();
  return { code: code as string, state: query.state as string };
}

/** The pending request v2/ac stored for its 302 to the login page. */
function pendingOf(sim: Simulator, response: SimResponse) {
  expect(outcome(response)).toBe('login');
  const rid = locationOf(response).searchParams.get('rid') as string;
  const pending = esiaState(sim).requests.get(rid);
  expect(pending).toBeDefined();
  return pending as NonNullable<typeof pending>;
}

/** A second registered system with its own GOST key (same redirect URI as the demo client). */
function otherClient(sim: Simulator, scopes?: string[]): Signer {
  const pair = generateGostKeyPair();
  const certificate = createSelfSignedCertificate({
    privateKey: pair.privateKey,
    subject: 'CN=Other,O=V',
    notBefore: new Date(Date.UTC(2026, 0, 1)),
  });
  registerEsiaClient(sim, {
    clientId: 'OTHER_SYS',
    redirectUris: [REDIRECT],
    certificatePem: certificate.pem,
    ...(scopes ? { scopes } : {}),
  });
  return createSoftwareGostSigner({ privateKey: pair.privateKey, certificate: certificate.pem });
}

describe('v2/ac: until redirect_uri is the client’s own, errors are a 400 page', () => {
  it('missing redirect_uri → ESIA-007014 [redirect_uri]; an unusable one → ESIA-007003', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    const { redirect_uri: _, ...without } = query;
    expect(page(await sim.handle(acRequest(without)))).toContain('ESIA-007014');
    expect(page(await sim.handle(acRequest(without)))).toContain('[redirect_uri]');
    expect(page(await sim.handle(acRequest({ ...query, redirect_uri: 'not a url' })))).toContain(
      'ESIA-007003',
    );
  });

  it('missing client_id → ESIA-007014 [client_id]; unknown → ESIA-007005; unregistered redirect_uri → ESIA-007023', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    const { client_id: _, ...without } = query;
    const missing = page(await sim.handle(acRequest(without)));
    expect(missing).toContain('ESIA-007014');
    expect(missing).toContain('[client_id]');
    expect(page(await sim.handle(acRequest({ ...query, client_id: 'NO_SUCH' })))).toContain('ESIA-007005');
    expect(
      page(await sim.handle(acRequest({ ...query, redirect_uri: 'https://attacker.example/cb' }))),
    ).toContain('ESIA-007023');
  });
});

describe('v2/ac: then errors redirect to redirect_uri', () => {
  it('the mandatory parameters are exactly these eight', () => {
    expect([...V2_MANDATORY].sort()).toEqual(
      [
        'client_certificate_hash',
        'client_id',
        'client_secret',
        'redirect_uri',
        'response_type',
        'scope',
        'state',
        'timestamp',
      ].sort(),
    );
  });

  it('each missing (or empty) mandatory parameter → ESIA-007014 naming it, with the state when sent', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    for (const name of V2_MANDATORY.filter((n) => n !== 'redirect_uri' && n !== 'client_id')) {
      const response = await sim.handle(acRequest({ ...query, [name]: '' }));
      expect(outcome(response), name).toBe('ESIA-007014');
      const location = locationOf(response);
      expect(location.searchParams.get('error_description'), name).toContain(`[${name}]`);
      expect(location.searchParams.get('state'), name).toBe(name === 'state' ? null : query.state);
    }
  });

  it('response_type must be code: token → ESIA-007012 with the state', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    const response = await sim.handle(acRequest({ ...query, response_type: 'token' }));
    expect(outcome(response)).toBe('ESIA-007012');
    expect(locationOf(response).searchParams.get('state')).toBe(query.state);
  });

  it('access_type other than online/offline → ESIA-007003 with the state', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    const response = await sim.handle(acRequest({ ...query, access_type: 'forever' }));
    expect(outcome(response)).toBe('ESIA-007003');
    expect(locationOf(response).searchParams.get('state')).toBe(query.state);
  });

  it('the timestamp window is timestampSkewMinutes of the virtual clock: 8 minutes is refused by default, accepted with 10', async () => {
    const eightMinutesAgo = (sim: Simulator) => esiaTimestamp(new Date(sim.clock.now() - 8 * 60_000));
    const strict = newSim();
    const stale = await ask(strict, eightMinutesAgo(strict));
    expect(outcome(stale)).toBe('ESIA-007015');
    const lenient = newSim({ timestampSkewMinutes: 10 });
    expect(outcome(await ask(lenient, eightMinutesAgo(lenient)))).toBe('login');

    async function ask(target: Simulator, timestamp: string) {
      return target.handle(acRequest(await authorizeQuery(target, { timestamp })));
    }
  });

  it('a wrong certificate hash → ESIA-007053', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    expect(outcome(await sim.handle(acRequest({ ...query, client_certificate_hash: 'AB'.repeat(32) })))).toBe(
      'ESIA-007053',
    );
  });

  it('a certificate that has expired at the virtual now → ESIA-007053, even with a good hash and signature', async () => {
    const sim = newSim();
    const demo = esiaState(sim).clients.get('GOSKIT_DEMO');
    sim.clock.set((demo?.notAfterMs as number) + 60_000);
    expect(outcome(await sim.handle(acRequest(await authorizeQuery(sim))))).toBe('ESIA-007053');
  });

  it('client_secret is over scope, scope_org, timestamp, state, redirect_uri: any of them changed → ESIA-007053', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim, { scopeOrg: ORG_SCOPE });
    expect(outcome(await sim.handle(acRequest(query)))).toBe('login');
    const changed: Record<string, string> = {
      scope: 'openid fullname',
      scope_org: 'http://esia.gosuslugi.ru/org_ogrn?org_oid=1000000001',
      timestamp: esiaTimestamp(new Date(sim.clock.now() - 60_000)),
      state: sim.random.uuid(),
      redirect_uri: `${REDIRECT}/deeper`,
    };
    for (const [name, value] of Object.entries(changed)) {
      expect(outcome(await sim.handle(acRequest({ ...query, [name]: value }))), name).toBe('ESIA-007053');
    }
  });

  it('the CryptoPro (reversed) byte order verifies only with signatureByteOrder: either', async () => {
    const reversed = (query: Record<string, string>) => ({
      ...query,
      client_secret: toBase64Url(
        Uint8Array.from(Buffer.from(query.client_secret as string, 'base64url')).reverse(),
      ),
    });
    const strict = newSim();
    expect(outcome(await strict.handle(acRequest(reversed(await authorizeQuery(strict)))))).toBe(
      'ESIA-007053',
    );
    const either = newSim({ signatureByteOrder: 'either' });
    expect(outcome(await either.handle(acRequest(reversed(await authorizeQuery(either)))))).toBe('login');
  });

  it('a scope or scope_org the client may not ask for → ESIA-007006', async () => {
    const sim = newSim();
    expect(outcome(await sim.handle(acRequest(await authorizeQuery(sim, { scope: 'openid no_such' }))))).toBe(
      'ESIA-007006',
    );
    expect(
      outcome(await sim.handle(acRequest(await authorizeQuery(sim, { scopeOrg: 'no_such_scope' })))),
    ).toBe('ESIA-007006');
  });

  it('permissions: unreadable → ESIA-007038; a consent scope the client may not ask for → ESIA-007006', async () => {
    const sim = newSim();
    const unreadable = await authorizeQuery(sim, { permissions: '!!not base64!!' });
    expect(outcome(await sim.handle(acRequest(unreadable)))).toBe('ESIA-007038');
    const signer = otherClient(sim, ['openid', 'fullname']);
    const narrow = await authorizeQuery(
      sim,
      { clientId: 'OTHER_SYS', scope: 'openid', permissions: encodePermissions() },
      signer,
    );
    expect(outcome(await sim.handle(acRequest(narrow)))).toBe('ESIA-007006');
    const plain = await authorizeQuery(sim, { clientId: 'OTHER_SYS', scope: 'openid' }, signer);
    expect(outcome(await sim.handle(acRequest(plain)))).toBe('login');
  });
});

describe('checkScopes (v2/ac, v1 and client_credentials)', () => {
  const sim = newSim();
  const demo = esiaState(sim).clients.get('GOSKIT_DEMO') as EsiaState['clients'] extends Map<string, infer C>
    ? C
    : never;

  it('known scopes the client may ask for pass, from scope and scope_org alike', () => {
    expect(checkScopes(demo, 'openid fullname', '')).toBeUndefined();
    expect(checkScopes(demo, 'openid', ORG_SCOPE)).toBeUndefined();
    expect(checkScopes(demo, '', ORG_SCOPE)).toBeUndefined();
  });

  it('an unknown name in either list is ESIA-007006', () => {
    expect(checkScopes(demo, 'openid nope', '')?.code).toBe('007006');
    expect(checkScopes(demo, 'openid', 'nope')?.code).toBe('007006');
  });

  it('a known scope the client is not registered for is ESIA-007006', () => {
    const narrow = { ...demo, scopes: ['openid'] };
    expect(checkScopes(narrow, 'openid', '')).toBeUndefined();
    expect(checkScopes(narrow, 'openid fullname', '')?.code).toBe('007006');
    expect(checkScopes(narrow, 'openid', 'fullname')?.code).toBe('007006');
  });

  it('no scope at all is ESIA-007006', () => {
    expect(checkScopes(demo, '', '')).toBeInstanceOf(EsiaRejection);
    expect(checkScopes(demo, ' ', '')?.code).toBe('007006');
  });
});

describe('v2/ac: the pending request', () => {
  it('302 to <base>/login?rid=<id>, the id of the stored request', async () => {
    const sim = newSim();
    const response = await sim.handle(acRequest(await authorizeQuery(sim)));
    expect(response.status).toBe(302);
    const location = locationOf(response);
    expect(`${location.origin}${location.pathname}`).toBe(`${BASE}/login`);
    const rid = location.searchParams.get('rid') as string;
    expect(esiaState(sim).requests.get(rid)?.id).toBe(rid);
  });

  it('stores flow v2, client, redirect_uri, scope, scope_org, state and the virtual time', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim, { scopeOrg: ORG_SCOPE });
    const pending = pendingOf(sim, await sim.handle(acRequest(query)));
    expect(pending).toMatchObject({
      flow: 'v2',
      clientId: 'GOSKIT_DEMO',
      redirectUri: REDIRECT,
      scope: SCOPE,
      scopeOrg: ORG_SCOPE,
      state: query.state,
      createdMs: sim.clock.now(),
    });
    expect(pending.codeChallenge).toBeUndefined();
    expect('permissions' in pending).toBe(false);
    const withoutOrg = pendingOf(sim, await sim.handle(acRequest(await authorizeQuery(sim))));
    expect(withoutOrg.scopeOrg).toBe('');
  });

  it('access_type: offline is kept; online or none is online', async () => {
    const sim = newSim();
    const offline = await authorizeQuery(sim, { accessType: 'offline' });
    expect(pendingOf(sim, await sim.handle(acRequest(offline))).accessType).toBe('offline');
    const online = await authorizeQuery(sim, { accessType: 'online' });
    expect(pendingOf(sim, await sim.handle(acRequest(online))).accessType).toBe('online');
    const { access_type: _, ...none } = await authorizeQuery(sim);
    expect(pendingOf(sim, await sim.handle(acRequest(none))).accessType).toBe('online');
  });

  it('code_challenge is kept with its method, S256 when none is named', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    const s256 = pendingOf(sim, await sim.handle(acRequest({ ...query, code_challenge: 'abc' })));
    expect(s256.codeChallenge).toEqual({ value: 'abc', method: 'S256' });
    const named = await authorizeQuery(sim);
    const gost = pendingOf(
      sim,
      await sim.handle(acRequest({ ...named, code_challenge: 'xyz', code_challenge_method: 'GOST3411' })),
    );
    expect(gost.codeChallenge).toEqual({ value: 'xyz', method: 'GOST3411' });
  });

  it('the consents asked for in permissions are kept', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim, { permissions: encodePermissions() });
    const pending = pendingOf(sim, await sim.handle(acRequest(query)));
    expect(pending.permissions?.map((permission) => permission.sysname)).toEqual(['APIPGU']);
  });

  it('the route is GET /aas/oauth2/v2/ac, operation authorize; the token route POST /aas/oauth2/v3/te, operation token', () => {
    const options = resolveEsiaOptions({});
    expect(authorizeRoute(options)).toMatchObject({
      method: 'GET',
      path: '/aas/oauth2/v2/ac',
      operation: 'authorize',
    });
    expect(tokenRoute(options)).toMatchObject({
      method: 'POST',
      path: '/aas/oauth2/v3/te',
      operation: 'token',
    });
  });
});

describe('v3/te: refusals are 400 JSON', () => {
  it('tokenError: the rejection’s error and description, the state only when sent, no-store', () => {
    const withState = tokenError(new EsiaRejection('007011'), 'st-1');
    expect(withState.status).toBe(400);
    expect(withState.headers['cache-control']).toBe('no-store');
    expect(jsonOf(withState)).toEqual({
      error: 'invalid_grant',
      error_description: new EsiaRejection('007011').info.error_description,
      state: 'st-1',
    });
    expect('state' in jsonOf(tokenError(new EsiaRejection('007011'), undefined))).toBe(false);
  });

  it('grant_type: missing → ESIA-007014 [grant_type]; unknown or inherited names → ESIA-007009 with the state', async () => {
    const sim = newSim();
    const form = await tokenForm(sim, { grant: 'client_credentials', scope: 'openid' });
    const missing = await sim.handle(te({ ...form, grant_type: '' }));
    expect(refusal(missing)).toBe('ESIA-007014');
    expect(jsonOf(missing).error_description).toContain('[grant_type]');
    for (const grantType of ['password', 'implicit', '__proto__', 'constructor', 'toString']) {
      const response = await sim.handle(te({ ...form, grant_type: grantType }));
      expect(refusal(response), grantType).toBe('ESIA-007009');
      expect(jsonOf(response).state, grantType).toBe(form.state);
    }
  });

  const MANDATORY: Record<TokenFields['grant'], string[]> = {
    authorization_code: ['code', 'redirect_uri', 'scope'],
    refresh_token: ['refresh_token', 'scope'],
    client_credentials: ['scope', 'redirect_uri'],
  };
  const COMMON = [
    'client_id',
    'client_secret',
    'client_certificate_hash',
    'state',
    'timestamp',
    'token_type',
  ];

  for (const [grant, own] of Object.entries(MANDATORY) as [TokenFields['grant'], string[]][]) {
    it(`${grant}: each of its mandatory parameters missing → ESIA-007014 naming it`, async () => {
      const sim = newSim();
      const form = await tokenForm(sim, { grant, code: 'c', refreshToken: 'r' });
      for (const name of [...COMMON, ...own]) {
        const response = await sim.handle(te({ ...form, [name]: '' }));
        expect(refusal(response), name).toBe('ESIA-007014');
        expect(jsonOf(response).error_description, name).toContain(`[${name}]`);
      }
    });
  }

  it('client authentication: unknown client → 007005, token_type not Bearer → 007003, wrong hash → 007053, stale timestamp → 007015', async () => {
    const sim = newSim();
    const form = await tokenForm(sim, { grant: 'client_credentials', scope: 'openid' });
    expect(refusal(await sim.handle(te({ ...form, client_id: 'NO_SUCH' })))).toBe('ESIA-007005');
    for (const tokenType of ['bearer', 'MAC']) {
      expect(refusal(await sim.handle(te({ ...form, token_type: tokenType }))), tokenType).toBe(
        'ESIA-007003',
      );
    }
    expect(refusal(await sim.handle(te({ ...form, client_certificate_hash: 'AB'.repeat(32) })))).toBe(
      'ESIA-007053',
    );
    const stale = await tokenForm(sim, {
      grant: 'client_credentials',
      scope: 'openid',
      timestamp: esiaTimestamp(new Date(sim.clock.now() - 8 * 60_000)),
    });
    expect(refusal(await sim.handle(te(stale)))).toBe('ESIA-007015');
    const lenient = newSim({ timestampSkewMinutes: 10 });
    const eight = await tokenForm(lenient, {
      grant: 'client_credentials',
      scope: 'openid',
      timestamp: esiaTimestamp(new Date(lenient.clock.now() - 8 * 60_000)),
    });
    expect((await lenient.handle(te(eight))).status).toBe(200);
  });

  it('an expired registered certificate → ESIA-007053', async () => {
    const sim = newSim();
    sim.clock.set((esiaState(sim).clients.get('GOSKIT_DEMO')?.notAfterMs as number) + 60_000);
    const form = await tokenForm(sim, { grant: 'client_credentials', scope: 'openid' });
    expect(refusal(await sim.handle(te(form)))).toBe('ESIA-007053');
  });

  it('the reversed byte order verifies at the token endpoint only with signatureByteOrder: either', async () => {
    const reverse = (form: Record<string, string>) => ({
      ...form,
      client_secret: toBase64Url(
        Uint8Array.from(Buffer.from(form.client_secret as string, 'base64url')).reverse(),
      ),
    });
    const strict = newSim();
    const strictForm = await tokenForm(strict, { grant: 'client_credentials', scope: 'openid' });
    expect(refusal(await strict.handle(te(reverse(strictForm))))).toBe('ESIA-007053');
    const either = newSim({ signatureByteOrder: 'either' });
    const eitherForm = await tokenForm(either, { grant: 'client_credentials', scope: 'openid' });
    expect((await either.handle(te(reverse(eitherForm)))).status).toBe(200);
  });
});

describe('v3/te: authorization_code', () => {
  it('200: access and id token, the request’s state, Bearer, expires_in, no-store; a refresh token for offline', async () => {
    const sim = newSim();
    const { code } = await obtainCode(sim, { accessType: 'offline' });
    const form = await tokenForm(sim, { grant: 'authorization_code', code });
    const response = await sim.handle(te(form));
    expect(response.status, bodyOf(response)).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = jsonOf(response);
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.id_token).toBe('string');
    expect(typeof body.refresh_token).toBe('string');
    expect(body.state).toBe(form.state);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
  });

  it('the client_secret covers the code and redirect_uri: signed over another code → ESIA-007053', async () => {
    const sim = newSim();
    const { code } = await obtainCode(sim);
    const form = await tokenForm(sim, { grant: 'authorization_code', code: `${code}x` });
    expect(refusal(await sim.handle(te({ ...form, code })))).toBe('ESIA-007053');
  });

  it('refresh tokens: offline only by default; always; never', async () => {
    const exchange = async (sim: Simulator, accessType: 'online' | 'offline') => {
      const { code } = await obtainCode(sim, { accessType });
      const response = await sim.handle(te(await tokenForm(sim, { grant: 'authorization_code', code })));
      expect(response.status, bodyOf(response)).toBe(200);
      return jsonOf(response).refresh_token;
    };
    const byDefault = newSim();
    expect(await exchange(byDefault, 'online')).toBeUndefined();
    expect(await exchange(byDefault, 'offline')).toBeTypeOf('string');
    expect(await exchange(newSim({ refreshTokens: 'always' }), 'online')).toBeTypeOf('string');
    expect(await exchange(newSim({ refreshTokens: 'never' }), 'offline')).toBeUndefined();
  });

  it('the stored refresh grant keeps client, session, person, scope, scope_org and redirect_uri', async () => {
    const sim = newSim();
    const { code } = await obtainCode(sim, { scopeOrg: ORG_SCOPE });
    const issued = esiaState(sim).codes.get(code.slice(code.lastIndexOf('.') + 1));
    const response = await sim.handle(
      te(await tokenForm(sim, { grant: 'authorization_code', code, scopeOrg: ORG_SCOPE })),
    );
    const grant = esiaState(sim).refreshTokens.get(jsonOf(response).refresh_token as string);
    expect(grant).toEqual({
      clientId: 'GOSKIT_DEMO',
      sid: issued?.sid,
      oid: issued?.oid,
      scope: SCOPE,
      scopeOrg: ORG_SCOPE,
      redirectUri: REDIRECT,
      authTimeMs: issued?.authTimeMs,
      revoked: false,
    });
  });

  it('consents granted with the code are remembered by type in the refresh grant', async () => {
    const sim = newSim();
    const { code } = await obtainCode(sim, { permissions: encodePermissions() });
    const response = await sim.handle(te(await tokenForm(sim, { grant: 'authorization_code', code })));
    expect(response.status, bodyOf(response)).toBe(200);
    const grant = esiaState(sim).refreshTokens.get(jsonOf(response).refresh_token as string);
    expect(grant?.permissionTypes).toEqual(['APIPGU']);
  });

  it('a code is single use (ESIA-007011 the second time) unless singleUseCodes is false', async () => {
    const twice = async (sim: Simulator) => {
      const { code } = await obtainCode(sim);
      const first = await sim.handle(te(await tokenForm(sim, { grant: 'authorization_code', code })));
      expect(first.status, bodyOf(first)).toBe(200);
      return sim.handle(te(await tokenForm(sim, { grant: 'authorization_code', code })));
    };
    const single = newSim();
    const second = await twice(single);
    expect(refusal(second)).toBe('ESIA-007011');
    expect((await twice(newSim({ singleUseCodes: false }))).status).toBe(200);
  });

  it('a code that is not one the simulator issued → ESIA-007011', async () => {
    const sim = newSim();
    const { code } = await obtainCode(sim);
    const forged = `${code.slice(0, code.lastIndexOf('.') + 1)}AAAA`;
    expect(
      refusal(await sim.handle(te(await tokenForm(sim, { grant: 'authorization_code', code: forged })))),
    ).toBe('ESIA-007011');
    expect(
      refusal(await sim.handle(te(await tokenForm(sim, { grant: 'authorization_code', code: 'not.a.jwt' })))),
    ).toBe('ESIA-007011');
  });

  it('a code issued to another client → ESIA-007011', async () => {
    const sim = newSim();
    const signer = otherClient(sim);
    const { code } = await obtainCode(sim);
    const form = await tokenForm(sim, { grant: 'authorization_code', code, clientId: 'OTHER_SYS' }, signer);
    expect(refusal(await sim.handle(te(form)))).toBe('ESIA-007011');
  });

  it('redirect_uri must equal the authorization request’s → ESIA-007011', async () => {
    const sim = newSim();
    const { code } = await obtainCode(sim);
    const form = await tokenForm(sim, {
      grant: 'authorization_code',
      code,
      redirectUri: `${REDIRECT}/other`,
    });
    expect(refusal(await sim.handle(te(form)))).toBe('ESIA-007011');
  });

  it('scope must be the authorization request’s, in any order; another → ESIA-007006', async () => {
    const sim = newSim();
    const reordered = SCOPE.split(' ').reverse().join(' ');
    const { code } = await obtainCode(sim);
    const ok = await sim.handle(
      te(await tokenForm(sim, { grant: 'authorization_code', code, scope: reordered })),
    );
    expect(ok.status, bodyOf(ok)).toBe(200);
    const second = await obtainCode(sim);
    const narrower = await tokenForm(sim, {
      grant: 'authorization_code',
      code: second.code,
      scope: 'openid',
    });
    expect(refusal(await sim.handle(te(narrower)))).toBe('ESIA-007006');
    // Names are compared, not characters: two names run together are another (unknown) name.
    const third = await obtainCode(sim);
    const joined = await tokenForm(sim, {
      grant: 'authorization_code',
      code: third.code,
      scope: SCOPE.replace(' ', ''),
    });
    expect(refusal(await sim.handle(te(joined)))).toBe('ESIA-007006');
  });

  it('scope_org must be the authorization request’s: sent when none was asked for → ESIA-007006', async () => {
    const sim = newSim();
    const { code } = await obtainCode(sim);
    const form = await tokenForm(sim, { grant: 'authorization_code', code, scopeOrg: ORG_SCOPE });
    expect(refusal(await sim.handle(te(form)))).toBe('ESIA-007006');
  });

  it('the state must be new: the v2/ac state again → ESIA-007003, unless requireNewState is false', async () => {
    const reuse = async (sim: Simulator) => {
      const { code, state } = await obtainCode(sim);
      return sim.handle(te(await tokenForm(sim, { grant: 'authorization_code', code, state })));
    };
    expect(refusal(await reuse(newSim()))).toBe('ESIA-007003');
    expect((await reuse(newSim({ requireNewState: false }))).status).toBe(200);
  });

  it('PKCE: no verifier → 007039, a wrong one → 007040 without using up the code, the right one → 200', async () => {
    const sim = newSim();
    const { code } = await obtainCode(
      sim,
      {},
      { code_challenge: 'verifier-1', code_challenge_method: 'plain' },
    );
    const form = await tokenForm(sim, { grant: 'authorization_code', code });
    expect(refusal(await sim.handle(te(form)))).toBe('ESIA-007039');
    expect(refusal(await sim.handle(te({ ...form, code_verifier: 'verifier-2' })))).toBe('ESIA-007040');
    const right = await sim.handle(te({ ...form, code_verifier: 'verifier-1' }));
    expect(right.status, bodyOf(right)).toBe(200);
  });

  it('a code whose session has ended (logout) → ESIA-007011', async () => {
    const sim = newSim();
    const { code } = await obtainCode(sim);
    const issued = esiaState(sim).codes.get(code.slice(code.lastIndexOf('.') + 1));
    const session = esiaState(sim).sessions.get(issued?.sid as string);
    (session as NonNullable<typeof session>).ended = true;
    expect(refusal(await sim.handle(te(await tokenForm(sim, { grant: 'authorization_code', code }))))).toBe(
      'ESIA-007011',
    );
  });
});

describe('v3/te: refresh_token', () => {
  async function refreshable(options: Parameters<typeof newSim>[0] = {}) {
    const sim = newSim(options);
    const { code } = await obtainCode(sim, { scopeOrg: ORG_SCOPE });
    const response = await sim.handle(
      te(await tokenForm(sim, { grant: 'authorization_code', code, scopeOrg: ORG_SCOPE })),
    );
    expect(response.status, bodyOf(response)).toBe(200);
    return { sim, refreshToken: jsonOf(response).refresh_token as string };
  }

  it('rotation: 200 with a new refresh token; the used one → ESIA-007011 afterwards', async () => {
    const { sim, refreshToken } = await refreshable();
    const first = await sim.handle(
      te(await tokenForm(sim, { grant: 'refresh_token', refreshToken, scopeOrg: ORG_SCOPE })),
    );
    expect(first.status, bodyOf(first)).toBe(200);
    const body = jsonOf(first);
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.id_token).toBe('string');
    // A refresh grant is offline by nature: the default 'offline' policy answers with a new one.
    expect(body.refresh_token).toBeTypeOf('string');
    expect(body.refresh_token).not.toBe(refreshToken);
    expect(esiaState(sim).refreshTokens.get(refreshToken)?.revoked).toBe(true);
    const next = esiaState(sim).refreshTokens.get(body.refresh_token as string);
    expect(next).toMatchObject({ scopeOrg: ORG_SCOPE, redirectUri: REDIRECT, revoked: false });
    const again = await sim.handle(
      te(await tokenForm(sim, { grant: 'refresh_token', refreshToken, scopeOrg: ORG_SCOPE })),
    );
    expect(refusal(again)).toBe('ESIA-007011');
  });

  it('unknown, revoked, another client’s or an ended session’s refresh token → ESIA-007011', async () => {
    const { sim, refreshToken } = await refreshable();
    const form = (token: string, signer?: Signer, clientId?: string) =>
      tokenForm(sim, { grant: 'refresh_token', refreshToken: token, scopeOrg: ORG_SCOPE, clientId }, signer);
    expect(refusal(await sim.handle(te(await form('no-such-token'))))).toBe('ESIA-007011');
    const grant = esiaState(sim).refreshTokens.get(refreshToken) as NonNullable<
      ReturnType<EsiaState['refreshTokens']['get']>
    >;
    const signer = otherClient(sim);
    expect(refusal(await sim.handle(te(await form(refreshToken, signer, 'OTHER_SYS'))))).toBe('ESIA-007011');
    expect(grant.revoked).toBe(false);
    const session = esiaState(sim).sessions.get(grant.sid) as { ended: boolean };
    session.ended = true;
    expect(refusal(await sim.handle(te(await form(refreshToken))))).toBe('ESIA-007011');
    session.ended = false;
    grant.revoked = true;
    expect(refusal(await sim.handle(te(await form(refreshToken))))).toBe('ESIA-007011');
  });

  it('consents still unexpired are carried to the refreshed token and grant; lapsed ones are not', async () => {
    const sim = newSim();
    const { code } = await obtainCode(sim, { permissions: encodePermissions([{ expire: 10 }]) });
    const exchanged = await sim.handle(te(await tokenForm(sim, { grant: 'authorization_code', code })));
    const first = jsonOf(exchanged).refresh_token as string;
    const refreshed = await sim.handle(
      te(await tokenForm(sim, { grant: 'refresh_token', refreshToken: first })),
    );
    expect(refreshed.status, bodyOf(refreshed)).toBe(200);
    const carried = jsonOf(refreshed);
    expect(claimsOf(carried.access_token).permissions).toBeDefined();
    const second = carried.refresh_token as string;
    expect(esiaState(sim).refreshTokens.get(second)?.permissionTypes).toEqual(['APIPGU']);
    sim.clock.set(sim.clock.now() + 11 * 60_000);
    const lapsed = await sim.handle(
      te(await tokenForm(sim, { grant: 'refresh_token', refreshToken: second })),
    );
    expect(lapsed.status, bodyOf(lapsed)).toBe(200);
    const body = jsonOf(lapsed);
    expect(claimsOf(body.access_token).permissions).toBeUndefined();
    expect(esiaState(sim).refreshTokens.get(body.refresh_token as string)).not.toHaveProperty(
      'permissionTypes',
    );
  });

  it("default 'ilimurzin': signed over redirect_uri, which is then mandatory; the AISGorod string → 007053", async () => {
    const { sim, refreshToken } = await refreshable();
    const form = await tokenForm(sim, { grant: 'refresh_token', refreshToken, scopeOrg: ORG_SCOPE });
    const { redirect_uri: _, ...withoutRedirect } = form;
    const missing = await sim.handle(te(withoutRedirect));
    expect(refusal(missing)).toBe('ESIA-007014');
    expect(jsonOf(missing).error_description).toContain('[redirect_uri]');
    const aisgorod = await tokenForm(sim, {
      grant: 'refresh_token',
      refreshVariant: 'aisgorod',
      refreshToken,
      scopeOrg: ORG_SCOPE,
    });
    expect(refusal(await sim.handle(te(aisgorod)))).toBe('ESIA-007053');
    expect((await sim.handle(te(form))).status).toBe(200);
  });

  it("'aisgorod': signed over the refresh token, redirect_uri not needed; the ilimurzin string → 007053", async () => {
    const { sim, refreshToken } = await refreshable({ refreshSignedString: 'aisgorod' });
    const ilimurzin = await tokenForm(sim, { grant: 'refresh_token', refreshToken, scopeOrg: ORG_SCOPE });
    expect(refusal(await sim.handle(te(ilimurzin)))).toBe('ESIA-007053');
    const form = await tokenForm(sim, {
      grant: 'refresh_token',
      refreshVariant: 'aisgorod',
      refreshToken,
      scopeOrg: ORG_SCOPE,
    });
    const { redirect_uri: _, ...withoutRedirect } = form;
    const response = await sim.handle(te(withoutRedirect));
    expect(response.status, bodyOf(response)).toBe(200);
  });

  it("'either': both strings verify", async () => {
    for (const variant of ['ilimurzin', 'aisgorod'] as const) {
      const { sim, refreshToken } = await refreshable({ refreshSignedString: 'either' });
      const form = await tokenForm(sim, {
        grant: 'refresh_token',
        refreshVariant: variant,
        refreshToken,
        scopeOrg: ORG_SCOPE,
      });
      const response = await sim.handle(te(form));
      expect(response.status, `${variant}: ${bodyOf(response)}`).toBe(200);
    }
  });
});

describe('v3/te: client_credentials', () => {
  it('200: an access token without a person: no id_token, no refresh_token', async () => {
    const sim = newSim({ refreshTokens: 'always' });
    const form = await tokenForm(sim, { grant: 'client_credentials', scope: 'openid' });
    const response = await sim.handle(te(form));
    expect(response.status, bodyOf(response)).toBe(200);
    const body = jsonOf(response);
    expect(typeof body.access_token).toBe('string');
    expect(body.id_token).toBeUndefined();
    expect(body.refresh_token).toBeUndefined();
    expect(body.state).toBe(form.state);
    const claims = claimsOf(body.access_token);
    expect(claims).toMatchObject({ scope: 'openid', client_id: 'GOSKIT_DEMO' });
    expect(claims).not.toHaveProperty('urn:esia:sbj_id');
  });

  it('the client_secret covers redirect_uri; the scope is checked like v2/ac’s (ESIA-007006)', async () => {
    const sim = newSim();
    const form = await tokenForm(sim, { grant: 'client_credentials', scope: 'openid' });
    expect(refusal(await sim.handle(te({ ...form, redirect_uri: `${REDIRECT}/x` })))).toBe('ESIA-007053');
    const unknown = await tokenForm(sim, { grant: 'client_credentials', scope: 'openid no_such' });
    expect(refusal(await sim.handle(te(unknown)))).toBe('ESIA-007006');
    const org = await tokenForm(sim, { grant: 'client_credentials', scope: 'openid', scopeOrg: 'no_such' });
    expect(refusal(await sim.handle(te(org)))).toBe('ESIA-007006');
  });

  it('prm_chg?oid=<1–15 digits>, once: a renewal; malformed or twice → ESIA-007006', async () => {
    const sim = newSim();
    for (const scope of [
      'prm_chg?oid=abc',
      'prm_chg?oid=',
      'prm_chg?oid=1234567890123456',
      'prm_chg?oid=1 prm_chg?oid=2',
      'prm_chg',
      'prm_chg?oid=12x',
      'prm_chg?oid=x12',
      'prm_chg?xid=1',
    ]) {
      const form = await tokenForm(sim, { grant: 'client_credentials', scope });
      expect(refusal(await sim.handle(te(form))), scope).toBe('ESIA-007006');
    }
  });

  it('a renewal without an unexpired consent → ESIA-007019; with one → the person’s token, no id_token', async () => {
    const sim = newSim();
    const none = await tokenForm(sim, { grant: 'client_credentials', scope: 'prm_chg?oid=123456789012345' });
    expect(refusal(await sim.handle(te(none)))).toBe('ESIA-007019');
    await obtainCode(sim, { permissions: encodePermissions() });
    const consent = [...esiaState(sim).consents.values()][0];
    expect(consent).toBeDefined();
    const oid = consent?.oid as string;
    const renewal = await tokenForm(sim, { grant: 'client_credentials', scope: `openid prm_chg?oid=${oid}` });
    const response = await sim.handle(te(renewal));
    expect(response.status, bodyOf(response)).toBe(200);
    const body = jsonOf(response);
    expect(body.id_token).toBeUndefined();
    expect(body.refresh_token).toBeUndefined();
    const claims = claimsOf(body.access_token);
    expect(String(claims['urn:esia:sbj_id'])).toBe(oid);
    // The renewed token is an openid token of the person, plus the consents' scopes.
    expect(String(claims.scope).split(' ')[0]).toBe('openid');
    expect(claims.client_id).toBe('GOSKIT_DEMO');
    expect(claims.permissions).toBeDefined();
  });
});

describe('legacy v1 /aas/oauth2/te: the same endpoint with a PKCS#7 secret', () => {
  /** A v1 code for the demo client (v1/ac with a PKCS#7 secret → login → consent). */
  async function v1Code(sim: Simulator) {
    const signer = demoSigner(sim);
    const state = sim.random.uuid();
    const timestamp = esiaTimestamp(sim.clock.date());
    const secret = await createPkcs7ClientSecret(signer, {
      clientId: 'GOSKIT_DEMO',
      scope: SCOPE,
      timestamp,
      state,
    });
    const query = new URLSearchParams({
      client_id: 'GOSKIT_DEMO',
      client_secret: secret.clientSecret,
      redirect_uri: REDIRECT,
      scope: SCOPE,
      response_type: 'code',
      state,
      timestamp,
      access_type: 'offline',
    });
    const started = await sim.handle(request('GET', `/aas/oauth2/ac?${query}`));
    expect(pendingOf(sim, started).flow).toBe('v1');
    const back = await loginAndConsent(sim, started, IVAN_LOGIN);
    return locationOf(back).searchParams.get('code') as string;
  }

  async function v1Form(sim: Simulator, extra: Record<string, string>) {
    const state = sim.random.uuid();
    const timestamp = esiaTimestamp(sim.clock.date());
    const secret = await createPkcs7ClientSecret(demoSigner(sim), {
      clientId: 'GOSKIT_DEMO',
      scope: SCOPE,
      timestamp,
      state,
    });
    return {
      client_id: 'GOSKIT_DEMO',
      client_secret: secret.clientSecret,
      state,
      timestamp,
      token_type: 'Bearer',
      scope: SCOPE,
      ...extra,
    };
  }

  it('needs no client_certificate_hash; refresh needs no redirect_uri; a raw v2 secret → ESIA-007053', async () => {
    const sim = newSim();
    const code = await v1Code(sim);
    const form = await v1Form(sim, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    const raw = await tokenForm(sim, { grant: 'authorization_code', code });
    expect(
      refusal(
        await sim.handle(te({ ...form, client_secret: raw.client_secret as string }, '/aas/oauth2/te')),
      ),
    ).toBe('ESIA-007053');
    const exchanged = await sim.handle(te(form, '/aas/oauth2/te'));
    expect(exchanged.status, bodyOf(exchanged)).toBe(200);
    const refreshToken = jsonOf(exchanged).refresh_token as string;
    const refreshed = await sim.handle(
      te(await v1Form(sim, { grant_type: 'refresh_token', refresh_token: refreshToken }), '/aas/oauth2/te'),
    );
    expect(refreshed.status, bodyOf(refreshed)).toBe(200);
  });
});
