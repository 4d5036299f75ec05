import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { SimRequest } from '../engine/types.js';
import type { ParsedTarget } from './parse-target.js';

/**
 * Flattens node's header object into the engine's lower-case record. Node already joins repeated
 * request headers with ', ' except set-cookie, so the object is passed through unless that is present.
 */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  if (headers['set-cookie'] === undefined) {
    return headers as Record<string, string>;
  }
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) {
      continue;
    }
    out[name] = typeof value === 'string' ? value : value.join(', ');
  }
  return out;
}

export interface RequestOrigin {
  /** 'http://127.0.0.1:4010' as the client addressed us (Host header), used for absolute URLs. */
  origin: string;
}

/**
 * The engine's request over a node request. The query is parsed on first use: most routes never
 * read it, and URLSearchParams was the largest allocation left per request. (Spreading this object
 * copies only its own fields; read `query` explicitly.)
 */
class NodeSimRequest implements SimRequest {
  declare remoteAddress?: string;
  #search: string;
  #query: URLSearchParams | undefined;

  constructor(
    public method: string,
    public portal: string,
    public path: string,
    search: string,
    public headers: Record<string, string>,
    public body: Uint8Array | undefined,
    public url: string,
    public baseUrl: string,
    remoteAddress: string | undefined,
  ) {
    this.#search = search;
    if (remoteAddress !== undefined) {
      this.remoteAddress = remoteAddress;
    }
  }

  get query(): URLSearchParams {
    this.#query ??= new URLSearchParams(this.#search);
    return this.#query;
  }

  set query(value: URLSearchParams) {
    this.#query = value;
  }
}

/** Builds the transport-neutral request the engine understands, allocating as little as possible. */
export function toSimRequest(
  req: IncomingMessage,
  target: ParsedTarget,
  portal: string,
  prefix: string,
  body: Uint8Array | undefined,
  origin: string,
): SimRequest {
  const inner = prefix.length === 0 ? target.path : target.path.slice(prefix.length);
  const method = req.method ?? 'GET';
  return new NodeSimRequest(
    method === 'GET' || method === 'POST' ? method : method.toUpperCase(),
    portal,
    inner.length === 0 ? '/' : inner,
    target.search,
    flattenHeaders(req.headers),
    body,
    origin + target.raw,
    origin + prefix,
    remoteAddressOf(req.socket),
  );
}

const REMOTE_ADDRESS = Symbol('goskit.remoteAddress');
type RememberingSocket = Socket & { [REMOTE_ADDRESS]?: string | null };

/** socket.remoteAddress asks the OS binding each time; a keep-alive connection asks once. */
function remoteAddressOf(socket: RememberingSocket): string | undefined {
  let remote = socket[REMOTE_ADDRESS];
  if (remote === undefined) {
    remote = socket.remoteAddress ?? null;
    socket[REMOTE_ADDRESS] = remote;
  }
  return remote ?? undefined;
}

/**
 * Origin the client used, from the Host header (so links work behind docker names), else our own.
 * Memoised on the last Host value: a load test sends the same one millions of times.
 */
export function createOriginResolver(
  scheme: 'http' | 'https' = 'http',
): (req: IncomingMessage, fallback: string) => string {
  let lastHost = '';
  let lastOrigin = '';
  return (req, fallback) => {
    const host = req.headers.host;
    if (host === undefined || host.length === 0) {
      return fallback;
    }
    if (host === lastHost) {
      return lastOrigin;
    }
    if (!/^[A-Za-z0-9.\-:[\]]+$/.test(host)) {
      return fallback;
    }
    lastHost = host;
    lastOrigin = `${scheme}://${host}`;
    return lastOrigin;
  };
}
