/**
 * The gospochta portal's access rules, one by one, called in process (no listener, no TLS socket):
 * the bearer token on every call (its form, the signature, issuer, audience and expiry on the virtual
 * clock, string claims, a role of the three, a registered system, permissions narrowed by the token),
 * the token endpoint (form body within 64 KiB, Basic or form credentials — never both — the secret,
 * client_credentials and token exchange, scope within the role, the answer and its log record), the
 * request id, and the check of a client certificate the CA verified (a registered system, not revoked).
 * Mutation testing (`pnpm mutation gospochta-access`) keeps them stated.
 */
import { fromBase64Url, fromUtf8 } from '@goskit/crypto';
import { ROLE_PERMISSIONS } from '@goskit/gospochta/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { portalRuntimeOf } from '../src/engine/portal-runtime-of.js';
import type { PortalRuntime, RouteContext, SimRequest, SimResponse } from '../src/engine/types.js';
import { createSimulator } from '../src/index.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { authenticateCaller, type Caller } from '../src/portals/gospochta/access/caller.js';
import { requestIdOf } from '../src/portals/gospochta/access/request-id.js';
import { tokenRoutes } from '../src/portals/gospochta/access/token-route.js';
import { checkAccessToken, issueAccessToken } from '../src/portals/gospochta/access/tokens.js';
import { DEMO_GOSPOCHTA_SECRET, systemRecord } from '../src/portals/gospochta/create-state.js';
import { gospochtaPortal } from '../src/portals/gospochta/index.js';
import { resolveGospochtaOptions } from '../src/portals/gospochta/options.js';
import { GospochtaProblem } from '../src/portals/gospochta/problem.js';
import { CA_NAME } from '../src/portals/gospochta/service.js';
import type { GospochtaState } from '../src/portals/gospochta/state.js';
import { gospochtaTls } from '../src/portals/gospochta/tls.js';
import { certificateAuthority } from '../src/services/certificate-authority.js';
import { type IdentityGrant, identityService } from '../src/services/identity.js';
import { jsonOf, simRequest } from './fixtures/requests.js';

const sim = createSimulator({ seed: 'gospochta-access-rules', portals: [esiaPortal(), gospochtaPortal()] });
const state = () => sim.portalState<GospochtaState>('gospochta');
const options = resolveGospochtaOptions({});
const BASE = 'https://gospochta.goskit.test';
const parent = sim.demo.personas.find((persona) => persona.id === 'parent-ivanov')!;

/** What the identity provider says of a subject token (the ESIA portal's part, stated here). */
let identity: (token: string) => IdentityGrant | undefined = () => undefined;
const seenSubjectTokens: string[] = [];
const own = portalRuntimeOf(sim, 'gospochta');
const runtime: PortalRuntime = {
  portal: own.portal,
  data: own.data,
  seed: own.seed,
  clock: own.clock,
  random: own.random,
  demo: own.demo,
  service: <T>(token: Parameters<PortalRuntime['service']>[0]) =>
    (token === identityService
      ? {
          verifyAccessToken: async (subject: string) => {
            seenSubjectTokens.push(subject);
            return identity(subject);
          },
          person: () => undefined,
        }
      : own.service(token)) as T,
};

function grantFor(oid: string | undefined): IdentityGrant {
  return {
    oid,
    clientId: 'x',
    scopes: [],
    scope: '',
    sid: 's',
    expiresAt: new Date(sim.clock.now() + 60_000),
  };
}

beforeAll(() => {
  const systems = state().systems;
  systems.set(
    'rogue-1',
    systemRecord({ clientId: 'rogue-1', clientSecret: 'rogue-secret', role: 'superuser' }),
  );
  systems.set(
    'reader-1',
    systemRecord({
      clientId: 'reader-1',
      clientSecret: 'a b:c+d',
      role: 'operator',
      permissions: ['letters:read'],
    }),
  );
});

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(fromUtf8(fromBase64Url(token.split('.')[1] as string))) as Record<string, unknown>;
}

