/**
 * Applies the response-mangling part of a fault plan (after the handler or the replacement ran):
 * delays, truncation, wrong content type, empty or corrupted bodies, extra headers.
 */
import type { SeededRandom, SimResponse } from '../types.js';
import type { FaultPlan } from './fault-plan.js';

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
  const delay = Math.min(maxDelayMs, (response.delayMs ?? 0) + plan.delayMs);
  if (delay > 0) {
    out.delayMs = delay;
  }
  return out;
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
