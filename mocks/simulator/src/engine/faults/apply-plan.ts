/**
 * Applies the response-mangling part of a fault plan (after the handler or the replacement ran):
 * delays, truncation, wrong content type, empty or corrupted bodies, extra headers.
 */
import { corruptByteStream, cutByteStream, discardBodyStream, toByteStream } from '../body-stream.js';
import { createRandom } from '../random.js';
import type { SeededRandom, SimBodyStream, SimResponse } from '../types.js';
import type { FaultPlan } from './fault-plan.js';

/** Where `truncate: true` cuts a streamed body whose length is not announced. */
export const STREAM_TRUNCATE_BYTES = 64 * 1024;

const encoder = new TextEncoder();

export function applyPlan(
  response: SimResponse,
  plan: FaultPlan,
  random: SeededRandom,
  maxDelayMs: number,
): SimResponse {
  const out: SimResponse = { ...response, headers: { ...response.headers } };
  if (plan.headers) {
    for (const [name, value] of Object.entries(plan.headers)) {
      out.headers[name.toLowerCase()] = value;
    }
  }
  if (plan.contentType !== undefined) {
    out.headers['content-type'] =
      plan.contentType === 'wrong' ? wrongContentType(out.headers['content-type']) : plan.contentType;
  }
  if (out.bodyStream !== undefined) {
    mangleStream(out, out.bodyStream, plan, random);
  } else {
    mangleWhole(out, plan, random);
  }
  const delay = Math.min(maxDelayMs, (response.delayMs ?? 0) + plan.delayMs);
  if (delay > 0) {
    out.delayMs = delay;
  }
  return out;
}

function mangleWhole(out: SimResponse, plan: FaultPlan, random: SeededRandom): void {
  if (plan.emptyBody) {
    out.body = '';
  }
  if (plan.corruptBody) {
    out.body = corrupt(toBytes(out.body), random);
  }
  if (plan.truncate !== undefined) {
    const length = toBytes(out.body).byteLength;
    out.truncateAt = plan.truncate === true ? Math.floor(length / 2) : Math.min(plan.truncate, length);
  }
}

/**
 * The body-mangling faults on a streamed body, applied as it is sent: emptied (the producer is
 * stopped), corrupted from a seeded offset inside the first chunk's first half, cut after `truncate`
 * bytes (`true`: half the announced Content-Length, else STREAM_TRUNCATE_BYTES) then dropped.
 */
function mangleStream(out: SimResponse, body: SimBodyStream, plan: FaultPlan, random: SeededRandom): void {
  if (plan.emptyBody) {
    discardBodyStream(body);
    delete out.bodyStream;
    out.body = '';
    return;
  }
  let stream = toByteStream(body);
  if (plan.corruptBody) {
    // Its own seeded stream: the bytes are drawn while the body is sent, interleaved with other requests.
    const own = createRandom(random.uuid());
    stream = corruptByteStream(
      stream,
      (first) => own.int(0, Math.floor(first.byteLength / 2)),
      () => own.int(0x80, 0xff),
    );
  }
  if (plan.truncate !== undefined) {
    const announced = Number(out.headers['content-length']);
    const at =
      plan.truncate !== true
        ? plan.truncate
        : Number.isSafeInteger(announced) && announced > 0
          ? Math.floor(announced / 2)
          : STREAM_TRUNCATE_BYTES;
    stream = cutByteStream(stream, at);
  }
  out.bodyStream = stream;
}

function wrongContentType(current: string | undefined): string {
  return current?.includes('json') ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
}

export function toBytes(body: string | Uint8Array | undefined): Uint8Array {
  if (body === undefined) {
    return new Uint8Array(0);
  }
  return typeof body === 'string' ? encoder.encode(body) : body;
}

/** Keeps the first part, then garbage bytes: a parser fails but a length check may pass. */
function corrupt(bytes: Uint8Array, random: SeededRandom): Uint8Array {
  const keep = bytes.byteLength === 0 ? 0 : random.int(0, Math.max(0, Math.floor(bytes.byteLength / 2)));
  const garbage = new Uint8Array(Math.max(8, bytes.byteLength - keep));
  for (let i = 0; i < garbage.length; i += 1) {
    // 0x80–0xFF alone are invalid UTF-8 starts/continuations: guaranteed to break JSON.
    garbage[i] = random.int(0x80, 0xff);
  }
  const out = new Uint8Array(keep + garbage.length);
  out.set(bytes.subarray(0, keep), 0);
  out.set(garbage, keep);
  return out;
}
