/**
 * ESIA's refusals at their edges, one rule per test: access_type, scope_org on v2/ac (signed string,
 * scope check, carried to the token exchange), the timestamp skew boundary, which certificates and
 * client ids can be registered. Written where mutation testing (`pnpm mutation simulator`) showed
 * the rule could be removed without any test failing.
 */
import {
  createClientSecret,
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  derToPem,
  esiaTimestamp,
  generateGostKeyPair,
} from '@goskit/crypto';
import { describe, expect, it } from 'vitest';
import type { SimResponse, Simulator } from '../src/engine/types.js';
import { registerEsiaClient } from '../src/portals/esia/index.js';
import { createRsaCertificate } from '../src/portals/esia/rsa-certificate.js';
import {
  acRequest,
  authorizeQuery,
  bodyOf,
  demoSigner,
  jsonOf,
  locationOf,
  loginAndConsent,
  newSim,
  REDIRECT,
  request,
  SCOPE,
} from './esia-support.js';

/** Certificates valid at the simulator's default time (its clock starts in 2026-09). */
const VALID_FROM = new Date(Date.UTC(2026, 0, 1));

const ORG_SCOPE = 'http://esia.gosuslugi.ru/org_shortname?org_oid=1000000001';

/** The ESIA error code of a 302 back to redirect_uri, or 'login' when it went on to the login page. */
function outcome(response: SimResponse): string {
  expect(response.status, bodyOf(response)).toBe(302);
  const location = locationOf(response);
  if (location.pathname === '/login') {
    return 'login';
  }
  return (location.searchParams.get('error_description') ?? '').slice(0, 'ESIA-007000'.length);
}

/** A v3/te form for the code, signed over the fields as sent (scope_org included when given). */
async function tokenForm(sim: Simulator, code: string, scopeOrg: string | undefined) {
  const state = sim.random.uuid();
  const timestamp = esiaTimestamp(new Date(sim.clock.now()));
  const secret = await createClientSecret(demoSigner(sim), {
    flow: 'v3/te',
    clientId: 'GOSKIT_DEMO',
    scope: SCOPE,
    scopeOrg: scopeOrg ?? '',
    timestamp,
    state,
    redirectUri: REDIRECT,
    code,
  });
  const form: Record<string, string> = {
    client_id: 'GOSKIT_DEMO',
    code,
    grant_type: 'authorization_code',
    client_certificate_hash: secret.clientCertificateHash,
    client_secret: secret.clientSecret,
    state,
    redirect_uri: REDIRECT,
    scope: SCOPE,
    timestamp,
    token_type: 'Bearer',
  };
  if (scopeOrg !== undefined) {
    form.scope_org = scopeOrg;
  }
  return form;
}

/** authorize (with scope_org) → login → consent → the code. */
async function codeWithScopeOrg(sim: Simulator): Promise<string> {
  const started = await sim.handle(acRequest(await authorizeQuery(sim, { scopeOrg: ORG_SCOPE })));
  expect(outcome(started)).toBe('login');
  const back = await loginAndConsent(sim, started, 'ivan.ivanov');
  return locationOf(back).searchParams.get('code') as string;
}

describe('access_type', () => {
  it('only online and offline are accepted; anything else is ESIA-007003', async () => {
    const sim = newSim();
    for (const accessType of ['online', 'offline']) {
      const query = await authorizeQuery(sim, { accessType: accessType as 'online' | 'offline' });
      expect(outcome(await sim.handle(acRequest(query))), accessType).toBe('login');
    }
    for (const accessType of ['always', 'OFFLINE', '']) {
      const query = await authorizeQuery(sim);
      query.access_type = accessType;
      expect(outcome(await sim.handle(acRequest(query))), JSON.stringify(accessType)).toBe('ESIA-007003');
    }
    const without = await authorizeQuery(sim);
    delete without.access_type;
    expect(outcome(await sim.handle(acRequest(without)))).toBe('login');
  });
});

