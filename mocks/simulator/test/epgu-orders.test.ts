import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import type { Simulator } from '../src/engine/types.js';
import { epguPortal } from '../src/portals/epgu/index.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import {
  API_ORDER,
  apipguClaim,
  bearer,
  createDraft,
  epguRequest,
  jsonOf,
  newEpguSim,
  orderOf,
  SCHOOL_ORDER,
  SYSTEM,
  textOf,
} from './epgu-support.js';

let sim: Simulator;
afterEach(() => {
  // strictContracts: every answer of every test must fit packages/gosuslugi/openapi/epgu.yaml.
  expect(sim.contractViolations()).toEqual([]);
});

describe('EPGU auth', () => {
  it('401 without a body when the Bearer token is missing, malformed or expired', async () => {
    sim = newEpguSim();
    const expired = bearer(1, `openid ${API_ORDER}`, Math.floor(sim.clock.now() / 1000) - 1);
    for (const init of [
      { token: null },
      { token: 'not-a-jwt' },
      { token: expired },
      { token: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } },
    ]) {
      const response = await sim.handle(
        epguRequest('POST', '/api/gusmev/order', { ...init, json: SCHOOL_ORDER }),
      );
      expect(response.status).toBe(401);
      expect(textOf(response)).toBe('');
    }
  });

  it('403 access_denied_person_permissions unless the token carries an unexpired APIPGU consent for api-order', async () => {
    sim = newEpguSim();
    const now = Math.floor(sim.clock.now() / 1000);
    const refusedTokens = [
      // The api-order scope alone is not a consent (spec, Приложение 4).
      bearer(1, `openid ${API_ORDER}`, undefined, { permissions: null }),
      bearer(1, 'openid', undefined, { permissions: apipguClaim([]) }),
      bearer(1, 'openid', undefined, { permissions: apipguClaim(['snils']) }),
      bearer(1, 'openid', undefined, { permissions: apipguClaim([API_ORDER], 'OTHER') }),
      bearer(1, 'openid', undefined, { permissions: apipguClaim([API_ORDER], 'APIPGU', now - 1) }),
      bearer(1, 'openid', undefined, { permissions: 'APIPGU' }),
    ];
    for (const token of refusedTokens) {
      const denied = await sim.handle(
        epguRequest('POST', '/api/gusmev/order', { token, json: SCHOOL_ORDER }),
      );
      expect(denied.status).toBe(403);
      expect(jsonOf(denied)).toEqual({
        code: 'access_denied_person_permissions',
        message: 'Пользователь не дал согласие Вашей системе на выполнение данной операции',
      });
    }
    // openid + the consent (no api-order scope in `scope`) is enough.
    const consented = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', { token: bearer(1, 'openid'), json: SCHOOL_ORDER }),
    );
    expect(consented.status).toBe(200);
    const short = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', {
        token: bearer(1, 'openid', undefined, { permissions: apipguClaim(['api-order']) }),
        json: SCHOOL_ORDER,
      }),
    );
    expect(short.status).toBe(200);
  });

  it('requirePermissions: false restores the scope-only check', async () => {
    sim = newEpguSim({ requirePermissions: false });
    const scopeOnly = bearer(1, `openid ${API_ORDER}`, undefined, { permissions: null });
    expect(
      (await sim.handle(epguRequest('POST', '/api/gusmev/order', { token: scopeOnly, json: SCHOOL_ORDER })))
        .status,
    ).toBe(200);
    const noScope = bearer(1, 'openid fullname', undefined, { permissions: null });
    const denied = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', { token: noScope, json: SCHOOL_ORDER }),
    );
    expect(denied.status).toBe(403);
    expect(jsonOf(denied).code).toBe('access_denied_person_permissions');
  });

  it('a token without a subject → 403 access_denied_user', async () => {
    sim = newEpguSim();
    const token = bearer('', 'openid');
    const noSubject = token.replace(/^([^.]+)\.([^.]+)/, (_all, head: string) => {
      const payload = { scope: 'openid', client_id: SYSTEM, permissions: apipguClaim() };
      return `${head}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    });
    const response = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', { token: noSubject, json: SCHOOL_ORDER }),
    );
    expect(response.status).toBe(403);
    expect(jsonOf(response).code).toBe('access_denied_user');
  });

  it("'esia' mode needs the identity service: without ESIA loaded the simulator does not start", () => {
    expect(() => newEpguSim({ auth: 'esia' })).toThrow(
      /portal "epgu" requires service "identity" .*which no loaded portal provides; load esiaPortal\(\)/,
    );
  });

  it("'esia' mode (the default) refuses tokens the simulator's ESIA did not sign", async () => {
    sim = createSimulator({ seed: 'epgu-test', portals: [esiaPortal(), epguPortal({ auth: 'esia' })] });
    const response = await sim.handle(epguRequest('POST', '/api/gusmev/order', { json: SCHOOL_ORDER }));
    expect(response.status).toBe(401);
    expect(textOf(response)).toBe('');
    expect(response.headers['x-goskit-reason']).toMatch(/auth: 'esia'/);
  });
});

describe('EPGU createOrder', () => {
  it('creates a draft with a ten-digit id and ЛК status 0 «Черновик заявления»', async () => {
    sim = newEpguSim();
    const orderId = await createDraft(sim);
    expect(String(orderId)).toMatch(/^\d{10}$/);
    const order = await orderOf(sim, orderId);
    expect(order).toMatchObject({
      id: orderId,
      orderStatusId: 0,
      orderStatusName: 'Черновик заявления',
      eserviceId: '10000000367',
      sourceSystem: SYSTEM,
      creationMode: 'api',
      closed: false,
      orderAttachmentFiles: [],
    });
    expect(order).not.toHaveProperty('processingState');
    const second = await createDraft(sim);
    expect(second).toBe(orderId + 1);
  });

  it('400 bad_request naming the field for missing or malformed input', async () => {
    sim = newEpguSim();
    const cases: [unknown, RegExp][] = [
      [{ serviceCode: '10000000367', targetCode: '-10000000367' }, /^region: required/],
      [{ ...SCHOOL_ORDER, region: 'Москва' }, /^region: must be an 11-digit/],
      [{ ...SCHOOL_ORDER, serviceCode: undefined }, /^serviceCode: required/],
      [{ ...SCHOOL_ORDER, targetCode: { x: 1 } }, /^targetCode: must be a string/],
      [{ ...SCHOOL_ORDER, targetCode: '-1' }, /^targetCode: -1 is not a target/],
      [[1, 2], /^body: expected a JSON object/],
    ];
    for (const [body, message] of cases) {
      const response = await sim.handle(epguRequest('POST', '/api/gusmev/order', { json: body }));
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = jsonOf(response);
      expect(error.code).toBe('bad_request');
      expect(error.message).toMatch(message);
    }
    const notJson = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', { body: '{oops', contentType: 'application/json' }),
    );
    expect(jsonOf(notJson)).toEqual({ code: 'bad_request', message: 'body: not valid JSON' });
  });

  it('400 service_not_found for a service outside the demo catalogue', async () => {
    sim = newEpguSim();
    const response = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', { json: { ...SCHOOL_ORDER, serviceCode: '99999999999' } }),
    );
    expect(response.status).toBe(400);
    expect(jsonOf(response).code).toBe('service_not_found');
  });

  it('20 orders per service per user per 10 virtual minutes, then limitation_exception', async () => {
    sim = newEpguSim();
    for (let i = 0; i < 20; i += 1) {
      await createDraft(sim);
      sim.clock.advance('PT10S');
    }
    const refused = await sim.handle(epguRequest('POST', '/api/gusmev/order', { json: SCHOOL_ORDER }));
    expect(refused.status).toBe(400);
    expect(jsonOf(refused).code).toBe('limitation_exception');
    // Another service and another user are counted separately.
    const otherService = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', {
        json: { ...SCHOOL_ORDER, serviceCode: '10000000400', targetCode: '-10000000400' },
      }),
    );
    expect(otherService.status).toBe(200);
    await createDraft(sim, bearer(2000000002));
    // The first order leaves the window 10 minutes after it was created.
    sim.clock.advance('PT6M40S');
    expect((await sim.handle(epguRequest('POST', '/api/gusmev/order', { json: SCHOOL_ORDER }))).status).toBe(
      200,
    );
    expect((await sim.handle(epguRequest('POST', '/api/gusmev/order', { json: SCHOOL_ORDER }))).status).toBe(
      400,
    );
  });
});

describe('EPGU getOrder and cancel', () => {
  it('204 without a body for unknown ids, 400 for ids that are not numbers, 403 order_access for another user or system', async () => {
    sim = newEpguSim();
    const orderId = await createDraft(sim);
    for (const path of [`/api/gusmev/order/${orderId + 100}`, `/api/gusmev/order/${orderId + 100}/cancel`]) {
      const unknown = await sim.handle(epguRequest('POST', path));
      expect(unknown.status).toBe(204);
      expect(textOf(unknown)).toBe('');
      expect(unknown.headers['x-goskit-reason']).toMatch(/does not exist/);
    }
    for (const id of ['abc', '__proto__', 'constructor', '1e5']) {
      const letters = await sim.handle(epguRequest('POST', `/api/gusmev/order/${id}`));
      expect(letters.status).toBe(400);
      expect(jsonOf(letters)).toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(/^orderId: /),
      });
    }
    for (const token of [bearer(42), bearer(1000000001, 'openid', undefined, { clientId: 'OTHER_SYSTEM' })]) {
      const foreign = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}`, { token }));
      expect(foreign.status).toBe(403);
      expect(jsonOf(foreign)).toEqual({
        code: 'order_access',
        message: 'У пользователя нет прав для работы с текущим заявлением',
      });
      const foreignCancel = await sim.handle(
        epguRequest('POST', `/api/gusmev/order/${orderId}/cancel`, { token }),
      );
      expect(foreignCancel.status).toBe(403);
    }
  });

  it('answers {code:"OK", message:null, order:"<escaped JSON>"}', async () => {
    sim = newEpguSim();
    const orderId = await createDraft(sim);
    const response = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}`));
    const body = jsonOf(response);
    expect(body.code).toBe('OK');
    expect(body.message).toBeNull();
    expect(body.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof body.order).toBe('string');
    expect(textOf(response)).toContain('\\"orderStatusId\\":0');
  });

  it('cancels a draft (status 10, the reason as its comment), then refuses a second cancel with 409 cancel_not_allowed', async () => {
    sim = newEpguSim();
    const orderId = await createDraft(sim);
    const before = await orderOf(sim, orderId);
    expect(before.currentStatusHistory).toMatchObject({
      statusId: 0,
      cancelAllowed: true,
      finalStatus: false,
    });
    sim.clock.advance('PT1M');
    const cancelled = await sim.handle(
      epguRequest('POST', `/api/gusmev/order/${orderId}/cancel?reason=${encodeURIComponent('Передумал')}`),
    );
    expect(cancelled.status).toBe(200);
    expect(jsonOf(cancelled)).toEqual({ code: 'OK', message: null });
    const order = await orderOf(sim, orderId);
    expect(order).toMatchObject({ orderStatusId: 10, closed: true, allowToDelete: true });
    expect(order.currentStatusHistory).toMatchObject({
      statusId: 10,
      comment: 'Передумал',
      finalStatus: true,
      cancelAllowed: false,
    });
    expect((order.statuses as unknown[]).length).toBe(2);
    const again = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}/cancel`));
    expect(again.status).toBe(409);
    expect(jsonOf(again).code).toBe('cancel_not_allowed');
  });

  it('409 cancel_not_allowed for a service that allows no cancel (СФР, as go-api-epgu notes)', async () => {
    sim = newEpguSim();
    const created = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', {
        json: { region: '92000000000', serviceCode: '10000000109', targetCode: '-10000000109' },
      }),
    );
    const orderId = jsonOf(created).orderId as number;
    const order = await orderOf(sim, orderId);
    expect(order).toMatchObject({ stateStructureName: 'СФР', stateOrgId: 266, stateOrgCode: 'pfr' });
    expect(order.currentStatusHistory).toMatchObject({ cancelAllowed: false });
    const refused = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}/cancel`));
    expect(refused.status).toBe(409);
    expect(jsonOf(refused).message).toMatch(/не предусматривает отмену/);
  });
});

describe('EPGU systems (ВИС) and services', () => {
  it('with systems configured, an unlisted system → 403 access_denied_system, an unlisted service → 403 access_denied_service', async () => {
    sim = newEpguSim({ systems: [{ clientId: SYSTEM, services: ['10000000367'] }] });
    const other = bearer(1, 'openid', undefined, { clientId: 'STRANGER' });
    const refused = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', { token: other, json: SCHOOL_ORDER }),
    );
    expect(refused.status).toBe(403);
    expect(jsonOf(refused)).toEqual({ code: 'access_denied_system', message: 'Доступ запрещен для системы' });
    expect((await sim.handle(epguRequest('POST', '/api/gusmev/order', { json: SCHOOL_ORDER }))).status).toBe(
      200,
    );
    const service = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', {
        json: { ...SCHOOL_ORDER, serviceCode: '10000000400', targetCode: '-10000000400' },
      }),
    );
    expect(service.status).toBe(403);
    expect(jsonOf(service)).toEqual({
      code: 'access_denied_service',
      message: 'Доступ ВИС к запрашиваемой услуге запрещен',
    });
  });

  it('systems come from the data slice too, and a bad one fails at start naming the field', () => {
    const good = createSimulator({
      seed: 'epgu-test',
      portals: [epguPortal({ auth: 'any-bearer' })],
      data: { epgu: { systems: [{ clientId: 'FROM_DATA', limits: { perMinute: 3 } }] } },
    });
    expect(good.portalState<{ systems: Map<string, unknown> }>('epgu').systems.has('FROM_DATA')).toBe(true);
    expect(() => epguPortal({ systems: [{ clientId: 'x', limits: { perMinute: 0 } }] })).toThrow(
      /EPGU system clientId: 2–64 characters/,
    );
    expect(() => epguPortal({ systems: [{ clientId: 'OK_ID', limits: { perMinute: 0 } }] })).toThrow(
      /EPGU system limits\.perMinute/,
    );
  });
});
