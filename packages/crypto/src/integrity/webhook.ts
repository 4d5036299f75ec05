import { type Clock, clockFrom, type KeyValueStore, MemoryStore } from '@goskit/core';
import { CryptoError } from '../errors.js';
import { concatBytes, fromHex, timingSafeEqual, toHex, utf8 } from './bytes.js';
import { type HmacSecret, hmacSha256 } from './hmac.js';
import { parseWebhookHeader } from './webhook-header.js';

export interface SignWebhookOptions {
  /** Signing time; default now. */
  timestamp?: Date | number;
}

export interface VerifyWebhookOptions {
  /** Largest accepted |now − t| in seconds. Default 300. */
  toleranceSec?: number;
  /** What time it is. Default: the system clock; the simulator's clock fits as it is. */
  clock?: Clock;
  /** @deprecated Renamed `clock` (`clock: { now }`); `now` goes away in the next minor release. */
  now?: () => number;
  /**
   * Replay cache: a (timestamp, signature) pair is accepted once; entries live as long as the
   * tolerance window, after which the timestamp check rejects the pair anyway. Without a store
   * a captured request can be replayed within the tolerance.
   */
  replayStore?: KeyValueStore;
}

export interface VerifiedWebhook {
  /** The `t=` value, unix seconds. */
  timestamp: number;
}

function unixSeconds(value: Date | number): number {
  return Math.floor((value instanceof Date ? value.getTime() : value) / 1000);
}

async function signatureFor(timestamp: number, body: Uint8Array | string, secret: HmacSecret) {
  const payload = concatBytes(utf8(`${timestamp}.`), typeof body === 'string' ? utf8(body) : body);
  return hmacSha256(secret, payload);
}

/**
 * Signs a webhook body. Header value: `t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>">`.
 * The timestamp is inside the MAC, so it cannot be moved forward to dodge the tolerance check.
 */
export async function signWebhook(
  body: Uint8Array | string,
  secret: HmacSecret,
  options: SignWebhookOptions = {},
): Promise<string> {
  const timestamp =
    options.timestamp === undefined ? unixSeconds(Date.now()) : unixSeconds(options.timestamp);
  return `t=${timestamp},v1=${toHex(await signatureFor(timestamp, body, secret))}`;
}

/**
 * Verifies a webhook header over the exact body bytes received. Several secrets may be given while
 * one is being rotated. Throws CryptoError: MALFORMED_SIGNATURE, TIMESTAMP_OUT_OF_TOLERANCE,
 * SIGNATURE_MISMATCH or REPLAY_DETECTED.
 */
export async function verifyWebhook(
  body: Uint8Array | string,
  header: string,
  secret: HmacSecret | readonly HmacSecret[],
  options: VerifyWebhookOptions = {},
): Promise<VerifiedWebhook> {
  const toleranceSec = options.toleranceSec ?? 300;
  const parsed = parseWebhookHeader(header);
  const nowSec = Math.floor(clockFrom(options, 'verifyWebhook').now() / 1000);
  if (Math.abs(nowSec - parsed.timestamp) > toleranceSec) {
    throw new CryptoError('TIMESTAMP_OUT_OF_TOLERANCE', `Webhook timestamp is outside ±${toleranceSec}s`);
  }
  const secrets: readonly HmacSecret[] = Array.isArray(secret) ? secret : [secret as HmacSecret];
  let matched: string | undefined;
  for (const candidate of secrets) {
    const expected = await signatureFor(parsed.timestamp, body, candidate);
    for (const given of parsed.signatures) {
      // Compare every pair (no early exit on the first secret) to keep timing uniform.
      if (timingSafeEqual(expected, fromHex(given))) {
        matched = given;
      }
    }
  }
  if (matched === undefined) {
    throw new CryptoError('SIGNATURE_MISMATCH', 'Webhook signature does not match the body');
  }
  if (options.replayStore) {
    const fresh = await options.replayStore.setIfAbsent(`webhook:${parsed.timestamp}:${matched}`, true, {
      ttlMs: toleranceSec * 1000,
    });
    if (!fresh) {
      throw new CryptoError('REPLAY_DETECTED', 'Webhook with this signature was already accepted');
    }
  }
  return { timestamp: parsed.timestamp };
}

/**
 * A verifier bound to its secret(s) and a replay store (default: an in-process MemoryStore — use a
 * shared store such as Redis when several instances receive webhooks).
 */
export function createWebhookVerifier(
  secret: HmacSecret | readonly HmacSecret[],
  options: VerifyWebhookOptions = {},
): (body: Uint8Array | string, header: string) => Promise<VerifiedWebhook> {
  const clock = clockFrom(options, 'createWebhookVerifier');
  const replayStore = options.replayStore ?? new MemoryStore({ clock });
  const bound: VerifyWebhookOptions = { ...options, clock, replayStore };
  delete bound.now;
  return (body, header) => verifyWebhook(body, header, secret, bound);
}
