import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { SimRequest } from '../engine/types.js';
import type { ParsedTarget } from './parse-target.js';

/** Flattens node's header object (arrays for repeated headers) into the engine's lower-case record. */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    out[name] = typeof value === 'string' ? value : value.join(', ');
  }
  return out;
}

export interface RequestOrigin {
  /** 'http://127.0.0.1:4010' as the client addressed us (Host header), used for absolute URLs. */
  origin: string;
}

/** Builds the transport-neutral request the engine understands; the only allocation-heavy step is the query. */
export function toSimRequest(
  req: IncomingMessage,
  target: ParsedTarget,
  portal: string,
  prefix: string,
  body: Uint8Array | undefined,
  origin: string,
): SimRequest {
  const inner = prefix.length === 0 ? target.path : target.path.slice(prefix.length);
  const request: SimRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    portal,
    path: inner.length === 0 ? '/' : inner,
    query: new URLSearchParams(target.search),
    headers: flattenHeaders(req.headers),
    body,
    url: origin + target.raw,
    baseUrl: origin + prefix,
  };
  const remote = req.socket.remoteAddress;
  if (remote !== undefined) request.remoteAddress = remote;
  return request;
}

/** Origin the client used, from the Host header (so links work behind docker names), else our own. */
export function requestOrigin(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  if (host === undefined || host.length === 0 || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return fallback;
  return `http://${host}`;
}
