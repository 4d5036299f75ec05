import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_PREFIX, createControlApi } from '../control/api.js';
import { createDashboard } from '../dashboard/dashboard.js';
import { SimulatorError } from '../engine/errors.js';
import { handleNowOf } from '../engine/handle-now.js';
import type {
  PortalDefinition,
  ServeOptions,
  SimResponse,
  Simulator,
  SimulatorServer,
} from '../engine/types.js';
import { createBodyGates, isLargeBody } from './body-gate.js';
import { createCors } from './cors.js';
import { BadTargetError, type ParsedTarget, parseTarget } from './parse-target.js';
import { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES, hasNoBody, readBody } from './read-body.js';
import { createOriginResolver, toSimRequest } from './to-sim-request.js';
import { jsonResponse, writeSimResponse } from './write-response.js';

export interface ListenOptions extends ServeOptions {
  /** Largest accepted request body; default 50 MB + 256 KB (EPGU pushes up to 50 MB). */
  maxBodyBytes?: number;
  /** Serve the HTML dashboard at '/'; default true. */
  dashboard?: boolean;
  /**
   * Host names the control API answers to besides IP addresses and localhost (e.g. a docker
   * service name, 'goskit-sim'); other names are refused so DNS-rebinding pages cannot reach it.
   */
  allowedHosts?: readonly string[];
}

interface Destination {
  kind: 'portal' | 'control' | 'dashboard' | 'unknown';
  portal: string;
  prefix: string;
}

/** First path segment → destination, built once: routing a request is one Map lookup. */
function buildRoutingTable(portals: readonly PortalDefinition[]): Map<string, Destination> {
  const table = new Map<string, Destination>();
  for (const portal of portals) {
    const prefix = portal.prefix.replace(/\/+$/, '');
    table.set(prefix.slice(1).split('/')[0] as string, { kind: 'portal', portal: portal.name, prefix });
  }
  table.set(CONTROL_PREFIX.slice(1), { kind: 'control', portal: '', prefix: CONTROL_PREFIX });
  return table;
}

const UNKNOWN: Destination = { kind: 'unknown', portal: '', prefix: '' };
const DASHBOARD: Destination = { kind: 'dashboard', portal: '', prefix: '' };

function route(table: Map<string, Destination>, path: string, hasDashboard: boolean): Destination {
  const slash = path.indexOf('/', 1);
  const first = slash === -1 ? path.slice(1) : path.slice(1, slash);
  const found = table.get(first);
  if (found !== undefined) {
    // '/esia' and '/esia/…' belong to the portal; '/esiax' does not.
    if (
      found.kind !== 'portal' ||
      path.length === found.prefix.length ||
      path.charCodeAt(found.prefix.length) === 47
    ) {
      return found;
    }
  }
  return hasDashboard ? DASHBOARD : UNKNOWN;
}

/**
 * Serves a simulator over plain node:http: one port, a path prefix per portal, the control API
 * under /__goskit/ and the dashboard at /. No Fetch Request/Response objects on the hot path.
 */
