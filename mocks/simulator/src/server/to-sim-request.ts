import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
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
  if (remote !== undefined) {
    request.remoteAddress = remote;
  }
  return request;
}

/**
 * Origin the client used, from the Host header (so links work behind docker names), else our own.
 * Memoised on the last Host value: a load test sends the same one millions of times.
 */
export function createOriginResolver(): (req: IncomingMessage, fallback: string) => string {
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
    lastOrigin = `http://${host}`;
    return lastOrigin;
  };
}
