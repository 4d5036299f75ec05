/**
 * One listener's request handling, shared by the plain HTTP server and the HTTPS (mutual TLS) one:
 * a path prefix per portal, the control API and the dashboard where the listener has them, bodies
 * read within limits (or refused unread), answers written after their fault delays. No Fetch
 * Request/Response objects on the hot path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_PREFIX } from '../control/api.js';
import { handleNowOf } from '../engine/handle-now.js';
import type { PortalDefinition, SimRequest, SimResponse, Simulator } from '../engine/types.js';
import { createBodyGates, isLargeBody } from './body-gate.js';
import type { Cors } from './cors.js';
import { BadTargetError, type ParsedTarget, parseTarget } from './parse-target.js';
import { BodyTooLargeError, hasNoBody, readBody } from './read-body.js';
import { createOriginResolver, toSimRequest } from './to-sim-request.js';
import { jsonResponse, writeSimResponse } from './write-response.js';

export interface Destination {
  kind: 'portal' | 'control' | 'dashboard' | 'unknown';
  portal: string;
  prefix: string;
}

export interface RequestListenerOptions {
  scheme: 'http' | 'https';
  maxBodyBytes: number;
  /** The portals this listener serves. */
  portals: readonly PortalDefinition[];
  cors?: Cors;
  /** The control API (only the plain listener has it). */
  control?: (request: SimRequest) => SimResponse | Promise<SimResponse>;
  /** The dashboard pages (only the plain listener has them). */
  dashboard?: (path: string, origin: string) => SimResponse | undefined;
  /** The answer for a path no served portal owns; default: the engine's unknown-portal 404. */
  unknown?: (request: SimRequest) => SimResponse;
  /** A last word before a portal request runs (the TLS listener checks whose certificate it is). */
  admit?: (req: IncomingMessage, destination: Destination) => SimResponse | undefined;
}

export interface RequestListener {
  onRequest(req: IncomingMessage, res: ServerResponse): void;
  /** 'http://127.0.0.1:4010', once bound: the origin used when a request has no Host header. */
  setOwnOrigin(origin: string): void;
  /** Drops delayed answers still waiting (on close), so the process can exit at once. */
  cancelPending(): void;
}

/** First path segment → destination, built once: routing a request is one Map lookup. */
function buildRoutingTable(portals: readonly PortalDefinition[], control: boolean): Map<string, Destination> {
  const table = new Map<string, Destination>();
  for (const portal of portals) {
    const prefix = portal.prefix.replace(/\/+$/, '');
    table.set(prefix.slice(1).split('/')[0] as string, { kind: 'portal', portal: portal.name, prefix });
  }
  if (control) {
    table.set(CONTROL_PREFIX.slice(1), { kind: 'control', portal: '', prefix: CONTROL_PREFIX });
  }
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

export function createRequestListener(sim: Simulator, options: RequestListenerOptions): RequestListener {
  const { cors, control, dashboard, maxBodyBytes } = options;
  const table = buildRoutingTable(options.portals, control !== undefined);
  const requestOrigin = createOriginResolver(options.scheme);
  const handleNow = handleNowOf(sim);
  const gates = createBodyGates(sim);
  /** Delayed answers still waiting; close() cancels them so the process can exit at once. */
  const pending = new Set<NodeJS.Timeout>();
  const send = (res: ServerResponse, response: SimResponse): void => sendAfterDelay(res, response, pending);
  let ownOrigin = `${options.scheme}://127.0.0.1`;

  /** Hot path: a body-less request goes straight to the engine without awaiting a body. */
  function dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    target: ParsedTarget,
  ): Promise<void> | undefined {
    const destination = route(table, target.path, dashboard !== undefined);
    const origin = requestOrigin(req, ownOrigin);
    if (destination.kind === 'portal' && options.admit !== undefined) {
      const refusal = options.admit(req, destination);
      if (refusal !== undefined) {
        res.on('finish', () => req.socket.destroy());
        send(res, { ...refusal, headers: { ...refusal.headers, connection: 'close' } });
        return undefined;
      }
    }
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
    if (destination.kind === 'control' && control !== undefined) {
      const response = control(request);
      if (response instanceof Promise) {
        return response.then((answered) => send(res, answered));
      }
      send(res, response);
      return undefined;
    }
    if (destination.kind === 'unknown' && options.unknown !== undefined) {
      send(res, options.unknown(request));
      return undefined;
    }
    const answered = handleNow(request);
    if (answered instanceof Promise) {
      return answered.then((response) => send(res, response));
    }
    send(res, answered);
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

  return {
    onRequest(req, res) {
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
    },
    setOwnOrigin(origin) {
      ownOrigin = origin;
    },
    cancelPending() {
      for (const timer of pending) {
        clearTimeout(timer);
      }
      pending.clear();
    },
  };
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

/** The answer to a malformed HTTP request (node's clientError), written on the raw socket. */
export function malformedRequestAnswer(): string {
  const body = JSON.stringify({ error: 'BAD_REQUEST', message: 'malformed HTTP request' });
  return `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}
