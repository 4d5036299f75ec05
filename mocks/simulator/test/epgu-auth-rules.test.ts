/**
 * EPGU's caller checks one by one, called directly on a running simulator: the Bearer header's
 * shape, what 'any-bearer' reads from an unverified JWT (subject, client, scopes, consents, exp at
 * the second), what 'esia' mode takes from the simulator's own ESIA tokens, the APIPGU consent rule
 * at its edges and the subject rule. Mutation testing (`pnpm mutation esia`) keeps them stated.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { portalRuntimeOf } from '../src/engine/portal-runtime-of.js';
import type { RouteContext, SimResponse, Simulator } from '../src/engine/types.js';
import {
  consentingCaller,
  hasOrderConsent,
  type IdentifiedToken,
  identify,
  isResponse,
  REASON_HEADER,
} from '../src/portals/epgu/auth.js';
import { epguPortal } from '../src/portals/epgu/index.js';
import { API_ORDER_SCOPES, resolveEpguOptions } from '../src/portals/epgu/options.js';
import type { EpguState } from '../src/portals/epgu/state.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import type { IdentityPermission } from '../src/services/identity.js';
import { API_ORDER, apipguClaim, bearer, epguRequest, newEpguSim, SYSTEM } from './epgu-support.js';
import {
  acRequest,
  authorizeQuery,
  codeExchangeForm,
  encodePermissions,
  jsonOf,
  locationOf,
  loginAndConsent,
  request,
} from './esia-support.js';

const anyBearer = resolveEpguOptions({ auth: 'any-bearer' });

function contextOf(sim: Simulator, authorization: string | undefined): RouteContext<EpguState> {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  return {
    request: { ...epguRequest('GET', '/api/gusmev/order/1', { token: null }), headers },
    params: {},
    state: sim.portalState<EpguState>('epgu'),
    sim: portalRuntimeOf(sim, 'epgu'),
  } as RouteContext<EpguState>;
}

async function identified(
  sim: Simulator,
  authorization: string,
  options = anyBearer,
): Promise<IdentifiedToken> {
  const result = await identify(contextOf(sim, authorization), options);
  if (isResponse(result)) {
    throw new Error(`refused: ${result.status} ${result.headers[REASON_HEADER]}`);
  }
  return result;
}

async function refusedWith(sim: Simulator, authorization: string | undefined, options = anyBearer) {
  const result = await identify(contextOf(sim, authorization), options);
  expect(isResponse(result), String(authorization)).toBe(true);
  const response = result as SimResponse;
  expect(response.status).toBe(401);
  expect(response.body).toBe('');
  return response.headers[REASON_HEADER];
}

/** A JWT-shaped token with exactly this payload (any-bearer reads it unverified). */
const jwt = (payload: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

describe('the Authorization header', () => {
  it('"Bearer <token>" in any letter case, with any spaces after the word and at the end', async () => {
    const sim = newEpguSim();
    const token = bearer(7);
    for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER\t${token}`, `Bearer   ${token}  `]) {
      expect((await identified(sim, header)).token, header).toBe(token);
    }
  });

  it('anything else is a bare 401 saying there is no Bearer token', async () => {
    const sim = newEpguSim();
    const token = bearer(7);
    for (const header of [
      undefined,
      '',
      token,
      `Bearer${token}`,
      `Bearer `,
      `xBearer ${token}`,
      ` Bearer ${token}`,
      `Bearer ${token} extra`,
      `Basic ${token}`,
    ]) {
      expect(await refusedWith(sim, header), String(header)).toBe('no Bearer token');
    }
  });
});

describe("'any-bearer': the unverified payload", () => {
  it('reads subject, client_id (at most 64 characters), scope names and consents', async () => {
    const sim = newEpguSim();
    const facts = await identified(
      sim,
      `Bearer ${jwt({
        'urn:esia:sbj_id': 1000000001,
        sub: 'ignored',
        client_id: `S${'x'.repeat(70)}`,
        scope: 'openid http://lk.gosuslugi.ru/api-order?oid=1',
        permissions: [
          {
            sysname: 'APIPGU',
            responsibleObject: 'ООО «Демо»',
            exp: 2_000_000_000,
            scopes: [{ sysname: API_ORDER }, 'api-order', { other: 1 }, 5, null],
            purposes: [{ sysname: 'APIPGU' }],
            actions: ['ALL_ACTIONS_TO_DATA'],
          },
          { sysname: 'NO_EXTRAS', responsibleObject: 5, scopes: 'none' },
          { sysname: 7 },
          null,
          'APIPGU',
        ],
      })}`,
    );
    expect(facts.subject).toBe(1000000001);
    expect(facts.clientId).toBe(`S${'x'.repeat(63)}`);
    expect(facts.scopes).toEqual(['openid', API_ORDER]);
    expect(facts.permissions).toEqual([
      {
        sysname: 'APIPGU',
        responsibleObject: 'ООО «Демо»',
        scopes: [API_ORDER, 'api-order'],
        purposes: ['APIPGU'],
        actions: ['ALL_ACTIONS_TO_DATA'],
        expiresAt: new Date(2_000_000_000_000),
      },
      {
        sysname: 'NO_EXTRAS',
        responsibleObject: '',
        scopes: [],
        purposes: [],
        actions: [],
        expiresAt: new Date(8.64e15),
      },
    ]);
  });

  it('sub when there is no urn:esia:sbj_id; "unknown" client and no scopes when they are not strings', async () => {
    const sim = newEpguSim();
    const facts = await identified(sim, `Bearer ${jwt({ sub: 'abc', client_id: 5, scope: ['openid'] })}`);
    expect(facts.subject).toBe('abc');
    expect(facts.clientId).toBe('unknown');
    expect(facts.scopes).toEqual([]);
    expect(facts.permissions).toEqual([]);
    expect(
      (await identified(sim, `Bearer ${jwt({ permissions: { sysname: 'APIPGU' } })}`)).permissions,
    ).toEqual([]);
  });

  it('exp is checked to the second on the virtual clock: at now it has expired, a second later it has not', async () => {
    const sim = newEpguSim();
    sim.clock.set(Date.UTC(2026, 8, 1, 12, 0, 0));
    const now = sim.clock.now() / 1000;
    expect((await identified(sim, `Bearer ${jwt({ sub: 'a', exp: now + 1 })}`)).subject).toBe('a');
    expect((await identified(sim, `Bearer ${jwt({ sub: 'a', exp: String(now - 10) })}`)).subject).toBe('a');
    expect(await refusedWith(sim, `Bearer ${jwt({ sub: 'a', exp: now })}`)).toBe(
      "not a JWT with a readable, unexpired payload (auth: 'any-bearer')",
    );
    expect(await refusedWith(sim, 'Bearer not-a-jwt')).toMatch(/auth: 'any-bearer'/);
  });
});

describe("'esia': tokens the simulator's ESIA portal issued", () => {
  it('takes the person, the system, the scopes and the consents from the verified token', async () => {
    const sim = createSimulator({ seed: 'epgu-auth-rules', portals: [esiaPortal(), epguPortal()] });
    const scope = 'openid';
    const query = await authorizeQuery(sim, { scope, permissions: encodePermissions() });
    const back = await loginAndConsent(sim, await sim.handle(acRequest(query)), 'ivan.ivanov');
    const code = locationOf(back).searchParams.get('code') as string;
    const form = await codeExchangeForm(sim, code, { scope });
    const token = jsonOf(await sim.handle(request('POST', '/aas/oauth2/v3/te', { form })))
      .access_token as string;
    const esiaMode = resolveEpguOptions({ auth: 'esia' });
    const facts = await identified(sim, `Bearer ${token}`, esiaMode);
    const parent = sim.demo.personas.find((persona) => persona.login === 'ivan.ivanov');
    expect(facts.subject).toBe(parent?.oid);
    expect(facts.clientId).toBe('GOSKIT_DEMO');
    expect(facts.scopes).toEqual(['openid', API_ORDER]);
    expect(facts.permissions.map((permission) => permission.sysname)).toEqual(['APIPGU']);
    const caller = consentingCaller(facts, esiaMode, sim.clock.now());
    expect(caller).toEqual({ userId: parent?.oid, systemId: 'GOSKIT_DEMO', token });
    // A token it did not issue, even with the right claims.
    expect(await refusedWith(sim, `Bearer ${bearer(parent?.oid ?? '1')}`, esiaMode)).toBe(
      "not an unexpired access token of this simulator's ESIA portal (auth: 'esia')",
    );
  });
});

describe('the APIPGU consent covering api-order', () => {
  const now = Date.UTC(2026, 8, 1, 12, 0, 0);
  const consent = (overrides: Partial<IdentityPermission> = {}): IdentityPermission => ({
    sysname: 'APIPGU',
    responsibleObject: 'ООО «Демо»',
    scopes: [API_ORDER],
    purposes: ['APIPGU'],
    actions: ['ALL_ACTIONS_TO_DATA'],
    expiresAt: new Date(now + 1),
    ...overrides,
  });

  it('counts until the millisecond it expires, under either spelling of the scope', () => {
    expect(API_ORDER_SCOPES).toEqual([API_ORDER, 'api-order']);
    expect(hasOrderConsent([consent()], now)).toBe(true);
    expect(hasOrderConsent([consent({ scopes: ['openid', 'api-order'] })], now)).toBe(true);
    expect(hasOrderConsent([consent({ expiresAt: new Date(now) })], now)).toBe(false);
    expect(hasOrderConsent([consent({ sysname: 'OTHER' })], now)).toBe(false);
    expect(hasOrderConsent([consent({ scopes: ['snils'] })], now)).toBe(false);
    expect(hasOrderConsent([consent({ scopes: [] })], now)).toBe(false);
    expect(hasOrderConsent([], now)).toBe(false);
    expect(hasOrderConsent([consent({ sysname: 'OTHER' }), consent()], now)).toBe(true);
  });

  it('consentingCaller: 403 access_denied_person_permissions without it, access_denied_user without a subject', () => {
    const options = resolveEpguOptions({ auth: 'any-bearer' });
    const facts = (overrides: Partial<IdentifiedToken>): IdentifiedToken => ({
      subject: 1000000001,
      clientId: SYSTEM,
      scopes: ['openid'],
      permissions: [consent()],
      token: 't',
      ...overrides,
    });
    expect(consentingCaller(facts({}), options, now)).toEqual({
      userId: '1000000001',
      systemId: SYSTEM,
      token: 't',
    });
    expect(consentingCaller(facts({ subject: 'oid-7' }), options, now)).toMatchObject({ userId: 'oid-7' });
    const denied = consentingCaller(
      facts({ permissions: [], scopes: [API_ORDER] }),
      options,
      now,
    ) as SimResponse;
    expect(denied.status).toBe(403);
    expect(JSON.parse(denied.body as string)).toEqual({
      code: 'access_denied_person_permissions',
      message: 'Пользователь не дал согласие Вашей системе на выполнение данной операции',
    });
    for (const subject of [undefined, null, { oid: 1 }, true]) {
      const noSubject = consentingCaller(facts({ subject }), options, now) as SimResponse;
      expect(noSubject.status, String(subject)).toBe(403);
      expect(JSON.parse(noSubject.body as string)).toEqual({
        code: 'access_denied_user',
        message: 'Токен не выдан пользователю (нет urn:esia:sbj_id)',
      });
    }
    const scopeOnly = resolveEpguOptions({ auth: 'any-bearer', requirePermissions: false });
    expect(consentingCaller(facts({ permissions: [], scopes: [API_ORDER] }), scopeOnly, now)).toMatchObject({
      userId: '1000000001',
    });
    expect(consentingCaller(facts({ permissions: [], scopes: ['api-order'] }), scopeOnly, now)).toMatchObject(
      {
        systemId: SYSTEM,
      },
    );
    expect((consentingCaller(facts({ scopes: ['openid'] }), scopeOnly, now) as SimResponse).status).toBe(403);
  });

  it('requirePermissions: false — the api-order scope among others is enough; other scopes alone are not', () => {
    const scopeOnly = resolveEpguOptions({ auth: 'any-bearer', requirePermissions: false });
    const token = (scopes: string[]): IdentifiedToken => ({
      subject: 7,
      clientId: SYSTEM,
      scopes,
      permissions: [],
      token: 't',
    });
    expect(consentingCaller(token(['openid', API_ORDER, 'fullname']), scopeOnly, now)).toMatchObject({
      userId: '7',
    });
    expect((consentingCaller(token(['openid', 'fullname']), scopeOnly, now) as SimResponse).status).toBe(403);
    expect((consentingCaller(token([]), scopeOnly, now) as SimResponse).status).toBe(403);
  });

  it('isResponse tells an answer from a caller', () => {
    expect(isResponse({ status: 401, headers: {} })).toBe(true);
    for (const value of [
      null,
      undefined,
      'status headers',
      { status: 401 },
      { headers: {} },
      apipguClaim(),
    ]) {
      expect(isResponse(value), JSON.stringify(value)).toBe(false);
    }
  });
});
