import { discardBodyStream, toByteStream } from '../../engine/body-stream.js';
import type { SimResponse } from '../../engine/types.js';
import type { MswModule } from './msw-module.js';

const encoder = new TextEncoder();
const TRUNCATE_ERROR_AFTER_MS = 50;

// Statuses that must not carry a body in a Fetch Response.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * SimResponse → MSW response: waits delayMs, realises transport faults, cuts truncated bodies, hands a
 * streamed body over as the Response's ReadableStream (its failure fails the client's body read).
 */
export async function toHttpResponse(
  response: SimResponse,
  HttpResponse: MswModule['HttpResponse'],
): Promise<Response> {
  if (response.delayMs !== undefined && response.delayMs > 0) {
    await sleep(response.delayMs);
  }
  if (response.fault !== undefined) {
    if (response.bodyStream !== undefined) {
      discardBodyStream(response.bodyStream);
    }
    return HttpResponse.error();
  }
  if (response.bodyStream !== undefined) {
    // Handed over as a stream: the client's reads pull the producer, nothing is buffered here.
    const stream = toByteStream(response.bodyStream);
    if (NULL_BODY.has(response.status)) {
      discardBodyStream(stream);
      return new HttpResponse(null, { status: response.status, headers: response.headers });
    }
    return new HttpResponse(stream, { status: response.status, headers: response.headers });
  }
  // Uint8Array<ArrayBufferLike> is a valid body at runtime; lib.dom only narrows the buffer type.
  let body = (response.body ?? null) as BodyInit | null;
  if (response.truncateAt !== undefined && response.body !== undefined) {
    body = droppedMidBody(response.body, response.truncateAt);
  }
  if (NULL_BODY.has(response.status)) {
    body = null;
  }
  let headers = response.headers;
  if ((typeof body === 'string' || body instanceof Uint8Array) && headers['content-length'] === undefined) {
    // Announce the length, as the node server does: without it a keep-alive client over node:http
    // (node-fetch in vk-io) never sees the end of a mocked body and waits until it times out.
    const length = typeof body === 'string' ? encoder.encode(body).byteLength : body.byteLength;
    headers = { ...headers, 'content-length': String(length) };
  }
  return new HttpResponse(body, { status: response.status, headers });
}

/**
 * Like the node server (which announces the full length and closes early): the client reads the
 * first bytes, then the body stream fails — reading the body rejects, as with a dropped connection.
 */
function droppedMidBody(body: string | Uint8Array, truncateAt: number): ReadableStream<Uint8Array> {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const cut = Math.max(0, Math.min(bytes.byteLength, Math.floor(truncateAt)));
  let sent = cut === 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(bytes.slice(0, cut));
        return;
      }
      if (cut === bytes.byteLength) {
        controller.close();
        return;
      }
      // MSW pipes this stream into the client's body eagerly; erroring at once would discard the
      // prefix still queued there, so the "connection drop" comes a moment later.
      await sleep(TRUNCATE_ERROR_AFTER_MS);
      controller.error(new TypeError('terminated: connection closed mid-body (goskit truncate fault)'));
    },
  });
}
