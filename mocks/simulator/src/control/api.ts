import type { z } from 'zod';
import { depthOf } from '../engine/faults/fault-rule.js';
import { nearest } from '../engine/levenshtein.js';
import { portalRuntimeOf } from '../engine/portal-runtime-of.js';
import { Router } from '../engine/router.js';
import type {
  PortalDefinition,
  RouteDefinition,
  SimRequest,
  SimResponse,
  Simulator,
} from '../engine/types.js';
import { jsonResponse } from '../server/write-response.js';
import { controlError, errorToResponse } from './error-response.js';
import { JournalQueryError, patternFromQuery, toPattern } from './journal-query.js';
import { type ControlGuardOptions, guardControlRequest } from './request-guard.js';
import {
  advanceBody,
  describeIssue,
  enableBody,
  resetBody,
  ruleBody,
  scenarioBody,
  seedBody,
  setClockBody,
  verifyBody,
} from './schemas.js';
import { SIMULATOR_VERSION } from './version.js';

/** Path prefix of the control API on the standalone server. */
export const CONTROL_PREFIX = '/__goskit';

interface Call {
  sim: Simulator;
  request: SimRequest;
  params: Record<string, string>;
  /** 'http://127.0.0.1:4010', as the client addressed the server. */
  origin: string;
  startedAt: number;
}

type Handler = (call: Call) => SimResponse;

interface ControlRoute {
  readonly method: string;
  readonly path: string;
  readonly handler: Handler;
}

/** Each portal's control routes, compiled once per portal definition. */
const portalRouters = new WeakMap<PortalDefinition, Router<RouteDefinition>>();

function portalRouter(portal: PortalDefinition): Router<RouteDefinition> {
  let router = portalRouters.get(portal);
  if (router === undefined) {
    router = new Router(portal.controlRoutes ?? []);
    portalRouters.set(portal, router);
  }
  return router;
}

/** The portal control route for `/<portal>/<rest>` ('/esia/clients'), if a portal declares one. */
function matchPortalControlRoute(sim: Simulator, method: string, path: string) {
  const [, name = '', ...rest] = path.split('/');
  const portal = sim.portal(name);
  if (portal?.controlRoutes === undefined || portal.prefix !== `/${name}`) {
    return undefined;
  }
  const match = portalRouter(portal).match(method, `/${rest.join('/')}`);
  return match.kind === 'not-found' ? undefined : { portal, match };
}

function portalControlRouteNames(sim: Simulator): string[] {
  return sim.portals.flatMap((portal) =>
    (portal.controlRoutes ?? []).map(
      (route) => `${route.method} ${CONTROL_PREFIX}${portal.prefix}${route.path}`,
    ),
  );
}

/** 405 with the `Allow` header, for core and portal control routes alike. */
function methodNotAllowed(request: SimRequest, allow: readonly string[]): SimResponse {
  return controlError(
    405,
    { error: 'METHOD_NOT_ALLOWED', message: `${CONTROL_PREFIX}${request.path} allows ${allow.join(', ')}` },
    { allow: allow.join(', ') },
  );
}

class BadBody extends Error {
  constructor(readonly response: SimResponse) {
    super('bad body');
  }
}

