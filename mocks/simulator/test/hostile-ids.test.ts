/**
 * Ids named after Object.prototype members, sent into every route of every portal the simulator has
 * loaded (sim.portals[].routes, their control routes and the core control API) over real HTTP.
 * Nothing here names a route: a portal added later is swept by the same loops.
 * Every answer must be below 500 (a 4xx when the name sits in a path parameter), no body may show
 * what a prototype lookup leaks (NaN, functions), and Object.prototype must be unchanged after.
 */
import { esiaTimestamp } from '@goskit/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_PREFIX, CONTROL_ROUTES } from '../src/control/api.js';
import { createSimulator } from '../src/create-simulator.js';
import type { RouteDefinition, Simulator, SimulatorServer } from '../src/engine/types.js';
import { demoEsiaClient } from '../src/portals/esia/index.js';
import { BUILT_IN_PORTALS } from '../src/portals/index.js';
import {
  acRequest,
  authorizeQuery,
  codeExchangeForm,
  jsonOf,
  locationOf,
  loginAndConsent,
  request,
} from './esia-support.js';

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

/** Id-like query and form fields of the portals' protocols (sent one at a time, the rest plausible). */
const ID_FIELDS = [
  'rid',
  'client_id',
  'grant_type',
  'scope',
  'scope_org',
  'code',
  'state',
  'login',
  'refresh_token',
  'redirect_uri',
  'redirect_url',
  'response_type',
  'access_type',
  'orderId',
  'orderIds',
  'code_challenge_method',
  'token_type',
  'decision',
  'embed',
  'id',
  'name',
  'seed',
  'portal',
  'operation',
] as const;

const API_ORDER = 'http://lk.gosuslugi.ru/api-order';

/** Everything Object.prototype has, to compare after the sweep. */
function prototypeShape(): string {
  return Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, name);
      return `${name}:${typeof descriptor?.value}:${typeof descriptor?.get}`;
    })
    .join(',');
}

function withParams(path: string, value: string): string {
  return path
    .split('/')
    .map((segment) => (segment.startsWith(':') || segment === '*' ? encodeURIComponent(value) : segment))
    .join('/');
}

interface Target {
  method: string;
  /** Absolute URL prefix of the route table ('http://…/esia' or 'http://…/__goskit'). */
  base: string;
  path: string;
  control: boolean;
}