export function listen(sim: Simulator, options: ListenOptions = {}): Promise<SimulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const table = buildRoutingTable(sim.portals);
  const cors = options.cors === undefined ? undefined : createCors(options.cors);
  const allowedHosts = [...(options.allowedHosts ?? []), ...boundHost(host)];
  const handleControl = createControlApi(sim, {
    startedAt: Date.now(),
    allowedHosts,
    ...(cors === undefined ? {} : { isAllowedOrigin: (origin: string) => cors.isAllowed(origin) }),
  });
  const dashboard = options.dashboard === false ? undefined : createDashboard(sim);
  const requestOrigin = createOriginResolver();
  const handleNow = handleNowOf(sim);
  const gates = createBodyGates(sim);
  /** Delayed answers still waiting; close() cancels them so the process can exit at once. */
  const pending = new Set<NodeJS.Timeout>();
  const send = (res: ServerResponse, response: SimResponse): void => sendAfterDelay(res, response, pending);
  let ownOrigin = `http://${host}`;

  /** Hot path: a body-less request goes straight to the engine without awaiting a body. */
  function dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    target: ParsedTarget,
  ): Promise<void> | undefined {
    const destination = route(table, target.path, dashboard !== undefined);
    const origin = requestOrigin(req, ownOrigin);
    if (!hasNoBody(req)) {
      const gate =
        destination.kind === 'portal' && isLargeBody(req) ? gates.find(req, target, destination) : undefined;
      if (gate !== undefined) {
        return gate
          .check(toSimRequest(req, target, destination.portal, destination.prefix, undefined, origin))
          .then((refused) => {
            if (refused) {
              // Journaled by the engine with the headers only; the body is never read.
              return refuseUnread(req, res, target, destination, origin);
            }
            return readBody(req, maxBodyBytes).then((body) =>
              answer(req, res, target, destination, origin, body),
            );
          });
      }
      return readBody(req, maxBodyBytes).then((body) => answer(req, res, target, destination, origin, body));
    }
    if (destination.kind === 'dashboard' && dashboard !== undefined) {
      const page = dashboard(target.path, origin);
      if (page !== undefined) {
        send(res, page);
        return undefined;
      }
    }
    return answer(req, res, target, destination, origin, undefined);
  }

  function answer(
    req: IncomingMessage,
    res: ServerResponse,
    target: ParsedTarget,
    destination: Destination,
    origin: string,
    body: Uint8Array | undefined,
  ): Promise<void> | undefined {
    const request = toSimRequest(req, target, destination.portal, destination.prefix, body, origin);
    if (destination.kind === 'control') {
      const response = handleControl(request);
      if (response instanceof Promise) {
        return response.then((answered) => send(res, answered));
      }
      send(res, response);
      return undefined;
    }
    const answer = handleNow(request);
    if (answer instanceof Promise) {
      return answer.then((response) => send(res, response));
    }
    send(res, answer);
    return undefined;
  }

  /** Runs the engine on the headers alone (its route refuses again) and closes without reading the body. */
  function refuseUnread(
    req: IncomingMessage,
    res: ServerResponse,
    target: ParsedTarget,
    destination: Destination,
    origin: string,
  ): Promise<void> {
    const request = toSimRequest(req, target, destination.portal, destination.prefix, undefined, origin);
    return Promise.resolve(handleNow(request)).then((response) => {
      res.on('finish', () => req.socket.destroy());
      send(res, { ...response, headers: { ...response.headers, connection: 'close' } });
    });
  }

  function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    if (error instanceof BodyTooLargeError) {
      // Answer and close without reading the rest: the client may still be uploading.
      send(
        res,
        jsonResponse(
          413,
          { error: 'PAYLOAD_TOO_LARGE', message: error.message, limit: error.limit },
          { connection: 'close' },
        ),
      );
      res.on('finish', () => req.socket.destroy());
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    send(res, jsonResponse(500, { error: 'INTERNAL', message }));
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (cors !== undefined && req.headers.origin !== undefined) {
      // A preflight is the browser's question to the server, not a call to a portal: never journaled.
      const preflight = cors.preflight(req);
      if (preflight !== undefined) {
        send(res, preflight);
        return;
      }
      cors.decorate(req, res);
    }
    let target: ParsedTarget;
    try {
      target = parseTarget(req.url);
    } catch (error) {
      const message = error instanceof BadTargetError ? error.message : 'bad request target';
      send(res, jsonResponse(400, { error: 'BAD_REQUEST', message }, { connection: 'close' }));
      return;
    }
    try {
      dispatch(req, res, target)?.catch((error: unknown) => fail(req, res, error));
    } catch (error) {
      fail(req, res, error);
    }
  }

  const server = createServer({ keepAlive: true }, onRequest);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({ error: 'BAD_REQUEST', message: 'malformed HTTP request' });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      ownOrigin = `http://${hostPart}:${address.port}`;
      const url = ownOrigin;
      resolve({
        url,
        port: address.port,
        baseUrl(portal: string): string {
          const definition = sim.portals.find((candidate) => candidate.name === portal);
          if (definition === undefined) {
            const names = sim.portals.map((candidate) => candidate.name).join(', ');
            throw new SimulatorError('UNKNOWN_PORTAL', `unknown portal "${portal}"; portals: ${names}`);
          }
          return url + definition.prefix.replace(/\/+$/, '');
        },
        close(): Promise<void> {
          return new Promise((done) => {
            for (const timer of pending) {
              clearTimeout(timer);
            }
            pending.clear();
            server.close(() => done());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}

/** The bound address counts as allowed when it is a name (an IP literal is allowed anyway). */
function boundHost(host: string): string[] {
  return /^[\d.]+$|:/.test(host) ? [] : [host];
}

/** Applies the response's delay, then writes it; a client that left meanwhile is simply skipped. */
function sendAfterDelay(res: ServerResponse, response: SimResponse, pending: Set<NodeJS.Timeout>): void {
  const delay = response.delayMs;
  if (delay !== undefined && delay > 0) {
    const timer = setTimeout(() => {
      pending.delete(timer);
      writeSimResponse(res, response);
    }, delay);
    pending.add(timer);
    return;
  }
  writeSimResponse(res, response);
}
