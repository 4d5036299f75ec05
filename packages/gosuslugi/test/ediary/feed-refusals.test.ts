/**
 * What the simulator's e-diary feed refuses, called as a hostile client would (raw fetch with real
 * ESIA tokens): no token, a parent linking someone else's child, a system without the feed scope, a
 * parent calling the system's operations, an idempotency key reused for another body, ids named after
 * Object.prototype members — and how the client turns the feed's refusals into EdiaryError.
 */
import type { Simulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EDIARY_FEED_SCOPE, EdiaryError } from '../../src/index.js';
import {
  ediaryFor,
  ediarySimulator,
  esiaFor,
  FEED,
  SCHOOL,
  signInParent,
} from '../helpers/ediary-simulator.js';

const server = setupServer();
let sim: Simulator;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim = ediarySimulator('ediary-refusals');
  server.resetHandlers(...sim.handlers);
});

async function call(
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; key?: string } = {},
) {
  const response = await fetch(`${FEED}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.key === undefined ? {} : { 'idempotency-key': init.key }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as { code?: string }) };
}

describe('the e-diary feed refuses', () => {
  it('calls without a valid ESIA token (401) and a parent linking a child that is not theirs (403)', async () => {
    expect((await call('/api/ediary/v1/schools/s/linked-pupils', undefined)).status).toBe(401);
    expect((await call('/api/ediary/v1/schools/s/linked-pupils', 'forged')).body?.code).toBe('unauthorized');
    const { session, oid } = await signInParent(sim);
    const token = await session.getAccessToken();
    const stranger = sim.demo.personas.find(
      (persona) =>
        persona.role === 'student' &&
        !(sim.demo.personas.find((p) => p.oid === oid)?.children ?? []).includes(persona.id),
    );
    const forged = await call('/api/ediary/v1/connections', token, {
      method: 'POST',
      body: { schoolId: SCHOOL.id, pupils: [{ pupilId: 'p1', kidId: stranger?.oid, by: 'snils' }] },
    });
    expect(forged).toMatchObject({ status: 403, body: { code: 'not_your_child' } });
    // A parent may not send records or read the school's linked pupils.
    expect((await call(`/api/ediary/v1/schools/${SCHOOL.id}/linked-pupils`, token)).status).toBe(403);
    const bad = await call('/api/ediary/v1/connections', token, {
      method: 'POST',
      body: { schoolId: SCHOOL.id, pupils: [] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('pupils');
  });

  it('a system token without the feed scope (403), or a key reused for another batch (422)', async () => {
    const esia = esiaFor(sim);
    const plain = await esia.clientCredentials(['openid']);
    expect(
      (await call(`/api/ediary/v1/schools/${SCHOOL.id}/linked-pupils`, plain.accessToken)).body?.code,
    ).toBe('scope_missing');
    const system = await esia.clientCredentials([EDIARY_FEED_SCOPE]);
    const batch = (id: string) => ({
      schoolId: SCHOOL.id,
      kind: 'events',
      records: [{ id, date: '2026-09-01', title: 'Собрание', classId: 'c1' }],
    });
    const first = await call('/api/ediary/v1/batches', system.accessToken, {
      method: 'POST',
      body: batch('e1'),
      key: 'k-1',
    });
    expect(first.status).toBe(200);
    const reused = await call('/api/ediary/v1/batches', system.accessToken, {
      method: 'POST',
      body: batch('e2'),
      key: 'k-1',
    });
    expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
    const keyless = await call('/api/ediary/v1/batches', system.accessToken, {
      method: 'POST',
      body: batch('e3'),
    });
    expect(keyless.status).toBe(400);
  });

  it('ids named after Object.prototype members get a 404 or an empty answer, never a 500', async () => {
    const system = await esiaFor(sim).clientCredentials([EDIARY_FEED_SCOPE]);
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect((await call(`/api/ediary/v1/connections/${id}`, system.accessToken)).status).toBe(404);
      expect(
        (await call(`/api/ediary/v1/connections/${id}`, system.accessToken, { method: 'DELETE' })).status,
      ).toBe(404);
      expect(await call(`/api/ediary/v1/schools/${id}/linked-pupils`, system.accessToken)).toEqual({
        status: 200,
        body: { schoolId: id, pupils: [] },
      });
    }
    expect(({} as Record<string, unknown>).pupils).toBeUndefined();
  });

  it('the client reports a feed refusal as EdiaryError with the feed’s code and a hint', async () => {
    const ediary = ediaryFor(sim, {
      systemToken: { getToken: async () => 'forged', forceRefresh: async () => 'forged' } as never,
    });
    const error = await ediary.linkedPupils().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EdiaryError);
    expect(error).toMatchObject({ code: 'EDIARY_ERROR', ediaryCode: 'unauthorized', status: 401 });
    expect((error as EdiaryError).hint?.en).toContain('valid ESIA token');
  });
});
