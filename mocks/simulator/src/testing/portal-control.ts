/**
 * One way to act on a portal from a test, in process or against goskit-sim: a portal's own control
 * route (`POST /__goskit/esia/clients`) called on a `SimulatorControl` over HTTP, or on an in-process
 * `Simulator` directly — the same route handler either way, so a helper built on it behaves the same
 * in both. Failures reject with a SimulatorError whose `code` and `field` are the route's.
 */
import type { SimulatorControl } from '../control/client.js';
import { SimulatorError, type SimulatorErrorCode } from '../engine/errors.js';
import { portalRuntimeOf } from '../engine/portal-runtime-of.js';
import { bodyText } from '../engine/responses.js';
import { Router } from '../engine/router.js';
import type { RouteDefinition, Simulator } from '../engine/types.js';

/** An in-process simulator, or the control client of one in another process. */
export type SimulatorTarget = Simulator | SimulatorControl;

export type ControlMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function isInProcess(target: SimulatorTarget): target is Simulator {
  return typeof (target as Partial<Simulator>).handle === 'function';
}

const routers = new WeakMap<readonly RouteDefinition[], Router<RouteDefinition>>();
const encoder = new TextEncoder();

/** Codes a route's JSON error may carry that are SimulatorError codes; anything else is CONTROL_REQUEST_FAILED. */
const PASSED_THROUGH = new Set<string>(['INVALID_DATA', 'UNKNOWN_PORTAL', 'BAD_REQUEST']);

/** Calls `<method> /__goskit/<portal><path>` on the target; resolves with the JSON answer. */
export async function callPortalControl<T>(
  target: SimulatorTarget,
  portal: string,
  method: ControlMethod,
  path: string,
  body?: unknown,
): Promise<T> {
  if (!isInProcess(target)) {
    return target.portalControl<T>(portal, method, path, body);
  }
  const definition = target.portals.find((candidate) => candidate.name === portal);
  const routes = definition?.controlRoutes;
  if (definition === undefined || routes === undefined) {
    throw new SimulatorError(
      'UNKNOWN_PORTAL',
      `no loaded portal ${JSON.stringify(portal)} with control routes; loaded: ${target.portals.map((p) => p.name).join(', ')}`,
    );
  }
  let router = routers.get(routes);
  if (router === undefined) {
    router = new Router(routes);
    routers.set(routes, router);
  }
  const match = router.match(method, path);
  if (match.kind !== 'found') {
    throw new SimulatorError('NOT_IMPLEMENTED', `portal ${portal} has no control route ${method} ${path}`);
  }
  const base = `http://in-process/__goskit${definition.prefix}`;
  const response = await match.route.handler({
    request: {
      method,
      portal,
      path,
      query: new URLSearchParams(),
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : encoder.encode(JSON.stringify(body)),
      url: `${base}${path}`,
      baseUrl: base,
    },
    params: match.params,
    state: target.portalState(portal),
    sim: portalRuntimeOf(target, portal),
  });
  const text = bodyText(response.body);
  const payload: unknown = text === '' ? undefined : JSON.parse(text);
  if (response.status >= 400) {
    const answer = (payload ?? {}) as { error?: unknown; message?: unknown; field?: unknown };
    const code =
      typeof answer.error === 'string' && PASSED_THROUGH.has(answer.error)
        ? answer.error
        : 'CONTROL_REQUEST_FAILED';
    const message = typeof answer.message === 'string' ? answer.message : `HTTP ${response.status}`;
    const error = new SimulatorError(
      code as SimulatorErrorCode,
      `${method} /__goskit${definition.prefix}${path}: ${message}`,
    );
    throw typeof answer.field === 'string' ? Object.assign(error, { field: answer.field }) : error;
  }
  return payload as T;
}