function parseBody<T>(call: Call, schema: z.ZodType<T>, optional = false): T {
  const bytes = call.request.body;
  let value: unknown = {};
  if (bytes !== undefined && bytes.byteLength > 0) {
    try {
      value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    } catch {
      throw new BadBody(
        controlError(400, { error: 'INVALID_JSON', field: 'body', message: 'body: not valid JSON' }),
      );
    }
  } else if (!optional) {
    throw new BadBody(
      controlError(400, { error: 'INVALID_BODY', field: 'body', message: 'body: a JSON body is required' }),
    );
  }
  if (depthOf(value, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    // Refused before any recursive walk (validation, cloning) could overflow the stack.
    throw new BadBody(
      controlError(400, {
        error: 'INVALID_BODY',
        field: 'body',
        message: `body: nests deeper than ${MAX_BODY_DEPTH} levels`,
      }),
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error);
    throw new BadBody(controlError(400, { error: 'INVALID_BODY', field, message }));
  }
  return parsed.data;
}

/** Deepest JSON a control body may be (a fault rule's own body allows 32 levels inside it). */
const MAX_BODY_DEPTH = 40;

const ok = (payload: unknown, status = 200): SimResponse => jsonResponse(status, payload);
/** The clock as the control API reports it: ISO time, epoch ms and the mode ('running' | 'frozen'). */
const clockOf = (sim: Simulator) => {
  const ms = sim.clock.now();
  return { now: new Date(ms).toISOString(), ms, mode: sim.clock.mode };
};
const scenariosOf = (sim: Simulator) => ({ scenarios: sim.faults.scenarios(), active: sim.faults.active() });

function portalsOf(call: Call) {
  return call.sim.portals.map((portal) => ({
    name: portal.name,
    title: portal.title,
    prefix: portal.prefix,
    baseUrl: call.origin + portal.prefix,
    hosts: portal.hosts,
    ...(portal.docs === undefined ? {} : { docs: portal.docs }),
    rateLimit: call.sim.rateLimit(portal.name) ?? null,
    provides: (portal.provides ?? []).map((provider) => provider.service.id),
    requires: (portal.requires ?? []).map((token) => token.id),
    routes: portal.routes.map((route) => ({
      method: route.method,
      path: route.path,
      operation: route.operation,
    })),
    controlRoutes: (portal.controlRoutes ?? []).map((route) => ({
      method: route.method,
      path: `${CONTROL_PREFIX}${portal.prefix}${route.path}`,
      operation: route.operation,
    })),
  }));
}

/**
 * Runs an engine call whose errors name a field of the request body ('operation', 'rules.0.effect'):
 * the 400 names it as the client sent it ('body.operation').
 */
function inBody<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    const named = error as { field?: unknown };
    if (typeof named?.field === 'string' && !named.field.startsWith('body')) {
      named.field = `body.${named.field}`;
    }
    throw error;
  }
}

function unknownScenario(call: Call): SimResponse | undefined {
  const name = call.params.name ?? '';
  const valid = call.sim.faults.scenarios().map((scenario) => scenario.name);
  if (valid.includes(name)) {
    return undefined;
  }
  return controlError(400, {
    error: 'UNKNOWN_SCENARIO',
    field: 'name',
    message: `unknown scenario "${name}"; valid scenarios: ${valid.join(', ')}`,
    valid,
  });
}