describe('hostile ids in every route of every loaded portal', () => {
  let sim: Simulator;
  let server: SimulatorServer;
  let targets: Target[];
  const before = prototypeShape();

  beforeAll(async () => {
    sim = createSimulator({
      seed: 'hostile-ids',
      // Limits would answer 429 before a lookup happens; the sweep is about the lookups.
      rateLimits: Object.fromEntries(
        [...BUILT_IN_PORTALS.keys()].map((name) => [name, { ratePerSecond: 1e6, burst: 1e6 }]),
      ),
    });
    server = await sim.listen({ port: 0 });
    targets = [
      ...sim.portals.flatMap((portal) =>
        portal.routes.map((route: RouteDefinition) => ({
          method: route.method,
          base: server.baseUrl(portal.name),
          path: route.path,
          control: false,
        })),
      ),
      ...sim.portals.flatMap((portal) =>
        (portal.controlRoutes ?? []).map((route: RouteDefinition) => ({
          method: route.method,
          base: `${server.url}${CONTROL_PREFIX}${portal.prefix}`,
          path: route.path,
          control: true,
        })),
      ),
      ...CONTROL_ROUTES.filter((route) => !['/reset', '/seed'].includes(route.path)).map((route) => ({
        method: route.method,
        base: `${server.url}${CONTROL_PREFIX}`,
        path: route.path,
        control: true,
      })),
    ];
  });
  afterAll(async () => {
    await server.close();
  });

  /** Plausible values for every field (a real pending login, the demo client, a real token). */
  async function plausible(): Promise<{ fields: Record<string, string>; token: string }> {
    const parent = sim.demo.personas.find((persona) => persona.login === 'ivan.ivanov');
    const scope = `openid fullname snils ${API_ORDER}`;
    const started = await sim.handle(acRequest(await authorizeQuery(sim, { scope })));
    const consented = await loginAndConsent(sim, started, 'ivan.ivanov');
    const code = locationOf(consented).searchParams.get('code') as string;
    const token = jsonOf(
      await sim.handle(
        request('POST', '/aas/oauth2/v3/te', { form: await codeExchangeForm(sim, code, { scope }) }),
      ),
    ).access_token as string;
    const pending = await sim.handle(acRequest(await authorizeQuery(sim)));
    return {
      token,
      fields: {
        rid: locationOf(pending).searchParams.get('rid') as string,
        client_id: demoEsiaClient(sim).clientId,
        grant_type: 'authorization_code',
        scope: 'openid',
        scope_org: '',
        code: 'x',
        state: sim.random.uuid(),
        login: 'ivan.ivanov',
        password: 'wrong',
        refresh_token: 'x',
        redirect_uri: 'http://localhost:3000/callback',
        redirect_url: 'http://localhost:3000/callback',
        response_type: 'code',
        access_type: 'online',
        timestamp: esiaTimestamp(sim.clock.date()),
        orderId: '1',
        orderIds: '1',
        code_challenge_method: 'S256',
        token_type: 'Bearer',
        decision: 'allow',
        embed: '(elements)',
        id: '1',
        name: 'x',
        seed: 'x',
        portal: 'esia',
        operation: 'authorize',
        oid: parent?.oid ?? '1',
      },
    };
  }

  async function send(target: Target, path: string, fields: Record<string, string>, token: string) {
    const query = new URLSearchParams(fields).toString();
    const write = target.method !== 'GET' && target.method !== 'HEAD';
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let body: string | undefined;
    if (write) {
      if (target.control || target.path.includes('gusmev/order') || target.path.endsWith('/clients')) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify({ ...fields, meta: fields, pattern: { portal: fields.portal }, times: 1 });
      } else {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = query;
      }
    }
    const response = await fetch(`${target.base}${path}?${query}`, {
      method: target.method,
      headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
    });
    return { status: response.status, text: await response.text() };
  }

  it.each(HOSTILE)(
    '%s: below 500 everywhere, 4xx in path parameters, Object.prototype untouched',
    async (name) => {
      sim.reset();
      const { fields, token } = await plausible();
      const failures: string[] = [];
      const check = (label: string, answer: { status: number; text: string }, pathParam: boolean) => {
        const leaked = /\bNaN\b|\[native code\]|function \w*\(|\[object Object\]/.exec(answer.text);
        // SOAP 1.1 sends every fault with HTTP 500; a soap:Client fault is the typed refusal, not a crash.
        const soapClientFault =
          answer.status === 500 && /<faultcode>soap:Client<\/faultcode>/.test(answer.text);
        // VK-style APIs answer every refusal with 200 and an error envelope ({ error: { error_code } }).
        const envelopeError = answer.status === 200 && /^\{"error":\{"error_code":\d+/.test(answer.text);
        if (
          (answer.status >= 500 && !soapClientFault) ||
          (pathParam && (answer.status < 400 || answer.status >= 500) && !envelopeError) ||
          leaked
        ) {
          failures.push(
            `${label} → ${answer.status}${leaked ? ` (leaks ${leaked[0]})` : ''}: ${answer.text.slice(0, 160)}`,
          );
        }
      };
      for (const target of targets) {
        const label = `${target.method} ${target.base.replace(server.url, '')}${target.path}`;
        if (/:|\*/.test(target.path)) {
          check(
            `${label} [path=${name}]`,
            await send(target, withParams(target.path, name), fields, token),
            true,
          );
        }
        const path = withParams(target.path, '1');
        for (const field of ID_FIELDS) {
          check(
            `${label} [${field}=${name}]`,
            await send(target, path, { ...fields, [field]: name }, token),
            false,
          );
        }
        check(
          `${label} [scope=openid ${name}]`,
          await send(target, path, { ...fields, scope: `openid ${name}` }, token),
          false,
        );
      }
      expect(failures).toEqual([]);
      expect(prototypeShape()).toBe(before);
      expect(({} as Record<string, unknown>).oid).toBeUndefined();
      // The exploit of issue 9: after rid=__proto__, a new signed login must still show the login page.
      const fresh = await sim.handle(acRequest(await authorizeQuery(sim)));
      expect(locationOf(fresh).pathname).toBe('/login');
      // And control writes keep working.
      const reset = await fetch(`${server.url}${CONTROL_PREFIX}/reset`, { method: 'POST' });
      expect(reset.status).toBe(200);
    },
    120_000,
  );
});
