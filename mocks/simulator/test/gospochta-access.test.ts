/**
 * The gospochta portal's access rules over MSW: the token endpoint (Basic or form credentials, never
 * both; wrong secret → 401 invalid_client; scope narrows within the role; token exchange of a real ESIA
 * token for a person), JWKS, tokens verified on every call (issuer = the base called, audience, expiry
 * on the virtual clock), a role outside the three refused, every operation's permission enforced with
 * a 403 naming it — for every role × operation pair — and the operation log without personal data.
 */
import { OPERATION_PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '@goskit/gospochta/protocol';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_CONTRACTS } from '../src/portals/gospochta/operations/contract-checks.js';
import {
  acRequest,
  authorizeQuery,
  codeExchangeForm,
  jsonOf,
  locationOf,
  loginAndConsent,
  request,
} from './esia-support.js';
import { createGospochtaWorld, type GospochtaWorld, HOST } from './gospochta-support.js';

let world: GospochtaWorld;
const server = setupServer();
beforeAll(async () => {
  world = await createGospochtaWorld({
    data: {
      systems: [
        { clientId: 'rogue-1', clientSecret: 'rogue-secret-0001', role: 'superuser' },
        {
          clientId: 'reader-1',
          clientSecret: 'reader-secret-0001',
          role: 'operator',
          permissions: ['letters:read'],
        },
      ],
    },
  });
  server.use(...world.sim.handlers);
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${HOST}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
const basic = (id: string, secret: string) => ({ authorization: `Basic ${btoa(`${id}:${secret}`)}` });

describe('the token endpoint', () => {
  it('issues client-credentials tokens for Basic or form credentials, and refuses both at once', async () => {
    const byBasic = await form(
      { grant_type: 'client_credentials' },
      basic('demo-school', 'goskit-demo-gospochta'),
    );
    expect(byBasic.status).toBe(200);
    expect(byBasic.headers.get('cache-control')).toBe('no-store');
    expect(await byBasic.json()).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    const byForm = await form({
      grant_type: 'client_credentials',
      client_id: 'demo-school',
      client_secret: 'goskit-demo-gospochta',
    });
    expect(byForm.status).toBe(200);
    const both = await form(
      { grant_type: 'client_credentials', client_id: 'demo-school', client_secret: 'goskit-demo-gospochta' },
      basic('demo-school', 'goskit-demo-gospochta'),
    );
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a wrong secret, an unknown client and a hostile client id as invalid_client, without echoing them', async () => {
    for (const [id, secret] of [
      ['demo-school', 'wrong-secret-1234'],
      ['nobody', 'goskit-demo-gospochta'],
      ['__proto__', 'x'],
      ['constructor', 'x'],
    ]) {
      const answer = await form({ grant_type: 'client_credentials' }, basic(id as string, secret as string));
      expect(answer.status, id).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Basic realm="gospochta"');
      const text = await answer.text();
      expect(text).toContain('invalid_client');
      expect(text).not.toContain(secret as string);
    }
  });

  it('narrows a token with scope within the role, and refuses a scope beyond it', async () => {
    const narrowed = await form(
      { grant_type: 'client_credentials', scope: 'letters:read' },
      basic('demo-school', 'goskit-demo-gospochta'),
    );
    const token = ((await narrowed.json()) as { access_token: string; scope: string }).access_token;
    const session = await world.raw({ method: 'GET', target: '/v1/session', token });
    expect(session.body).toMatchObject({ permissions: ['letters:read'] });
    const outbox = await world.raw({ method: 'GET', target: '/v1/outbox', token });
    expect(outbox.status).toBe(403);
    expect(outbox.body).toMatchObject({ code: 'PERMISSION_DENIED', missingPermission: 'letters:send' });
    const beyond = await form(
      { grant_type: 'client_credentials', scope: 'payments:pay' },
      basic('demo-school', 'goskit-demo-gospochta'),
    );
    expect(beyond.status).toBe(400);
    expect(await beyond.json()).toMatchObject({ error: 'invalid_scope' });
    const unknown = await form({ grant_type: 'password' }, basic('demo-school', 'goskit-demo-gospochta'));
    expect(await unknown.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('exchanges a person’s ESIA access token for a client-role token, and refuses anything else', async () => {
    const sim = world.sim;
    const started = await sim.handle(
      acRequest(await authorizeQuery(sim, { scope: 'openid fullname snils' })),
    );
    const consented = await loginAndConsent(sim, started, world.parent.login);
    const code = locationOf(consented).searchParams.get('code') as string;
    const form_ = await codeExchangeForm(sim, code, { scope: 'openid fullname snils' });
    const esiaToken = jsonOf(await sim.handle(request('POST', '/aas/oauth2/v3/te', { form: form_ })))
      .access_token as string;
    const exchange = (subjectToken: string) =>
      form(
        {
          grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
          subject_token: subjectToken,
          subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        },
        basic('demo-school', 'goskit-demo-gospochta'),
      );
    const answer = await exchange(esiaToken);
    expect(answer.status).toBe(200);
    const issued = (await answer.json()) as { access_token: string; issued_token_type: string };
    expect(issued.issued_token_type).toBe('urn:ietf:params:oauth:token-type:access_token');
    const session = await world.raw({ method: 'GET', target: '/v1/session', token: issued.access_token });
    expect(session.body).toMatchObject({
      subject: world.parent.oid,
      role: 'client',
      clientId: 'demo-school',
    });
    for (const bad of ['not-a-token', `${esiaToken.slice(0, -4)}AAAA`]) {
      const refused = await exchange(bad);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
    }
  });

  it('publishes the token key as JWKS with its certificate', async () => {
    const jwks = (await (await fetch(`${HOST}/oauth2/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect((jwks.keys[0]?.x5c as string[] | undefined)?.[0]).toBe(
      world.trust.tokenCertificate.replace(/-----[^-]+-----|\s/g, ''),
    );
  });
});

describe('tokens on every call', () => {
  it('refuses a missing, malformed, foreign-issuer or expired token, and a role outside the three', async () => {
    const missing = await fetch(`${HOST}/v1/session`, { headers: { 'x-request-id': 'req-00000001' } });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer realm="gospochta"');
    expect(await world.raw({ method: 'GET', target: '/v1/session', token: 'a.b.c' })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
    const rogue = await form({ grant_type: 'client_credentials' }, basic('rogue-1', 'rogue-secret-0001'));
    const rogueToken = ((await rogue.json()) as { access_token: string }).access_token;
    expect(await world.raw({ method: 'GET', target: '/v1/session', token: rogueToken })).toMatchObject({
      status: 403,
      body: { code: 'ROLE_UNKNOWN', role: 'superuser' },
    });
    const token = await world.token('demo-school');
    world.sim.clock.advance(601_000);
    const expired = await world.raw({ method: 'GET', target: '/v1/session', token });
    expect(expired).toMatchObject({ status: 401, body: { code: 'TOKEN_EXPIRED' } });
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('refuses a request without X-Request-Id before anything else', async () => {
    const token = await world.token('demo-school');
    const answer = await fetch(`${HOST}/v1/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'INVALID_REQUEST', field: 'X-Request-Id' });
  });
});

describe('roles × operations', () => {
  it('every operation answers 403 naming its permission to a role without it, and lets the others in', async () => {
    const systems = { operator: 'demo-school', client: 'demo-parent-app', admin: 'demo-admin' } as const;
    const bodies: Record<string, unknown> = {
      sendLetter: { recipient: {}, documentType: 'notice', subject: 's', attachments: [] },
      createWebhook: { url: 'http://127.0.0.1:9/hook', events: ['letter.status_changed'] },
      searchCharges: { uin: '18810000000000000000' },
      createPayment: { uin: '18810000000000000000', amount: 1, payer: {} },
      requestDocument: { kind: 'other' },
    };
    let pairs = 0;
    for (const role of ROLES) {
      const token = await world.token(systems[role]);
      for (const contract of OPERATION_CONTRACTS.values()) {
        const needed = OPERATION_PERMISSIONS[contract.operationId];
        if (contract.path.startsWith('/oauth2')) {
          continue;
        }
        const target = contract.path.replace(/\{(\w+)\}/g, 'x_000001');
        const answer = await world.raw({
          method: contract.method,
          target:
            contract.operationId === 'downloadDocument'
              ? `${target}?expires=1&sig=${'a'.repeat(43)}`
              : target,
          token,
          ...(contract.body === undefined ? {} : { json: bodies[contract.operationId] ?? {} }),
          idempotencyKey: 'matrix-key-0001',
        });
        const allowed = needed === null || ROLE_PERMISSIONS[role].includes(needed);
        if (allowed) {
          expect(answer.status, `${role} × ${contract.operationId}`).not.toBe(403);
        } else {
          expect(answer.status, `${role} × ${contract.operationId}`).toBe(403);
          expect(answer.body).toMatchObject({ code: 'PERMISSION_DENIED', missingPermission: needed, role });
          expect(answer.headers.get('www-authenticate')).toContain(`scope="${needed}"`);
        }
        expect(answer.status, `${role} × ${contract.operationId}`).toBeLessThan(500);
        pairs += 1;
      }
    }
    expect(pairs).toBe(ROLES.length * 26);
    expect(world.sim.contractViolations()).toEqual([]);
  });

  it('keeps an operation log with ids, roles and codes, and no personal data', async () => {
    const admin = world.client('demo-admin');
    const records = await admin.audit().toArray({ limit: 300 });
    expect(records.length).toBeGreaterThan(50);
    expect(records.some((record) => record.code === 'PERMISSION_DENIED')).toBe(true);
    const text = JSON.stringify(records);
    for (const value of [world.parent.lastName, world.parent.snils, world.parent.inn]) {
      expect(text).not.toContain(value);
    }
  });
});
