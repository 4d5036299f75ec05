import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { discardBodyStream } from '../engine/body-stream.js';
import type { SimResponse } from '../engine/types.js';
import { writeStreamedBody } from './write-stream.js';

/** Destroys the socket so the client sees ECONNRESET (RST when node supports it) rather than a clean close. */
export function resetSocket(socket: Socket): void {
  const withReset = socket as Socket & { resetAndDestroy?: () => Socket };
  if (typeof withReset.resetAndDestroy === 'function' && !socket.destroyed && socket.readyState === 'open') {
    withReset.resetAndDestroy();
  } else {
    socket.destroy();
  }
}

/**
 * Realises a SimResponse on node:http: one writeHead + end on the normal path; transport faults
 * and truncation act on the socket; a streamed body is pumped with backpressure (write-stream.ts).
 * Returns once the response is handed to the socket (a stream: once its sending has begun).
 */
export function writeSimResponse(res: ServerResponse, response: SimResponse): void {
  const socket = res.socket;
  if (response.fault !== undefined) {
    if (response.bodyStream !== undefined) {
      discardBodyStream(response.bodyStream);
    }
    if (socket !== null) {
      resetSocket(socket);
    }
    return;
  }
  if (res.destroyed || res.headersSent) {
    return;
  }
  const body = response.body;
  const headers = response.headers;
  if (response.bodyStream !== undefined) {
    writeStreamedBody(res, response.status, headers, response.bodyStream);
    return;
  }
  if (response.truncateAt !== undefined && body !== undefined) {
    writeTruncated(res, response.status, headers, body, response.truncateAt);
    return;
  }
  if (body === undefined || body.length === 0) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  res.writeHead(response.status, withContentLength(headers, length));
  res.end(body);
}

/**
 * The headers as node's flat [name, value, …] list plus Content-Length. Copying into an object
 * (`{ ...headers, 'content-length': n }`) costs about as much as the rest of the request, and the
 * engine may share header objects between responses, so they are never mutated.
 */
export function withContentLength(headers: Record<string, string>, length: number): string[] {
  const flat: string[] = [];
  for (const name in headers) {
    if (name !== 'content-length') {
      flat.push(name, headers[name] as string);
    }
  }
  flat.push('content-length', String(length));
  return flat;
}

/** Announces the full length, sends a prefix, then drops the connection: the client reads a short body. */
function writeTruncated(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Uint8Array,
  truncateAt: number,
): void {
  const bytes =
    typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const cut = Math.max(0, Math.min(bytes.length, Math.floor(truncateAt)));
  res.writeHead(status, withContentLength(headers, bytes.length));
  if (cut === bytes.length) {
    res.end(bytes);
    return;
  }
  res.write(bytes.subarray(0, cut), () => {
    if (res.socket !== null) {
      res.socket.destroy();
    }
  });
}

/** Small JSON answer for the adapter's own errors (400, 413, 500) and the control API. */
export function jsonResponse(
  status: number,
  payload: unknown,
  extraHeaders?: Record<string, string>,
): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...extraHeaders },
    body: JSON.stringify(payload),
  };
}
