/**
 * End to end against the simulator's ESIA portal (in-process, MSW on the real test-stand host):
 * authorizationUrl → login page → consent → callback → handleCallback → person data, plus the
 * client side of the negative matrix.
 */
import { MemoryStore } from '@goskit/core';
import { createSelfSignedCertificate, createSoftwareGostSigner, generateGostKeyPair } from '@goskit/crypto';
import { createSimulator, type Simulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoEsiaClient,
  type EsiaPortalDefinitionOptions,
  esiaPortal,
} from '../../../mocks/simulator/src/portals/esia/index.js';
import { type createEsiaClient, type EsiaClientOptions, EsiaError, EsiaScopeError } from '../src/index.js';
import { loginThroughPages } from './helpers/browser-walk.js';
import { demoParent, simulatorEsiaClient } from './helpers/simulator-client.js';

const _BASE = 'https://esia-portal1.test.gosuslugi.ru';
const REDIRECT = 'http://localhost:3000/callback';
const SCOPES = [
  'openid',
  'fullname',
  'birthdate',
  'gender',
  'snils',
  'inn',
  'email',
  'mobile',
  'contacts',
  'addresses',
  'id_doc',
  'kid_fullname',
  'kid_birthdate',
  'usr_org',
];

function simulator(options: EsiaPortalDefinitionOptions = {}, seed = 'gosuslugi-e2e'): Simulator {
  return createSimulator({ seed, portals: [esiaPortal(options)], strictContracts: true });
}

const sims = { rs: simulator(), gost: simulator({ tokenAlg: 'GOST3410_2012_256' }, 'gosuslugi-e2e-gost') };
// One MSW server serving whichever simulator a test points at (both answer on the same host).
const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

function use(sim: Simulator) {
  server.resetHandlers(...sim.handlers);
}

const client = (sim: Simulator, extra: Partial<EsiaClientOptions> = {}) =>
  simulatorEsiaClient(sim, { scopes: SCOPES, accessType: 'offline', ...extra });
const parentLogin = demoParent;