export const CONTROL_ROUTES: readonly ControlRoute[] = [
  { method: 'GET', path: '/', handler: (call) => ok(indexOf(call)) },
  {
    method: 'GET',
    path: '/health',
    handler: ({ sim, startedAt }) =>
      ok({
        status: 'ok',
        name: 'goskit-sim',
        version: SIMULATOR_VERSION,
        seed: sim.seed,
        portals: sim.portals.map((portal) => portal.name),
        uptimeMs: Date.now() - startedAt,
        now: sim.clock.date().toISOString(),
        clockMode: sim.clock.mode,
      }),
  },
  {
    method: 'POST',
    path: '/reset',
    handler: (call) => {
      const body = parseBody(call, resetBody, true);
      call.sim.reset(body.seed === undefined ? undefined : { seed: body.seed });
      // The clock too, so a client following it (SimulatorControl.clock.follow) moves with the reset.
      return ok({ seed: call.sim.seed, ...clockOf(call.sim) });
    },
  },
  { method: 'GET', path: '/seed', handler: ({ sim }) => ok({ seed: sim.seed }) },
  {
    method: 'POST',
    path: '/seed',
    handler: (call) => {
      const body = parseBody(call, seedBody);
      call.sim.reset({ seed: body.seed });
      return ok({ seed: call.sim.seed, ...clockOf(call.sim) });
    },
  },
  { method: 'GET', path: '/scenarios', handler: ({ sim }) => ok(scenariosOf(sim)) },
  {
    method: 'PUT',
    path: '/scenarios/:name',
    handler: (call) => {
      const body = parseBody(call, scenarioBody);
      const name = call.params.name as string;
      const existed = call.sim.faults.scenarios().some((scenario) => scenario.name === name);
      inBody(() =>
        call.sim.faults.defineScenario({
          name,
          ...(body.description === undefined ? {} : { description: body.description }),
          rules: body.rules.map(
            (rule) => stripUndefined(rule) as Parameters<Simulator['faults']['addRule']>[0],
          ),
        }),
      );
      return ok(scenariosOf(call.sim), existed ? 200 : 201);
    },
  },
  {
    method: 'DELETE',
    path: '/scenarios/:name',
    handler: (call) => {
      const name = call.params.name as string;
      if (!call.sim.faults.removeScenario(name)) {
        return controlError(404, {
          error: 'UNKNOWN_SCENARIO',
          field: 'name',
          message: `no custom scenario "${name.slice(0, 80)}"`,
          valid: call.sim.faults
            .scenarios()
            .filter((scenario) => scenario.custom)
            .map((scenario) => scenario.name),
        });
      }
      return ok(scenariosOf(call.sim));
    },
  },
  {
    method: 'POST',
    path: '/scenarios/:name/enable',
    handler: (call) => {
      const unknown = unknownScenario(call);
      if (unknown !== undefined) {
        return unknown;
      }
      const body = parseBody(call, enableBody, true);
      inBody(() =>
        call.sim.faults.enable(
          call.params.name as string,
          body.portals === undefined ? undefined : { portals: body.portals },
        ),
      );
      return ok(scenariosOf(call.sim));
    },
  },
  {
    method: 'POST',
    path: '/scenarios/:name/disable',
    handler: (call) => {
      const unknown = unknownScenario(call);
      if (unknown !== undefined) {
        return unknown;
      }
      call.sim.faults.disable(call.params.name as string);
      return ok(scenariosOf(call.sim));
    },
  },
  {
    method: 'GET',
    path: '/rules',
    handler: ({ sim }) => ok({ rules: sim.faults.rules().map(serialiseRule) }),
  },
  {
    method: 'POST',
    path: '/rules',
    handler: (call) => {
      const body = parseBody(call, ruleBody);
      const rule = stripUndefined(body) as Parameters<Simulator['faults']['addRule']>[0];
      return ok({ id: inBody(() => call.sim.faults.addRule(rule)) }, 201);
    },
  },
  {
    method: 'DELETE',
    path: '/rules',
    handler: ({ sim }) => {
      const removed = sim.faults.rules().length;
      sim.faults.clearRules();
      return ok({ removed });
    },
  },
  {
    method: 'DELETE',
    path: '/rules/:id',
    handler: ({ sim, params }) =>
      sim.faults.removeRule(params.id as string)
        ? ok({ removed: 1 })
        : controlError(404, {
            error: 'UNKNOWN_RULE',
            field: 'id',
            message: `no fault rule with id "${params.id}"`,
          }),
  },
  { method: 'GET', path: '/clock', handler: ({ sim }) => ok(clockOf(sim)) },
  {
    method: 'POST',
    path: '/clock/advance',
    handler: (call) => {
      call.sim.clock.advance(parseBody(call, advanceBody).duration);
      return ok(clockOf(call.sim));
    },
  },
  {
    method: 'POST',
    path: '/clock/set',
    handler: (call) => {
      call.sim.clock.set(parseBody(call, setClockBody).time);
      return ok(clockOf(call.sim));
    },
  },
  {
    method: 'GET',
    path: '/journal',
    handler: ({ sim, request }) => {
      const { pattern, limit } = patternFromQuery(request.query);
      const found = sim.journal.find(pattern);
      const entries = found.length > limit ? found.slice(found.length - limit) : found;
      return ok({ entries, total: found.length, size: sim.journal.size, capacity: sim.journal.capacity });
    },
  },
  {
    method: 'GET',
    path: '/journal/count',
    handler: ({ sim, request }) => ok({ count: sim.journal.count(patternFromQuery(request.query).pattern) }),
  },
  {
    method: 'POST',
    path: '/journal/verify',
    handler: (call) => {
      const body = parseBody(call, verifyBody);
      const pattern = toPattern(body.pattern, 'body.pattern');
      const times = stripUndefined(body.times) as Parameters<Simulator['journal']['verify']>[0];
      call.sim.journal.verify(times, pattern);
      return ok({ ok: true, count: call.sim.journal.count(pattern) });
    },
  },
  {
    method: 'DELETE',
    path: '/journal',
    handler: ({ sim }) => {
      const cleared = sim.journal.size;
      sim.journal.clear();
      return ok({ cleared });
    },
  },
  { method: 'GET', path: '/personas', handler: ({ sim }) => ok({ personas: sim.demo.personas }) },
  { method: 'GET', path: '/portals', handler: (call) => ok({ portals: portalsOf(call) }) },
];

