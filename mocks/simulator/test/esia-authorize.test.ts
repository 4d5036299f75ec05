import { createSelfSignedCertificate, createSoftwareGostSigner, generateGostKeyPair } from '@goskit/crypto';
import { describe, expect, it } from 'vitest';
import { V2_MANDATORY } from '../src/portals/esia/authorize.js';
import { registerEsiaClient } from '../src/portals/esia/index.js';
import { acRequest, authorizeQuery, bodyOf, locationOf, newSim, REDIRECT, request } from './esia-support.js';

function errorOf(response: { status: number; headers: Record<string, string> }) {
  expect(response.status).toBe(302);
  const url = new URL(response.headers.location as string);
  return {
    target: `${url.origin}${url.pathname}`,
    error: url.searchParams.get('error'),
    description: url.searchParams.get('error_description'),
    state: url.searchParams.get('state'),
  };
}

function base64UrlToBytes(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'base64url'));
}

describe('GET /aas/oauth2/v2/ac', () => {
  // Without redirect_uri or client_id nothing says where to redirect safely: those get a page.
  const missingRedirectable = V2_MANDATORY.filter((name) => name !== 'redirect_uri' && name !== 'client_id');

  /** The 400 HTML error page: no Location, the ESIA code in the text. */
  function pageOf(response: { status: number; headers: Record<string, string>; body?: string | Uint8Array }) {
    expect(response.status).toBe(400);
    expect(response.headers.location).toBeUndefined();
    expect(response.headers['content-type']).toContain('text/html');
    return bodyOf(response);
  }

  it('missing client_id → 400 page ESIA-007014 [client_id], never a redirect', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    delete query.client_id;
    expect(pageOf(await sim.handle(acRequest(query)))).toContain('[client_id]');
  });

  it.each(missingRedirectable)('missing %s → 302 invalid_request ESIA-007014 naming it', async (name) => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    delete query[name];
    const result = errorOf(await sim.handle(acRequest(query)));
    expect(result.target).toBe(REDIRECT);
    expect(result.error).toBe('invalid_request');
    expect(result.description).toBe(
      `ESIA-007014: The request doesn't contain the mandatory parameter [${name}]`,
    );
    expect(result.state).toBe(name === 'state' ? null : query.state);
  });

  it('an empty parameter counts as missing', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    query.client_certificate_hash = '';
    expect(errorOf(await sim.handle(acRequest(query))).description).toContain('[client_certificate_hash]');
  });

  it('missing or unusable redirect_uri → 400 HTML page, no redirect', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    delete query.redirect_uri;
    const missing = await sim.handle(acRequest(query));
    expect(missing.status).toBe(400);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(bodyOf(missing)).toContain('ESIA-007014');
    expect(missing.headers.location).toBeUndefined();
    const unusable = await sim.handle(acRequest({ ...query, redirect_uri: 'javascript:alert(1)' }));
    expect(unusable.status).toBe(400);
    expect(bodyOf(unusable)).toContain('ESIA-007003');
  });

  it('unknown client → 400 page ESIA-007005, no redirect to its (unverifiable) redirect_uri', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim, {
      clientId: 'NO_SUCH_SYSTEM',
      redirectUri: 'https://evil.example/cb',
    });
    expect(pageOf(await sim.handle(acRequest(query)))).toContain(
      'ESIA-007005: The client is not authorized to request an access token using this method.',
    );
    // Legacy v1 ac shares the check.
    expect(pageOf(await sim.handle(acRequest(query, '/aas/oauth2/ac')))).toContain('ESIA-007005');
  });

  it('redirect_uri not registered for the client → 400 page ESIA-007023 (RFC 6749 §4.1.2.1: no open redirect)', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim, { redirectUri: 'https://evil.example/callback' });
    expect(pageOf(await sim.handle(acRequest(query)))).toContain('ESIA-007023');
  });

  it('prefix matching respects path segments: /callbackX is not under /callback', async () => {
    const sim = newSim();
    const vendor = generateGostKeyPair();
    const certificate = createSelfSignedCertificate({
      privateKey: vendor.privateKey,
      subject: 'CN=SEGMENTS',
      notBefore: new Date('2026-01-01T00:00:00Z'),
    });
    const signer = createSoftwareGostSigner({ privateKey: vendor.privateKey, certificate: certificate.pem });
    registerEsiaClient(sim, {
      clientId: 'SEGMENTS',
      redirectUris: ['https://app.example/callback'],
      certificatePem: certificate.pem,
    });
    for (const bad of [
      'https://app.example/callbackX',
      'https://app.example/callback.evil',
      'https://app.example/',
    ]) {
      const query = await authorizeQuery(sim, { clientId: 'SEGMENTS', redirectUri: bad }, signer);
      expect(pageOf(await sim.handle(acRequest(query))), bad).toContain('ESIA-007023');
    }
    for (const good of ['https://app.example/callback', 'https://app.example/callback/esia?x=1']) {
      const query = await authorizeQuery(sim, { clientId: 'SEGMENTS', redirectUri: good }, signer);
      expect(locationOf(await sim.handle(acRequest(query))).pathname, good).toBe('/login');
    }
  });

  it('timestamp skewed beyond 5 virtual minutes or unparsable → ESIA-007015', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    sim.clock.advance('PT6M');
    expect(errorOf(await sim.handle(acRequest(query))).description).toMatch(/^ESIA-007015: /);
    const garbled = await authorizeQuery(sim, { timestamp: '2026-09-01T09:00:00Z' });
    expect(errorOf(await sim.handle(acRequest(garbled))).description).toMatch(/^ESIA-007015: /);
  });

  it('4 minutes of skew is accepted, and the skew is configurable', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    sim.clock.advance('PT4M');
    expect(locationOf(await sim.handle(acRequest(query))).pathname).toBe('/login');
    const strict = newSim({ timestampSkewMinutes: 1 });
    const strictQuery = await authorizeQuery(strict);
    strict.clock.advance('PT2M');
    expect(errorOf(await strict.handle(acRequest(strictQuery))).description).toMatch(/^ESIA-007015/);
  });

  it('wrong certificate hash → access_denied ESIA-007053 clientSecretWrong', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    query.client_certificate_hash = 'A'.repeat(64);
    const result = errorOf(await sim.handle(acRequest(query)));
    expect(result.error).toBe('access_denied');
    expect(result.description).toBe('ESIA-007053: OAuthErrorEnum.clientSecretWrong');
  });

  it('signature over other fields or by another key → ESIA-007053', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    const tampered = { ...query, scope: 'openid fullname snils' };
    expect(errorOf(await sim.handle(acRequest(tampered))).description).toMatch(/^ESIA-007053/);
    const stranger = generateGostKeyPair();
    const certificate = createSelfSignedCertificate({
      privateKey: stranger.privateKey,
      subject: 'CN=stranger',
    });
    const signer = createSoftwareGostSigner({
      privateKey: stranger.privateKey,
      certificate: certificate.pem,
    });
    const foreign = await authorizeQuery(sim, {}, signer);
    foreign.client_certificate_hash = query.client_certificate_hash as string;
    expect(errorOf(await sim.handle(acRequest(foreign))).description).toMatch(/^ESIA-007053/);
  });

  it('accepts padded base64url; CryptoPro byte order only with signatureByteOrder: either', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    const bytes = base64UrlToBytes(query.client_secret as string);
    const padded = `${Buffer.from(bytes).toString('base64url')}==`;
    expect(locationOf(await sim.handle(acRequest({ ...query, client_secret: padded }))).pathname).toBe(
      '/login',
    );
    const reversed = Buffer.from(Uint8Array.from(bytes).reverse()).toString('base64url');
    const refused = errorOf(await sim.handle(acRequest({ ...query, client_secret: reversed })));
    expect(refused.description).toMatch(
      /^ESIA-007053: OAuthErrorEnum\.clientSecretWrong \(goskit-sim: .*reversed \(CryptoPro order\)/,
    );
    const lenient = newSim({ signatureByteOrder: 'either' });
    const lenientQuery = await authorizeQuery(lenient);
    const flipped = Buffer.from(base64UrlToBytes(lenientQuery.client_secret as string).reverse()).toString(
      'base64url',
    );
    expect(
      locationOf(await lenient.handle(acRequest({ ...lenientQuery, client_secret: flipped }))).pathname,
    ).toBe('/login');
    const standard = Buffer.from(bytes).toString('base64');
    expect(locationOf(await sim.handle(acRequest({ ...query, client_secret: standard }))).pathname).toBe(
      '/login',
    );
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'scope "openid %s" is an unknown scope (007006), not an Object.prototype member reaching the consent page',
    async (name) => {
      const sim = newSim();
      const result = errorOf(
        await sim.handle(acRequest(await authorizeQuery(sim, { scope: `openid ${name}` }))),
      );
      expect(result.target).toBe(REDIRECT);
      expect(result.description).toMatch(/^ESIA-007006: /);
    },
  );

  it('scope not allowed for the client or unknown → invalid_scope ESIA-007006', async () => {
    const sim = newSim();
    const pair = generateGostKeyPair();
    const certificate = createSelfSignedCertificate({
      privateKey: pair.privateKey,
      subject: 'CN=NARROW',
      notBefore: new Date('2026-01-01T00:00:00Z'),
    });
    registerEsiaClient(sim, {
      clientId: 'NARROW',
      redirectUris: [REDIRECT],
      certificatePem: certificate.pem,
      scopes: ['openid', 'fullname'],
    });
    const signer = createSoftwareGostSigner({ privateKey: pair.privateKey, certificate: certificate.pem });
    const ok = await authorizeQuery(sim, { clientId: 'NARROW', scope: 'openid fullname' }, signer);
    expect(locationOf(await sim.handle(acRequest(ok))).pathname).toBe('/login');
    const wide = await authorizeQuery(sim, { clientId: 'NARROW', scope: 'openid snils' }, signer);
    const result = errorOf(await sim.handle(acRequest(wide)));
    expect(result.error).toBe('invalid_scope');
    expect(result.description).toMatch(/^ESIA-007006/);
    const unknown = await authorizeQuery(sim, { scope: 'openid telepathy' });
    expect(errorOf(await sim.handle(acRequest(unknown))).description).toMatch(/^ESIA-007006/);
  });

  it('response_type other than code → ESIA-007012', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    const result = errorOf(await sim.handle(acRequest({ ...query, response_type: 'token' })));
    expect(result.error).toBe('unsupported_response_type');
  });

  it('success → 302 to the login page on the base URL the client used', async () => {
    const sim = newSim();
    const response = await sim.handle(acRequest(await authorizeQuery(sim)));
    const login = locationOf(response);
    expect(login.origin).toBe('https://esia-portal1.test.gosuslugi.ru');
    expect(login.searchParams.get('rid')).toMatch(/^[0-9a-f-]{36}$/);
    const page = await sim.handle(request('GET', `/login${login.search}`));
    expect(bodyOf(page)).toContain('<form method="post"');
  });
});