describe('ESIA end to end (simulator, RS256 tokens)', () => {
  it('logs the demo parent in and reads the person', async () => {
    use(sims.rs);
    const esia = client(sims.rs);
    const who = parentLogin(sims.rs);
    const { url, state } = await esia.authorizationUrl({ data: { back: '/diary' } });
    const callback = await loginThroughPages(url, REDIRECT, who);
    expect(new URL(callback).searchParams.get('state')).toBe(state);
    const tokens = await esia.handleCallback(callback);
    expect(tokens.oid).toBe(who.oid);
    expect(tokens.refreshToken).toBeDefined();
    expect(tokens.scopes).toEqual(expect.arrayContaining(['openid', 'fullname', 'snils']));
    expect(tokens.data).toEqual({ back: '/diary' });
    expect(tokens.claims.id?.aud).toBe(demoEsiaClient(sims.rs).clientId);

    const session = esia.session(tokens);
    const person = esia.person(session);
    const record = await person.get({ embed: ['contacts', 'addresses'] });
    expect(record).toMatchObject({
      lastName: 'Иванов',
      firstName: 'Иван',
      middleName: 'Иванович',
      birthDate: '08.03.1991',
    });
    expect(record.snils).toBe(who.snils);
    expect(record.contacts?.map((c) => c.type).sort()).toEqual(['EML', 'MBT']);
    expect(record.addresses?.map((a) => a.type).sort()).toEqual(['PLV', 'PRG']);
    const documents = await person.documents();
    expect(documents[0]?.type).toBe('RF_PASSPORT');
    const kids = await person.kids();
    expect(kids.length).toBeGreaterThan(0);
    expect(kids.every((kid) => /^\d{2}\.\d{2}\.\d{4}$/.test(kid.birthDate))).toBe(true);

    // links mode: the same data by following each link
    const linked = simulatorEsiaClient(sims.rs, { scopes: SCOPES, collectionMode: 'links' }).person(
      tokens.accessToken,
    );
    expect((await linked.contacts()).map((c) => c.value).sort()).toEqual(
      (await person.contacts()).map((c) => c.value).sort(),
    );

    // a collection whose scope was not asked for
    const error = await person.vehicles().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EsiaScopeError);
    expect((error as EsiaScopeError).missingScope).toBe('vehicles');

    // auto-refresh: near expiry the session refreshes once (ESIA rotates the refresh token)
    const before = session.tokens.refreshToken;
    const tokenCalls = sims.rs.journal.count({ operation: 'token' });
    sims.rs.clock.advance('PT58M');
    const [again, alsoAgain] = await Promise.all([person.get(), person.contacts()]);
    expect(again.lastName).toBe('Иванов');
    expect(alsoAgain.length).toBe(2);
    expect(sims.rs.journal.count({ operation: 'token' })).toBe(tokenCalls + 1);
    expect(session.tokens.accessToken).not.toBe(tokens.accessToken);
    expect(session.tokens.refreshToken).not.toBe(before);
    expect(session.tokens.expiresAt.getTime()).toBeGreaterThan(tokens.expiresAt.getTime());
  });

  it('a second client instance with the shared store finishes the flow', async () => {
    use(sims.rs);
    const store = new MemoryStore();
    const a = client(sims.rs, { stateStore: store });
    const b = client(sims.rs, { stateStore: store });
    const { url } = await a.authorizationUrl();
    const callback = await loginThroughPages(url, REDIRECT, parentLogin(sims.rs));
    expect((await b.handleCallback(callback)).oid).toBe(parentLogin(sims.rs).oid);
  });

  it('logout ends the ESIA session: the access token stops working', async () => {
    use(sims.rs);
    const esia = client(sims.rs, { accessType: 'online' });
    const { url } = await esia.authorizationUrl();
    const tokens = await esia.handleCallback(await loginThroughPages(url, REDIRECT, parentLogin(sims.rs)));
    const person = esia.person(tokens.accessToken);
    expect((await person.get()).lastName).toBe('Иванов');
    const logout = await fetch(esia.logoutUrl({ redirectUrl: 'http://localhost:3000/' }), {
      redirect: 'manual',
      headers: { cookie: `esia_sid=${tokens.sid}` },
    });
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe('http://localhost:3000/');
    await expect(person.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('ESIA end to end (simulator, GOST tokens)', () => {
  it('verifies GOST3410_2012_256 tokens through the published certificate', async () => {
    use(sims.gost);
    const esia = client(sims.gost);
    const { url } = await esia.authorizationUrl();
    const tokens = await esia.handleCallback(await loginThroughPages(url, REDIRECT, parentLogin(sims.gost)));
    expect(tokens.oid).toBe(parentLogin(sims.gost).oid);
    expect((await esia.person(tokens.accessToken).get()).lastName).toBe('Иванов');
  });

  it('refuses GOST tokens when only RS256 is allowed', async () => {
    use(sims.gost);
    const esia = client(sims.gost, { algorithms: ['RS256'] });
    const { url } = await esia.authorizationUrl();
    const error = await esia
      .handleCallback(await loginThroughPages(url, REDIRECT, parentLogin(sims.gost)))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TOKEN_INVALID', reason: 'ALGORITHM_NOT_ALLOWED' });
  });
});

describe('ESIA negative matrix against the simulator', () => {
  /** The ESIA error the authorization request ends in (302 back to redirect_uri with error=…). */
  async function authorizeError(esia: ReturnType<typeof createEsiaClient>): Promise<EsiaError> {
    const { url } = await esia.authorizationUrl();
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = response.headers.get('location') as string;
    expect(location.startsWith(REDIRECT)).toBe(true);
    const error = await esia.handleCallback(location).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EsiaError);
    return error as EsiaError;
  }

  it('ESIA-007053: a key the system did not register', async () => {
    use(sims.rs);
    const stranger = generateGostKeyPair();
    const cert = createSelfSignedCertificate({ privateKey: stranger.privateKey, subject: 'CN=stranger' });
    const esia = client(sims.rs, {
      signer: createSoftwareGostSigner({ privateKey: stranger.privateKey, certificate: cert.der }),
    });
    const error = await authorizeError(esia);
    expect(error).toMatchObject({ code: 'ESIA_ERROR', esiaCode: 'ESIA-007053', oauthError: 'access_denied' });
    expect(error.hint?.en).toMatch(/GOST/);
  });

  it('ESIA-007053: the registered certificate, but a signature by another key', async () => {
    use(sims.rs);
    const demo = demoEsiaClient(sims.rs);
    const registered = createSoftwareGostSigner({
      privateKey: demo.privateKeyPem,
      certificate: demo.certificatePem,
    });
    const stranger = generateGostKeyPair();
    const impostor = createSoftwareGostSigner({
      privateKey: stranger.privateKey,
      certificate: createSelfSignedCertificate({ privateKey: stranger.privateKey, subject: 'CN=x' }).der,
    });
    // the hash check passes (right certificate), so only the GOST verification can refuse it
    const signer = {
      algorithm: registered.algorithm,
      certificate: () => registered.certificate(),
      sign: (data: Uint8Array) => impostor.sign(data),
    };
    const { url } = await client(sims.rs, { signer }).authorizationUrl();
    expect(new URL(url).searchParams.get('client_certificate_hash')).toBe(demo.certificateHash);
    const error = await authorizeError(client(sims.rs, { signer }));
    expect(error).toMatchObject({ esiaCode: 'ESIA-007053', oauthError: 'access_denied' });
  });

  it('ESIA-007014: a mandatory parameter missing (a proxy dropped client_certificate_hash)', async () => {
    use(sims.rs);
    const esia = client(sims.rs);
    const { url } = await esia.authorizationUrl();
    const stripped = new URL(url);
    stripped.searchParams.delete('client_certificate_hash');
    const response = await fetch(stripped, { redirect: 'manual' });
    const error = (await esia
      .handleCallback(response.headers.get('location') as string)
      .catch((e: unknown) => e)) as EsiaError;
    expect(error).toMatchObject({ esiaCode: 'ESIA-007014', oauthError: 'invalid_request' });
    expect(error.description).toContain('client_certificate_hash');
  });

  it('ESIA-007005: an unknown system', async () => {
    use(sims.rs);
    // An unknown client has no registered URI to go back to: ESIA shows an error page (RFC 6749 §4.1.2.1).
    const { url } = await client(sims.rs, { clientId: 'NOT_REGISTERED' }).authorizationUrl();
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('ESIA-007005');
  });

  it('ESIA-007023: a redirect_uri that is not registered', async () => {
    use(sims.rs);
    const esia = client(sims.rs, { redirectUri: 'https://evil.example/callback' });
    const { url } = await esia.authorizationUrl();
    const response = await fetch(url, { redirect: 'manual' });
    // Never a redirect to an unregistered URI (no open redirector): the error page says why.
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('ESIA-007023');
  });

  it('ESIA-007015: a clock far off', async () => {
    use(sims.rs);
    const error = await authorizeError(
      client(sims.rs, { clock: { now: () => sims.rs.clock.now() - 3_600_000 } }),
    );
    expect(error.esiaCode).toBe('ESIA-007015');
    // The simulator answered: the hint names its virtual clock and its time, not the host's NTP.
    expect(error.hint?.ru).not.toMatch(/NTP/);
    expect(error.hint?.en).toContain(`reads ${new Date(sims.rs.clock.now()).toISOString()}`);
  });

  it('ESIA-007006: an unknown scope', async () => {
    use(sims.rs);
    const error = await authorizeError(client(sims.rs, { scopes: ['openid', 'no_such_scope'] }));
    expect(error.esiaCode).toBe('ESIA-007006');
  });

  it('ESIA-007004: the user refuses consent', async () => {
    use(sims.rs);
    const esia = client(sims.rs);
    const { url } = await esia.authorizationUrl();
    const callback = await loginThroughPages(url, REDIRECT, { ...parentLogin(sims.rs), decision: 'deny' });
    await expect(esia.handleCallback(callback)).rejects.toMatchObject({
      esiaCode: 'ESIA-007004',
      oauthError: 'access_denied',
    });
  });

  it('ESIA-007011: a code used twice, and a code past its 240 s', async () => {
    use(sims.rs);
    const esia = client(sims.rs);
    const first = await esia.authorizationUrl();
    const second = await esia.authorizationUrl();
    const callback = new URL(await loginThroughPages(first.url, REDIRECT, parentLogin(sims.rs)));
    const code = callback.searchParams.get('code') as string;
    await esia.handleCallback(callback.toString());
    // the same code under another pending request of the same scope and redirect_uri
    await expect(esia.handleCallback({ code, state: second.state })).rejects.toMatchObject({
      esiaCode: 'ESIA-007011',
    });

    const late = await esia.authorizationUrl();
    const lateCallback = await loginThroughPages(late.url, REDIRECT, parentLogin(sims.rs));
    sims.rs.clock.advance('PT5M');
    await expect(esia.handleCallback(lateCallback)).rejects.toMatchObject({
      code: 'ESIA_ERROR',
      esiaCode: 'ESIA-007011',
    });
  });

  it('client_credentials: a system token verified like the others; a bad scope is ESIA-007006', async () => {
    use(sims.rs);
    const esia = client(sims.rs);
    const tokens = await esia.clientCredentials(['http://lk.gosuslugi.ru/api-order']);
    expect(tokens.accessToken.split('.')).toHaveLength(3);
    expect(tokens.claims.access.client_id).toBe(demoEsiaClient(sims.rs).clientId);
    expect(tokens.claims.access['urn:esia:sbj_id']).toBeUndefined();
    expect(tokens.idToken).toBeUndefined();
    await expect(esia.clientCredentials('no_such_scope')).rejects.toMatchObject({
      code: 'ESIA_ERROR',
      esiaCode: 'ESIA-007006',
    });
  });

  it('a revoked refresh token is ESIA-007011', async () => {
    use(sims.rs);
    await expect(client(sims.rs).refresh('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'ESIA_ERROR',
      esiaCode: 'ESIA-007011',
    });
  });

  it('a forged callback state never reaches ESIA', async () => {
    use(sims.rs);
    const before = sims.rs.journal.count({ operation: 'token' });
    await expect(client(sims.rs).handleCallback({ code: 'x.y.z', state: 'forged' })).rejects.toMatchObject({
      code: 'STATE_MISMATCH',
    });
    expect(sims.rs.journal.count({ operation: 'token' })).toBe(before);
  });

  it('legacy v1 (/ac, /te with PKCS#7) completes against the simulator', async () => {
    use(sims.rs);
    const esia = client(sims.rs, { legacy: { v1: true } });
    const { url } = await esia.authorizationUrl();
    expect(new URL(url).pathname).toBe('/aas/oauth2/ac');
    const tokens = await esia.handleCallback(await loginThroughPages(url, REDIRECT, parentLogin(sims.rs)));
    expect(tokens.oid).toBe(parentLogin(sims.rs).oid);
  });
});