const claimsOf = (overrides: Record<string, unknown> = {}) =>
  ({ sub: 'sys-demo-school', client_id: 'demo-school', role: 'operator', ...overrides }) as {
    sub: string;
    client_id: string;
    role: string;
  };

async function tokenFor(overrides: Record<string, unknown> = {}, issuer = BASE): Promise<string> {
  return (await issueAccessToken(runtime, options, issuer, claimsOf(overrides))).token;
}

// --- tokens.ts ---

describe('access tokens', () => {
  it('carry iss (the base called), aud, the claims, iat, exp = iat + lifetime and a jti; expires_in is the lifetime', async () => {
    sim.clock.advance(1_500);
    const nowSec = Math.floor(sim.clock.now() / 1000);
    const issued = await issueAccessToken(runtime, options, BASE, {
      ...claimsOf(),
      permissions: ['letters:read'],
    });
    expect(issued.expiresIn).toBe(600);
    const payload = payloadOf(issued.token);
    expect(payload).toEqual({
      iss: BASE,
      aud: 'gospochta-api',
      sub: 'sys-demo-school',
      client_id: 'demo-school',
      role: 'operator',
      permissions: ['letters:read'],
      iat: nowSec,
      exp: nowSec + 600,
      jti: payload.jti,
    });
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a token the portal signed for this base and audience verifies, with its claims', async () => {
    const token = await tokenFor();
    const checked = await checkAccessToken(runtime, options, BASE, token);
    expect(checked).toEqual({ ok: true, claims: payloadOf(token) });
  });

  it('refuses a token over 16 384 characters before anything else', async () => {
    expect(await checkAccessToken(runtime, options, BASE, 'a'.repeat(16_385))).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'the token is too long',
    });
    expect(await checkAccessToken(runtime, options, BASE, 'a'.repeat(16_384))).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'token refused: MALFORMED_TOKEN',
    });
  });

  it('refuses another issuer (the other listener), another audience, another algorithm or key', async () => {
    const token = await tokenFor();
    expect(await checkAccessToken(runtime, options, 'https://other.test', token)).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: 'token refused: TOKEN_CLAIM_INVALID',
    });
    const otherAudience = resolveGospochtaOptions({ audience: 'other-api' });
    expect(await checkAccessToken(runtime, otherAudience, BASE, token)).toMatchObject({
      message: 'token refused: TOKEN_CLAIM_INVALID',
    });
    const es256 = resolveGospochtaOptions({ tokenAlg: 'ES256' });
    expect(await checkAccessToken(runtime, es256, BASE, token)).toMatchObject({
      message: 'token refused: ALGORITHM_NOT_ALLOWED',
    });
    const tampered = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(342)}`;
    expect(await checkAccessToken(runtime, options, BASE, tampered)).toMatchObject({
      message: 'token refused: SIGNATURE_MISMATCH',
    });
  });

  it('expires at exp on the virtual clock, with no tolerance', async () => {
    const start = Math.ceil(sim.clock.now() / 1000) * 1000;
    sim.clock.set(start);
    const token = await tokenFor();
    sim.clock.set(start + 599_999);
    expect((await checkAccessToken(runtime, options, BASE, token)).ok).toBe(true);
    sim.clock.set(start + 600_000);
    expect(await checkAccessToken(runtime, options, BASE, token)).toEqual({
      ok: false,
      reason: 'expired',
      message: 'the access token has expired',
    });
  });

  it('sub, client_id and role are required, and strings', async () => {
    for (const missing of ['sub', 'client_id', 'role']) {
      const token = await tokenFor({ [missing]: undefined });
      expect(await checkAccessToken(runtime, options, BASE, token), missing).toEqual({
        ok: false,
        reason: 'invalid',
        message: 'token refused: TOKEN_CLAIM_INVALID',
      });
      const notString = await tokenFor({ [missing]: 7 });
      expect(await checkAccessToken(runtime, options, BASE, notString), missing).toEqual({
        ok: false,
        reason: 'invalid',
        message: 'sub, client_id and role must be strings',
      });
    }
  });
});

// --- caller.ts ---

async function problemOf(action: Promise<unknown>) {
  try {
    await action;
  } catch (error) {
    if (error instanceof GospochtaProblem) {
      return { status: error.status, code: error.code, extra: error.extra, headers: error.headers };
    }
    throw error;
  }
  throw new Error('not refused');
}

const call = (authorization: string | undefined) =>
  simRequest('/v1/session', {
    portal: 'gospochta',
    ...(authorization === undefined ? {} : { headers: { authorization } }),
  });
const caller = (authorization: string | undefined): Promise<Caller> =>
  authenticateCaller({ ...call(authorization), baseUrl: BASE }, state(), runtime, options);

describe('who is calling', () => {
  const noBearer = {
    status: 401,
    code: 'UNAUTHORIZED',
    extra: { detail: 'send Authorization: Bearer <access token from /oauth2/token>' },
    headers: { 'www-authenticate': 'Bearer realm="gospochta"' },
  };

  it('needs Authorization: Bearer <token> (any case, one or more spaces, nothing around it)', async () => {
    const token = await tokenFor();
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      `Basic ${token}`,
      `Bearer${token}`,
      `x Bearer ${token}`,
      `Bearer ${token} `,
      `Bearer ${token}!`,
      `Bearer ${token} x`,
    ]) {
      expect(await problemOf(caller(header)), String(header).slice(0, 30)).toEqual(noBearer);
    }
    expect((await caller(`bearer   ${token}`)).clientId).toBe('demo-school');
    expect((await caller(`BEARER\t${token}`)).clientId).toBe('demo-school');
  });

  it('a token may hold A–Z a–z 0–9 . _ ~ + / = - (it then goes to the signature check)', async () => {
    for (const value of ['AZaz09', 'a.b', 'a_b', 'a~b', 'a+b', 'a/b', 'a=b', 'a-b']) {
      expect(await problemOf(caller(`Bearer ${value}`)), value).toMatchObject({
        status: 401,
        code: 'UNAUTHORIZED',
        extra: { detail: 'token refused: MALFORMED_TOKEN' },
      });
    }
  });

  it('a token that does not verify is 401 UNAUTHORIZED, an expired one 401 TOKEN_EXPIRED, saying why', async () => {
    expect(await problemOf(caller('Bearer a.b.c'))).toEqual({
      status: 401,
      code: 'UNAUTHORIZED',
      extra: { detail: 'token refused: MALFORMED_TOKEN' },
      headers: {
        'www-authenticate':
          'Bearer realm="gospochta", error="invalid_token", error_description="token refused: MALFORMED_TOKEN"',
      },
    });
    const token = await tokenFor();
    sim.clock.advance(601_000);
    expect(await problemOf(caller(`Bearer ${token}`))).toEqual({
      status: 401,
      code: 'TOKEN_EXPIRED',
      extra: { detail: 'the access token has expired' },
      headers: {
        'www-authenticate':
          'Bearer realm="gospochta", error="invalid_token", error_description="the access token has expired"',
      },
    });
  });

  it('a role outside operator, client and admin is 403 ROLE_UNKNOWN naming it (64 characters at most)', async () => {
    expect(await problemOf(caller(`Bearer ${await tokenFor({ role: 'superuser' })}`))).toEqual({
      status: 403,
      code: 'ROLE_UNKNOWN',
      extra: { role: 'superuser', detail: 'roles are operator, client and admin' },
      headers: {},
    });
    const long = await problemOf(caller(`Bearer ${await tokenFor({ role: 'r'.repeat(70) })}`));
    expect(long.extra.role).toBe('r'.repeat(64));
  });

  it('a token of a system no longer registered is 401 invalid_token', async () => {
    expect(await problemOf(caller(`Bearer ${await tokenFor({ client_id: 'gone-system' })}`))).toEqual({
      status: 401,
      code: 'UNAUTHORIZED',
      extra: { detail: 'the token names a system that is not registered (any more)' },
      headers: { 'www-authenticate': 'Bearer realm="gospochta", error="invalid_token"' },
    });
  });

  it('names the system, subject, role, expiry and the role’s permissions', async () => {
    const token = await tokenFor();
    const who = await caller(`Bearer ${token}`);
    expect(who).toStrictEqual({
      clientId: 'demo-school',
      subject: 'sys-demo-school',
      role: 'operator',
      permissions: new Set(ROLE_PERMISSIONS.operator),
      expiresAt: (payloadOf(token).exp as number) * 1000,
      system: state().systems.get('demo-school'),
    });
  });

  it('the token’s permissions narrow the role’s (non-strings ignored; not a list: the role’s)', async () => {
    const narrowed = await caller(
      `Bearer ${await tokenFor({ permissions: ['letters:read', 5, 'payments:pay'] })}`,
    );
    expect([...narrowed.permissions]).toEqual(['letters:read']);
    const notList = await caller(`Bearer ${await tokenFor({ permissions: 'letters:read' })}`);
    expect(notList.permissions).toEqual(new Set(ROLE_PERMISSIONS.operator));
  });

  it('a subject that is a person’s oid names the person', async () => {
    const who = await caller(
      `Bearer ${await tokenFor({ sub: parent.oid, client_id: 'demo-parent-app', role: 'client' })}`,
    );
    expect(who.person?.oid).toBe(parent.oid);
    expect(who.subject).toBe(parent.oid);
  });
});

// --- token-route.ts ---

const [issueRoute, jwksRoute] = tokenRoutes(options);

function tokenRequest(
  body: string | Record<string, string>,
  headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' },
): SimRequest {
  return {
    ...simRequest('/oauth2/token', {
      portal: 'gospochta',
      method: 'POST',
      headers: { 'x-request-id': 'req-00000001', ...headers },
      body: typeof body === 'string' ? body : new URLSearchParams(body).toString(),
    }),
    baseUrl: BASE,
  };
}

const basic = (id: string, secret: string) => ({
  'content-type': 'application/x-www-form-urlencoded',
  authorization: `Basic ${btoa(`${id}:${secret}`)}`,
});
const demoBasic = basic('demo-school', DEMO_GOSPOCHTA_SECRET);

async function issue(
  request: SimRequest,
): Promise<{ status: number; body: Record<string, unknown>; response: SimResponse }> {
  const ctx: RouteContext<GospochtaState> = { request, state: state(), sim: runtime, params: {} };
  const response = await issueRoute!.handler(ctx);
  return { status: response.status, body: jsonOf(response), response };
}

const oauth = (status: number, error: string, description: string) => ({
  status,
  body: { error, error_description: description },
});
const shapeOf = (answer: { status: number; body: Record<string, unknown> }) => ({
  status: answer.status,
  body: answer.body,
});

describe('the token endpoint: the request', () => {
  it('POST /oauth2/token (operation issueToken) and GET /oauth2/jwks (operation getJwks)', () => {
    expect([issueRoute!.method, issueRoute!.path, issueRoute!.operation]).toEqual([
      'POST',
      '/oauth2/token',
      'issueToken',
    ]);
    expect([jwksRoute!.method, jwksRoute!.path, jwksRoute!.operation]).toEqual([
      'GET',
      '/oauth2/jwks',
      'getJwks',
    ]);
  });

  it('the body must be a form (application/x-www-form-urlencoded, any case, parameters allowed)', async () => {
    const refused = oauth(400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
    for (const type of [
      undefined,
      'text/plain',
      'xapplication/x-www-form-urlencoded',
      'application/x-www-form-urlencodedx',
    ]) {
      const headers: Record<string, string> = { authorization: demoBasic.authorization };
      if (type !== undefined) {
        headers['content-type'] = type;
      }
      expect(shapeOf(await issue(tokenRequest({ grant_type: 'client_credentials' }, headers))), type).toEqual(
        refused,
      );
    }
    for (const type of [
      'APPLICATION/X-WWW-FORM-URLENCODED',
      'application/x-www-form-urlencoded; charset=utf-8',
    ]) {
      const answer = await issue(
        tokenRequest({ grant_type: 'client_credentials' }, { ...demoBasic, 'content-type': type }),
      );
      expect(answer.status, type).toBe(200);
    }
  });

  it('the form is at most 64 KiB', async () => {
    const form = (length: number) => {
      const head = 'grant_type=client_credentials&pad=';
      return head + 'x'.repeat(length - head.length);
    };
    expect((await issue(tokenRequest(form(65_536), demoBasic))).status).toBe(200);
    expect(shapeOf(await issue(tokenRequest(form(65_537), demoBasic)))).toEqual(
      oauth(400, 'invalid_request', 'the form is over 64 KiB'),
    );
  });

  it('a request without a body is an empty form', async () => {
    expect(shapeOf(await issue({ ...tokenRequest('', demoBasic), body: undefined }))).toEqual(
      oauth(400, 'unsupported_grant_type', 'grant_type: client_credentials or token exchange'),
    );
  });

  it('an Authorization header must be Basic base64(client_id:client_secret), at most 2048 characters', async () => {
    const refused = oauth(
      400,
      'invalid_request',
      'the Authorization header must be Basic base64(client_id:client_secret)',
    );
    const good = btoa(`demo-school:${DEMO_GOSPOCHTA_SECRET}`);
    for (const authorization of [
      `Bearer ${good}`,
      `Basic ${good}!`,
      `xBasic ${good}`,
      `Basic${good}`,
      'Basic ',
      `Basic ${good} x`,
      `Basic ${'A'.repeat(2049)}`,
    ]) {
      const answer = await issue(
        tokenRequest(
          { grant_type: 'client_credentials' },
          { 'content-type': 'application/x-www-form-urlencoded', authorization },
        ),
      );
      expect(shapeOf(answer), authorization.slice(0, 20)).toEqual(refused);
    }
    for (const authorization of [`basic  ${good}`, `BASIC\t${good}`]) {
      const answer = await issue(
        tokenRequest(
          { grant_type: 'client_credentials' },
          { 'content-type': 'application/x-www-form-urlencoded', authorization },
        ),
      );
      expect(answer.status, authorization).toBe(200);
    }
    // The whole base64 alphabet passes the header check (these bytes are then no UTF-8 text).
    const alphabet = await issue(
      tokenRequest(
        { grant_type: 'client_credentials' },
        {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic AZaz09+/${'A'.repeat(2039)}=`,
        },
      ),
    );
    expect(shapeOf(alphabet)).toEqual(oauth(400, 'invalid_request', 'the Basic credentials are not base64'));
  });

  it('the client credentials are given once: Basic or the form (client_id or client_secret), not both', async () => {
    const once = oauth(
      400,
      'invalid_request',
      'give the client credentials once: Basic or the form, not both',
    );
    for (const extra of [{ client_id: 'demo-school' }, { client_secret: DEMO_GOSPOCHTA_SECRET }]) {
      expect(
        shapeOf(await issue(tokenRequest({ grant_type: 'client_credentials', ...extra }, demoBasic))),
      ).toEqual(once);
    }
  });

  it('Basic credentials must be base64 of client_id:client_secret, each form-encoded', async () => {
    const header = (value: string) => ({
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${value}`,
    });
    expect(
      shapeOf(await issue(tokenRequest({ grant_type: 'client_credentials' }, header('QUJDRA=a')))),
    ).toEqual(oauth(400, 'invalid_request', 'the Basic credentials are not base64'));
    const notPair = oauth(400, 'invalid_request', 'the Basic credentials are not client_id:client_secret');
    for (const text of ['demo-school', 'demo%zz:secret', 'demo-school:%zz']) {
      expect(
        shapeOf(await issue(tokenRequest({ grant_type: 'client_credentials' }, header(btoa(text))))),
        text,
      ).toEqual(notPair);
    }
    // Form-encoded parts: %2D is '-', '+' is a space; the secret keeps its own colons.
    const encoded = await issue(
      tokenRequest(
        { grant_type: 'client_credentials' },
        header(btoa(`demo%2Dschool:${DEMO_GOSPOCHTA_SECRET}`)),
      ),
    );
    expect(encoded.status).toBe(200);
    const reader = await issue(
      tokenRequest({ grant_type: 'client_credentials' }, header(btoa('reader-1:a+b:c%2Bd'))),
    );
    expect(reader.status).toBe(200);
    // An empty client id is a pair (of an unknown client).
    expect((await issue(tokenRequest({ grant_type: 'client_credentials' }, header(btoa(':x'))))).status).toBe(
      401,
    );
  });

  it('form credentials need both client_id and client_secret; an unknown client or a wrong secret is 401 invalid_client', async () => {
    const invalid = {
      status: 401,
      body: { error: 'invalid_client', error_description: 'unknown client or wrong secret' },
    };
    const form = (fields: Record<string, string>) =>
      issue(tokenRequest({ grant_type: 'client_credentials', ...fields }));
    for (const fields of [
      {},
      { client_id: 'demo-school' },
      { client_secret: DEMO_GOSPOCHTA_SECRET },
      { client_id: 'nobody', client_secret: DEMO_GOSPOCHTA_SECRET },
      { client_id: 'demo-school', client_secret: `${DEMO_GOSPOCHTA_SECRET}x` },
      { client_id: 'demo-school', client_secret: `${DEMO_GOSPOCHTA_SECRET.slice(0, -1)}X` },
      { client_id: 'demo-school', client_secret: DEMO_GOSPOCHTA_SECRET.slice(0, -1) },
    ]) {
      const answer = await form(fields);
      expect(shapeOf(answer), JSON.stringify(fields)).toEqual(invalid);
      expect(answer.response.headers).toMatchObject({
        'www-authenticate': 'Basic realm="gospochta"',
        'cache-control': 'no-store',
        'x-request-id': 'req-00000001',
      });
    }
    expect((await form({ client_id: 'demo-school', client_secret: DEMO_GOSPOCHTA_SECRET })).status).toBe(200);
  });
});

describe('the token endpoint: grants and scope', () => {
  it('client_credentials: a token in the system’s own role and subject, for the base called', async () => {
    const before = state().tokensIssued;
    const answer = await issue(tokenRequest({ grant_type: 'client_credentials' }, demoBasic));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: answer.body.access_token,
      token_type: 'Bearer',
      expires_in: 600,
    });
    expect(answer.response.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-request-id': 'req-00000001',
    });
    expect(payloadOf(answer.body.access_token as string)).toMatchObject({
      iss: BASE,
      sub: 'sys-demo-school',
      client_id: 'demo-school',
      role: 'operator',
    });
    expect(payloadOf(answer.body.access_token as string)).not.toHaveProperty('permissions');
    expect(state().tokensIssued).toBe(before + 1);
  });

  it('a system registered with narrower permissions gets them in its tokens', async () => {
    const answer = await issue(
      tokenRequest({ grant_type: 'client_credentials' }, basic('reader-1', 'a+b:c%2Bd')),
    );
    expect(answer.body.scope).toBe('letters:read');
    expect(payloadOf(answer.body.access_token as string).permissions).toEqual(['letters:read']);
  });

  it('scope names permissions of the contract (20 at most, duplicates counted once) within the role', async () => {
    const scoped = (scope: string, headers = demoBasic) =>
      issue(tokenRequest({ grant_type: 'client_credentials', scope }, headers));
    const narrowed = await scoped(' letters:read  letters:send letters:read ');
    expect(narrowed.body.scope).toBe('letters:read letters:send');
    expect(payloadOf(narrowed.body.access_token as string).permissions).toEqual([
      'letters:read',
      'letters:send',
    ]);
    expect((await scoped(Array(20).fill('letters:read').join(' '))).body.scope).toBe('letters:read');
    expect(shapeOf(await scoped(Array(21).fill('letters:read').join(' ')))).toEqual(
      oauth(400, 'invalid_scope', 'scope names permissions of the contract; "" is none'),
    );
    expect(shapeOf(await scoped(`letters:read ${'x'.repeat(50)}`))).toEqual(
      oauth(400, 'invalid_scope', `scope names permissions of the contract; "${'x'.repeat(40)}" is none`),
    );
    expect(shapeOf(await scoped('letters:read payments:pay'))).toEqual(
      oauth(400, 'invalid_scope', 'the role operator does not have payments:pay'),
    );
    // An empty scope asks for nothing.
    expect((await scoped('')).body.scope).toBe('');
    // A system whose role is none of the three is issued what it asks (callers refuse the role).
    expect((await scoped('payments:pay', basic('rogue-1', 'rogue-secret'))).body.scope).toBe('payments:pay');
  });

  it('another grant_type is unsupported_grant_type', async () => {
    for (const grant of ['password', undefined]) {
      const fields: Record<string, string> = grant === undefined ? {} : { grant_type: grant };
      expect(shapeOf(await issue(tokenRequest(fields, demoBasic))), grant).toEqual(
        oauth(400, 'unsupported_grant_type', 'grant_type: client_credentials or token exchange'),
      );
    }
  });

  const EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
  const ACCESS = 'urn:ietf:params:oauth:token-type:access_token';
  const exchange = (fields: Record<string, string>) =>
    issue(
      tokenRequest(
        { grant_type: EXCHANGE, subject_token: 'esia-token', subject_token_type: ACCESS, ...fields },
        demoBasic,
      ),
    );

  it('token exchange needs subject_token and subject_token_type access_token', async () => {
    const needs = oauth(
      400,
      'invalid_request',
      `token exchange needs subject_token and subject_token_type ${ACCESS}`,
    );
    expect(
      shapeOf(await issue(tokenRequest({ grant_type: EXCHANGE, subject_token_type: ACCESS }, demoBasic))),
    ).toEqual(needs);
    expect(
      shapeOf(await exchange({ subject_token_type: 'urn:ietf:params:oauth:token-type:id_token' })),
    ).toEqual(needs);
    expect(
      shapeOf(await issue(tokenRequest({ grant_type: EXCHANGE, subject_token: 'x' }, demoBasic))),
    ).toEqual(needs);
  });

  it('the subject token must verify at the identity provider and name a person with a profile here', async () => {
    const refused = oauth(
      400,
      'invalid_grant',
      'the ESIA token does not verify, has expired, or names no person with a Gosuslugi profile here',
    );
    identity = () => undefined;
    expect(shapeOf(await exchange({}))).toEqual(refused);
    identity = () => grantFor(undefined);
    expect(shapeOf(await exchange({}))).toEqual(refused);
    identity = () => grantFor('1000999999');
    expect(shapeOf(await exchange({}))).toEqual(refused);
    // At most 16 384 characters of it are looked at.
    seenSubjectTokens.length = 0;
    await exchange({ subject_token: 'z'.repeat(20_000) });
    expect(seenSubjectTokens).toEqual(['z'.repeat(16_384)]);
  });

  it('a verified person’s token becomes a client-role token for that person, narrowed within the client role', async () => {
    identity = (token) => (token === 'esia-token' ? grantFor(parent.oid) : undefined);
    const answer = await exchange({});
    expect(answer.body).toEqual({
      access_token: answer.body.access_token,
      token_type: 'Bearer',
      expires_in: 600,
      issued_token_type: ACCESS,
    });
    const payload = payloadOf(answer.body.access_token as string);
    expect(payload).toMatchObject({ sub: parent.oid, client_id: 'demo-school', role: 'client' });
    expect(payload).not.toHaveProperty('permissions');
    const narrowed = await exchange({ scope: 'payments:pay' });
    expect(narrowed.body.scope).toBe('payments:pay');
    expect(shapeOf(await exchange({ scope: 'letters:send' }))).toEqual(
      oauth(400, 'invalid_scope', 'the role client does not have letters:send'),
    );
  });

  it('every answer is logged: request id, time, operation, status, the client once known, the error code', async () => {
    const last = () => state().audit.at(-1);
    await issue(tokenRequest({ grant_type: 'client_credentials' }, demoBasic));
    expect(last()).toStrictEqual({
      requestId: 'req-00000001',
      at: sim.clock.now(),
      operation: 'issueToken',
      status: 200,
      clientId: 'demo-school',
    });
    await issue(tokenRequest({ grant_type: 'password' }, demoBasic));
    expect(last()).toStrictEqual({
      requestId: 'req-00000001',
      at: sim.clock.now(),
      operation: 'issueToken',
      status: 400,
      clientId: 'demo-school',
      code: 'unsupported_grant_type',
    });
    await issue(tokenRequest({ grant_type: 'client_credentials' }));
    expect(last()).toStrictEqual({
      requestId: 'req-00000001',
      at: sim.clock.now(),
      operation: 'issueToken',
      status: 401,
      code: 'invalid_client',
    });
  });

  it('publishes the token key as JWKS, cacheable for ten minutes', async () => {
    const response = await jwksRoute!.handler({
      request: tokenRequest(''),
      state: state(),
      sim: runtime,
      params: {},
    });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('max-age=600');
    const { keys } = jsonOf<{ keys: Record<string, unknown>[] }>(response);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
  });
});

// --- request-id.ts ---

describe('X-Request-Id', () => {
  const idOf = (value: string | undefined) =>
    requestIdOf(
      simRequest('/v1/session', {
        portal: 'gospochta',
        ...(value === undefined ? {} : { headers: { 'x-request-id': value } }),
      }),
      runtime,
    );

  it('the client’s id is 8–128 of A–Z a–z 0–9 . _ : - and is kept', () => {
    for (const value of ['AZaz09._:-', 'a'.repeat(8), 'b'.repeat(128)]) {
      expect(idOf(value), value).toEqual({ value, given: true });
    }
  });

  it('a missing or malformed one is replaced by gp-<uuid> and marked as not given', () => {
    for (const value of [
      undefined,
      'a'.repeat(7),
      'b'.repeat(129),
      'req 00000001',
      'req/00000001',
      'xreq-0000001\n',
    ]) {
      const id = idOf(value);
      expect(id.given, String(value)).toBe(false);
      expect(id.value).toMatch(/^gp-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

// --- tls.ts ---

describe('client certificates (mutual TLS)', () => {
  const peer = (commonName: string, serialNumber: string) => ({
    subject: `CN=${commonName},O=goskit`,
    commonName,
    serialNumber,
    fingerprint256: 'AA',
    validFrom: '2026-01-01T00:00:00Z',
    validTo: '2027-01-01T00:00:00Z',
  });
  const check = (commonName: string, serialNumber: string) =>
    gospochtaTls.checkClient?.(peer(commonName, serialNumber), { state: state(), sim: runtime });

  it('the certificate’s CN must name a registered system (named back, 60 characters at most)', () => {
    expect(check('nobody', '01')).toBe('the certificate names no registered system (nobody)');
    expect(check('n'.repeat(70), '01')).toBe(
      `the certificate names no registered system (${'n'.repeat(60)})`,
    );
    expect(check('demo-school', '01')).toBeUndefined();
  });

  it('a revoked certificate is refused; one the portal did not record, or did not revoke, passes', () => {
    const record = {
      serialNumber: '0a',
      clientId: 'demo-school',
      fingerprint256: 'AA',
      notBefore: '2026-01-01T00:00:00Z',
      notAfter: '2027-01-01T00:00:00Z',
      issuedAt: 0,
      revoked: false,
    };
    state().certificates.set('0a', record);
    expect(check('demo-school', '0a')).toBeUndefined();
    record.revoked = true;
    expect(check('demo-school', '0a')).toBe('the certificate was revoked');
    expect(check('demo-school', '0b')).toBeUndefined();
  });

  it('the listener’s credentials: a server certificate for its hosts from the per-seed CA, and that CA', async () => {
    const hosts = ['localhost', '127.0.0.1'];
    const credentials = await gospochtaTls.credentials({ runtime, hosts });
    const ca = await certificateAuthority(runtime.seed, CA_NAME);
    const server = await ca.serverCertificate(hosts);
    expect(credentials).toEqual({
      certificatePem: server.certificatePem,
      privateKeyPem: server.privateKeyPem,
      caPem: ca.certificatePem,
    });
  });
});