describe('scope_org on v2/ac', () => {
  it('is part of the signed string: a secret signed without it does not cover it', async () => {
    const sim = newSim();
    expect(outcome(await sim.handle(acRequest(await authorizeQuery(sim, { scopeOrg: ORG_SCOPE }))))).toBe(
      'login',
    );
    const unsigned = await authorizeQuery(sim);
    unsigned.scope_org = ORG_SCOPE;
    expect(outcome(await sim.handle(acRequest(unsigned)))).toBe('ESIA-007053');
  });

  it('its scopes are checked like scope: unknown ones, or ones the client may not ask for → ESIA-007006', async () => {
    const sim = newSim();
    const unknown = await authorizeQuery(sim, { scopeOrg: 'no_such_scope' });
    expect(outcome(await sim.handle(acRequest(unknown)))).toBe('ESIA-007006');

    const pair = generateGostKeyPair();
    const certificate = createSelfSignedCertificate({
      privateKey: pair.privateKey,
      subject: 'CN=Narrow,O=V',
      notBefore: VALID_FROM,
    });
    registerEsiaClient(sim, {
      clientId: 'NARROW',
      redirectUris: [REDIRECT],
      certificatePem: certificate.pem,
      scopes: ['openid', 'fullname'],
    });
    const signer = createSoftwareGostSigner({ privateKey: pair.privateKey, certificate: certificate.pem });
    const allowed = await authorizeQuery(sim, { clientId: 'NARROW', scope: 'openid fullname' }, signer);
    expect(outcome(await sim.handle(acRequest(allowed)))).toBe('login');
    const notAllowed = await authorizeQuery(
      sim,
      { clientId: 'NARROW', scope: 'openid fullname', scopeOrg: ORG_SCOPE },
      signer,
    );
    expect(outcome(await sim.handle(acRequest(notAllowed)))).toBe('ESIA-007006');
  });

  it('is remembered with the request: the code exchange must repeat it', async () => {
    const sim = newSim();
    const same = await sim.handle(
      request('POST', '/aas/oauth2/v3/te', {
        form: await tokenForm(sim, await codeWithScopeOrg(sim), ORG_SCOPE),
      }),
    );
    expect(same.status, bodyOf(same)).toBe(200);
    expect(typeof jsonOf(same).access_token).toBe('string');

    const dropped = await sim.handle(
      request('POST', '/aas/oauth2/v3/te', {
        form: await tokenForm(sim, await codeWithScopeOrg(sim), undefined),
      }),
    );
    expect(dropped.status).toBe(400);
    expect(jsonOf(dropped).error_description).toMatch(/^ESIA-007006/);
  });
});

describe('timestamp skew (default 5 virtual minutes)', () => {
  /** A v2/ac query whose timestamp is `offsetMs` away from the virtual now (now on a whole second). */
  async function skewed(sim: Simulator, offsetMs: number) {
    sim.clock.set(Date.UTC(2026, 8, 1, 9, 0, 0));
    return authorizeQuery(sim, { timestamp: esiaTimestamp(new Date(sim.clock.nowMs() + offsetMs)) });
  }

  it('exactly 5 minutes behind or ahead is accepted', async () => {
    const sim = newSim();
    for (const offset of [-300_000, 300_000]) {
      expect(outcome(await sim.handle(acRequest(await skewed(sim, offset)))), String(offset)).toBe('login');
    }
  });

  it('one second more is ESIA-007015, either way', async () => {
    const sim = newSim();
    for (const offset of [-301_000, 301_000]) {
      expect(outcome(await sim.handle(acRequest(await skewed(sim, offset)))), String(offset)).toBe(
        'ESIA-007015',
      );
    }
  });
});

describe('registering a client', () => {
  const gost = () =>
    createSelfSignedCertificate({
      privateKey: generateGostKeyPair().privateKey,
      subject: 'CN=Vendor,O=V',
      notBefore: VALID_FROM,
    }).pem;

  it('a certificate without a GOST R 34.10-2012-256 key is refused, naming certificatePem', async () => {
    const sim = newSim();
    const keys = (await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const rsaDer = await createRsaCertificate({
      privateKey: keys.privateKey,
      spkiDer: new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey)),
      commonName: 'RSA vendor',
      notBefore: VALID_FROM,
      days: 365,
    });
    let caught: unknown;
    try {
      registerEsiaClient(sim, {
        clientId: 'RSA_SYS',
        redirectUris: ['https://vendor.example/cb'],
        certificatePem: derToPem(rsaDer, 'CERTIFICATE'),
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'INVALID_DATA', field: 'certificatePem' });
    expect((caught as Error).message).toMatch(/GOST/);
  });

  it('the client id is 2–64 characters of A–Z a–z 0–9 _ . - from its first character to its last', () => {
    const sim = newSim();
    const certificatePem = gost();
    const register = (clientId: string) =>
      registerEsiaClient(sim, { clientId, redirectUris: ['https://vendor.example/cb'], certificatePem });
    for (const bad of ['ok_id!', '!ok_id', 'ok id', 'A', 'A'.repeat(65), 'СИСТЕМА']) {
      expect(() => register(bad), bad).toThrow(/clientId/);
    }
    for (const good of ['AB', 'A'.repeat(64), 'mnemo_1.x-Y']) {
      expect(register(good).clientId).toBe(good);
    }
  });
});
