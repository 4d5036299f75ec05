/**
 * Authorization before a large body is read: for a route whose handler checks the headers first
 * (checksHeadersFirst, e.g. EPGU's Bearer-guarded uploads), the server runs that check on the
 * headers and, when it refuses, never reads the body. A large body is one announced over
 * LARGE_BODY_BYTES, or sent chunked (its size is unknown until read).
 */
import type { IncomingMessage } from 'node:http';
import { portalRuntimeOf } from '../engine/portal-runtime-of.js';
import { headerCheckOf } from '../engine/request-body.js';
import { Router } from '../engine/router.js';
import type { RouteDefinition, SimRequest, Simulator } from '../engine/types.js';
import type { ParsedTarget } from './parse-target.js';

/** Bodies up to this size are read first as usual (checking twice would cost more than reading). */
export const LARGE_BODY_BYTES = 64 * 1024;

export function isLargeBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) {
    return true;
  }
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > LARGE_BODY_BYTES;
}

export interface BodyGate {
  /** True when the route refuses the request on its headers alone. */
  check(request: SimRequest): Promise<boolean>;
}

export interface BodyGates {
  find(
    req: IncomingMessage,
    target: ParsedTarget,
    destination: { portal: string; prefix: string },
  ): BodyGate | undefined;
}

export function createBodyGates(sim: Simulator): BodyGates {
  const routers = new Map(
    sim.portals.map((portal) => [portal.name, new Router(portal.routes as RouteDefinition[])] as const),
  );
  return {
    find(req, target, destination) {
      const router = routers.get(destination.portal);
      if (router === undefined) {
        return undefined;
      }
      const inner = target.path.slice(destination.prefix.length) || '/';
      const match = router.match(req.method ?? 'GET', inner);
      if (match.kind !== 'found') {
        return undefined;
      }
      const check = headerCheckOf(match.route);
      if (check === undefined) {
        return undefined;
      }
      return {
        async check(request) {
          try {
            const refusal = await check({
              request,
              params: match.params,
              state: sim.portalState(destination.portal),
              sim: portalRuntimeOf(sim, destination.portal),
            });
            return refusal !== undefined;
          } catch {
            // A check that breaks decides nothing: the request goes the usual way.
            return false;
          }
        },
      };
    },
  };
}