/** Drops undefined fields so exactOptionalPropertyTypes-typed engine calls get clean objects. */
function stripUndefined<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) {
      out[key] = stripUndefined(field);
    }
  }
  return out as T;
}

/** RegExp paths become their '/source/' string form in JSON. */
function serialiseRule(rule: ReturnType<Simulator['faults']['rules']>[number]) {
  return rule.path instanceof RegExp ? { ...rule, path: `/${rule.path.source}/` } : rule;
}

const ROUTE_NAMES = CONTROL_ROUTES.map((route) => `${route.method} ${CONTROL_PREFIX}${route.path}`);
const controlRouter = new Router(CONTROL_ROUTES);

/** `GET /__goskit/`: what the control API offers, so the address the CLI prints answers something useful. */
function indexOf(call: Call) {
  return {
    name: 'goskit-sim control API',
    version: SIMULATOR_VERSION,
    dashboard: `${call.origin}/`,
    openapi: 'https://github.com/goskit/goskit/blob/main/mocks/simulator/openapi/control.yaml',
    routes: [...ROUTE_NAMES, ...portalControlRouteNames(call.sim)],
    portals: call.sim.portals.map((portal) => ({
      name: portal.name,
      baseUrl: call.origin + portal.prefix,
      ...(portal.docs === undefined ? {} : { docs: portal.docs }),
    })),
  };
}

export interface ControlApiOptions extends ControlGuardOptions {
  /** Wall-clock start of the server, for uptime. */
  startedAt?: number;
}

/**
 * The control API as a transport-neutral handler: takes a SimRequest whose `path` is the part
 * after '/__goskit', returns JSON. Unknown Host names, browser writes from other origins and
 * non-JSON writes are refused (request-guard.ts: a web page must not reconfigure a developer's simulator).
 */
export function createControlApi(sim: Simulator, options: ControlApiOptions = {}) {
  const startedAt = options.startedAt ?? Date.now();
  return function handleControl(request: SimRequest): SimResponse | Promise<SimResponse> {
    const method = request.method;
    const refused = guardControlRequest(request, options);
    if (refused !== undefined) {
      return refused;
    }
    const match = controlRouter.match(method, request.path);
    if (match.kind === 'not-found') {
      const portalRoute = matchPortalControlRoute(sim, method, request.path);
      if (portalRoute !== undefined) {
        return answerPortalControl(sim, request, portalRoute);
      }
      const valid = [...ROUTE_NAMES, ...portalControlRouteNames(sim)];
      const closest = nearest(`${method} ${CONTROL_PREFIX}${request.path}`, valid);
      return controlError(404, {
        error: 'NOT_FOUND',
        message: `no control route ${method} ${CONTROL_PREFIX}${request.path}; nearest: ${closest}`,
        valid,
      });
    }
    if (match.kind === 'method-not-allowed') {
      return methodNotAllowed(request, match.allow);
    }
    const origin = request.baseUrl.endsWith(CONTROL_PREFIX)
      ? request.baseUrl.slice(0, -CONTROL_PREFIX.length)
      : request.baseUrl;
    try {
      return match.route.handler({ sim, request, params: match.params, origin, startedAt });
    } catch (error) {
      if (error instanceof BadBody) {
        return error.response;
      }
      if (error instanceof JournalQueryError) {
        return controlError(400, { error: 'INVALID_QUERY', field: error.field, message: error.message });
      }
      if (error instanceof Error && (error as { code?: unknown }).code === 'UNKNOWN_SCENARIO') {
        return errorToResponse(error, { valid: sim.faults.scenarios().map((scenario) => scenario.name) });
      }
      return errorToResponse(error);
    }
  };
}

async function answerPortalControl(
  sim: Simulator,
  request: SimRequest,
  { portal, match }: NonNullable<ReturnType<typeof matchPortalControlRoute>>,
): Promise<SimResponse> {
  if (match.kind === 'method-not-allowed') {
    return methodNotAllowed(request, match.allow);
  }
  try {
    return await match.route.handler({
      request,
      params: match.params,
      state: sim.portalState(portal.name),
      sim: portalRuntimeOf(sim, portal.name),
    });
  } catch (error) {
    return errorToResponse(error);
  }
}
