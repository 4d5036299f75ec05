import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import type { Simulator } from '../src/engine/types.js';
import { epguPortal } from '../src/portals/epgu/index.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import {
  API_ORDER,
  bearer,
  createDraft,
  epguRequest,
  jsonOf,
  newEpguSim,
  orderOf,
  SCHOOL_ORDER,
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

  it('403 access_denied_person_permissions without the api-order scope; the short scope works', async () => {
    sim = newEpguSim();
    const denied = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', { token: bearer(1, 'openid fullname'), json: SCHOOL_ORDER }),
    );
    expect(denied.status).toBe(403);
    expect(jsonOf(denied)).toMatchObject({ code: 'access_denied_person_permissions' });
    const short = await sim.handle(
      epguRequest('POST', '/api/gusmev/order', { token: bearer(1, 'openid api-order'), json: SCHOOL_ORDER }),
    );
    expect(short.status).toBe(200);
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
      processingState: 'NEW',
      eserviceId: '10000000367',
      closed: false,
    });
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
  it('404 not_found for unknown ids, 403 order_access for another user', async () => {
    sim = newEpguSim();
    const orderId = await createDraft(sim);
    const unknown = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId + 100}`));
    expect(unknown.status).toBe(404);
    expect(jsonOf(unknown).code).toBe('not_found');
    const letters = await sim.handle(epguRequest('POST', '/api/gusmev/order/abc'));
    expect(letters.status).toBe(404);
    const foreign = await sim.handle(
      epguRequest('POST', `/api/gusmev/order/${orderId}`, { token: bearer(42) }),
    );
    expect(foreign.status).toBe(403);
    expect(jsonOf(foreign).code).toBe('order_access');
    const foreignCancel = await sim.handle(
      epguRequest('POST', `/api/gusmev/order/${orderId}/cancel`, { token: bearer(42) }),
    );
    expect(foreignCancel.status).toBe(403);
  });

  it('answers {code:"OK", message:null, order:"<escaped JSON>"}', async () => {
    sim = newEpguSim();
    const orderId = await createDraft(sim);
    const response = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}`));
    const body = jsonOf(response);
    expect(body.code).toBe('OK');
    expect(body.message).toBeNull();
    expect(typeof body.order).toBe('string');
    expect(textOf(response)).toContain('\\"orderStatusId\\":0');
  });

  it('cancels a draft (status 10), then refuses a second cancel with 409 cancel_not_allowed', async () => {
    sim = newEpguSim();
    const orderId = await createDraft(sim);
    sim.clock.advance('PT1M');
    const cancelled = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}/cancel`));
    expect(cancelled.status).toBe(200);
    expect(jsonOf(cancelled)).toEqual({ code: 'OK', message: null });
    const order = await orderOf(sim, orderId);
    expect(order).toMatchObject({ orderStatusId: 10, closed: true });
    expect((order.statuses as unknown[]).length).toBe(2);
    const again = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}/cancel`));
    expect(again.status).toBe(409);
    expect(jsonOf(again).code).toBe('cancel_not_allowed');
  });
});
