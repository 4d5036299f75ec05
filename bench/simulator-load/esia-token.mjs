/**
 * Gets a real ESIA access token from a simulator in process, the way a vendor's backend would:
 * GOST-signed v2/ac authorize request of the demo client → login form → consent → signed v3/te code
 * exchange. Used by bench/simulator-load.mjs for its GET /esia/rs/prns/{oid} load case.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const cryptoDist = join(here, '..', '..', 'packages', 'crypto', 'dist', 'index.js');

/** The MSW handlers answer this host; the standalone server answers the same paths under /esia. */
export const ESIA_BASE = 'https://esia-portal1.test.gosuslugi.ru';
export const ESIA_SCOPE = 'openid fullname birthdate gender snils email mobile';
const REDIRECT = 'http://localhost:3000/callback';
const LOGIN = 'ivan.ivanov';
const PASSWORD = 'goskit-demo';

const encoder = new TextEncoder();

/** A SimRequest for the ESIA portal, as the MSW adapter would build it. */
export function esiaRequest(method, pathAndQuery, { form, headers = {} } = {}) {
  const url = new URL(pathAndQuery, ESIA_BASE);
  const allHeaders = { ...headers };
  let body;
  if (form !== undefined) {
    allHeaders['content-type'] = 'application/x-www-form-urlencoded';
    body = encoder.encode(new URLSearchParams(form).toString());
  }
  return {
    method,
    portal: 'esia',
    path: url.pathname,
    query: url.searchParams,
    headers: allHeaders,
    body,
    url: url.toString(),
    baseUrl: ESIA_BASE,
  };
}

function expectStatus(response, status, step) {
  if (response.status !== status) {
    const body = typeof response.body === 'string' ? response.body : new TextDecoder().decode(response.body);
    throw new Error(`ESIA ${step} answered ${response.status}, expected ${status}: ${body.slice(0, 300)}`);
  }
  return response;
}

/**
 * Walks the whole authorization-code flow on `sim` (which must include the esia portal) and returns
 * `{ accessToken, oid }` of the demo parent.
 */
export async function issueEsiaAccessToken(sim, demoEsiaClient) {
  const { createClientSecret, createSoftwareGostSigner, esiaTimestamp } = await import(
    pathToFileURL(cryptoDist).href
  );
  const demo = demoEsiaClient(sim);
  const signer = createSoftwareGostSigner({
    privateKey: demo.privateKeyPem,
    certificate: demo.certificatePem,
  });
  const timestamp = esiaTimestamp(sim.clock.date());
  const common = { clientId: demo.clientId, scope: ESIA_SCOPE, timestamp, redirectUri: REDIRECT };

  const authorizeState = sim.random.uuid();
  const authorize = await createClientSecret(signer, {
    ...common,
    flow: 'v2/ac',
    scopeOrg: '',
    state: authorizeState,
  });
  const query = new URLSearchParams({
    client_id: demo.clientId,
    client_secret: authorize.clientSecret,
    client_certificate_hash: authorize.clientCertificateHash,
    redirect_uri: REDIRECT,
    scope: ESIA_SCOPE,
    response_type: 'code',
    state: authorizeState,
    timestamp,
    access_type: 'offline',
  });
  const started = expectStatus(
    await sim.handle(esiaRequest('GET', `/aas/oauth2/v2/ac?${query}`)),
    302,
    'v2/ac',
  );
  const rid = new URL(started.headers.location).searchParams.get('rid');
  expectStatus(
    await sim.handle(
      esiaRequest('POST', '/login', { form: { rid, login: LOGIN, password: PASSWORD, code: '123456' } }),
    ),
    302,
    'login',
  );
  const consent = expectStatus(
    await sim.handle(esiaRequest('POST', '/consent', { form: { rid, decision: 'allow' } })),
    302,
    'consent',
  );
  const code = new URL(consent.headers.location).searchParams.get('code');
  const exchangeState = sim.random.uuid();
  const exchange = await createClientSecret(signer, { ...common, flow: 'v3/te', state: exchangeState, code });
  const tokenForm = {
    client_id: demo.clientId,
    code,
    grant_type: 'authorization_code',
    client_certificate_hash: exchange.clientCertificateHash,
    client_secret: exchange.clientSecret,
    state: exchangeState,
    redirect_uri: REDIRECT,
    scope: ESIA_SCOPE,
    timestamp,
    token_type: 'Bearer',
  };
  const tokens = expectStatus(
    await sim.handle(esiaRequest('POST', '/aas/oauth2/v3/te', { form: tokenForm })),
    200,
    'v3/te',
  );
  const { access_token: accessToken } = JSON.parse(String(tokens.body));
  const oid = sim.demo.personas.find((persona) => persona.login === LOGIN)?.oid;
  if (typeof accessToken !== 'string' || oid === undefined) {
    throw new Error('ESIA flow gave no access token or demo person');
  }
  return { accessToken, oid: String(oid) };
}
