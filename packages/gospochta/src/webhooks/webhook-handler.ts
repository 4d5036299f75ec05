/**
 * Receives Gospochta's webhook deliveries. Each one is a protected packet (dir `webhook`): verified
 * (MAC, digest, time window, PII, replay of the packet), then de-duplicated by `eventId` — the portal
 * retries an event with new packets until it gets a 2xx — and handed to `onEvent`. The answer is 200
 * only after `onEvent` resolved (the event is stored); a failure answers 500 so the portal retries; a
 * second delivery of a stored event answers 200 without calling `onEvent` again; one arriving while the
 * first is still being stored answers 409 with Retry-After.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Clock,
  createLogger,
  InvalidOptionsError,
  isRedactingLogger,
  type KeyValueStore,
  type Logger,
  MemoryStore,
} from '@goskit/core';
import { PacketError } from '../errors/packet-error.js';
import type { HeaderSource } from '../packets/header-reader.js';
import { createPacketCodec, type PacketCodec } from '../packets/packet-codec.js';
import type { PacketKeyRing, PacketKeyRingOptions } from '../packets/packet-keys.js';
import { type WebhookEvent, webhookEventSchema } from './models.js';

export interface WebhookDelivery {
  subscriptionId: string;
  deliveryId: string;
}

export interface WebhookHandlerOptions {
  /** The same packet keys the client uses (or a codec already built with them). */
  packetKeys?: PacketKeyRingOptions | PacketKeyRing;
  codec?: PacketCodec;
  /** Store the event; resolve only once it is durable. */
  onEvent: (event: WebhookEvent, delivery: WebhookDelivery) => Promise<void>;
  /** Processed event ids (share one between instances). Default: in-process MemoryStore. */
  eventStore?: KeyValueStore;
  /** How long a processed event id is remembered, ms. Default 7 days (longer than the portal retries). */
  eventTtlMs?: number;
  /** Packet nonces (when no codec is given). Default: in-process MemoryStore. */
  replayStore?: KeyValueStore;
  /** Accept deliveries of these subscriptions only. Default: any. */
  subscriptionIds?: readonly string[];
  /** Largest body accepted, bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  clock?: Clock;
  toleranceSec?: number;
  logger?: Partial<Logger>;
}

export interface WebhookAnswer {
  status: 200 | 400 | 403 | 405 | 409 | 413 | 500;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookHandler {
  /** Framework-neutral: headers and the raw body bytes in, status and body out. */
  handle(request: { method?: string; headers: HeaderSource; body: Uint8Array }): Promise<WebhookAnswer>;
  /** For Fetch-API servers (Request → Response). */
  fetch(request: Request): Promise<Response>;
  /** For node:http (and Express/Fastify raw handlers): reads the body with a bound, answers. */
  node(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

const PROCESSING = 'processing';
const DONE = 'done';

function answer(
  status: WebhookAnswer['status'],
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): WebhookAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  if (typeof options?.onEvent !== 'function') {
    throw new InvalidOptionsError('createWebhookHandler needs onEvent (store the event, then resolve)');
  }
  const clock = options.clock ?? { now: () => Date.now() };
  const codec =
    options.codec ??
    createPacketCodec({
      keys: options.packetKeys as PacketKeyRingOptions | PacketKeyRing,
      clock,
      ...(options.replayStore ? { replayStore: options.replayStore } : {}),
      ...(options.toleranceSec === undefined ? {} : { toleranceSec: options.toleranceSec }),
      ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    });
  const events = options.eventStore ?? new MemoryStore({ clock });
  const eventTtlMs = options.eventTtlMs ?? 7 * 86_400_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const allowed = options.subscriptionIds ? new Set(options.subscriptionIds) : undefined;
  const logger = isRedactingLogger(options.logger)
    ? options.logger
    : createLogger(options.logger ? { sink: options.logger, level: 'debug' } : { level: 'warn' });

  const handle = async (request: {
    method?: string;
    headers: HeaderSource;
    body: Uint8Array;
  }): Promise<WebhookAnswer> => {
    if (request.method !== undefined && request.method.toUpperCase() !== 'POST') {
      return answer(405, { code: 'METHOD_NOT_ALLOWED' }, { allow: 'POST' });
    }
    if (request.body.length > maxBodyBytes) {
      return answer(413, { code: 'PAYLOAD_TOO_LARGE' });
    }
    let verified: Awaited<ReturnType<PacketCodec['verifyWebhook']>>;
    try {
      verified = await codec.verifyWebhook({ headers: request.headers, body: request.body });
    } catch (error) {
      if (error instanceof PacketError) {
        logger.warn('gospochta webhook refused', { check: error.check, field: error.field });
        return answer(400, {
          code: 'PACKET_REJECTED',
          packetCheck: error.check,
          ...(error.field ? { field: error.field } : {}),
        });
      }
      throw error;
    }
    if (allowed && !allowed.has(verified.subscriptionId)) {
      logger.warn('gospochta webhook of an unknown subscription', { deliveryId: verified.deliveryId });
      return answer(403, { code: 'UNKNOWN_SUBSCRIPTION' });
    }
    const parsed = webhookEventSchema.safeParse(verified.json);
    if (!parsed.success) {
      return answer(400, { code: 'INVALID_EVENT', field: parsed.error.issues[0]?.path.join('.') ?? '' });
    }
    const event = parsed.data as WebhookEvent;
    const key = `gospochta:event:${event.eventId}`;
    const claimed = await events.setIfAbsent(key, PROCESSING, { ttlMs: 300_000 });
    if (!claimed) {
      const state = await events.get(key);
      if (state === DONE) {
        logger.info('gospochta webhook duplicate', {
          eventId: event.eventId,
          deliveryId: verified.deliveryId,
        });
        return answer(200, { status: 'duplicate', eventId: event.eventId });
      }
      return answer(409, { code: 'IN_PROGRESS', eventId: event.eventId }, { 'retry-after': '5' });
    }
    try {
      await options.onEvent(event, {
        subscriptionId: verified.subscriptionId,
        deliveryId: verified.deliveryId,
      });
    } catch (error) {
      await events.delete(key);
      logger.error('gospochta webhook not stored', {
        eventId: event.eventId,
        error: error instanceof Error ? error.name : 'unknown',
      });
      return answer(500, { code: 'NOT_STORED', eventId: event.eventId });
    }
    await events.set(key, DONE, { ttlMs: eventTtlMs });
    logger.info('gospochta webhook stored', {
      eventId: event.eventId,
      type: event.type,
      deliveryId: verified.deliveryId,
    });
    return answer(200, { status: 'stored', eventId: event.eventId });
  };

  return {
    handle,
    async fetch(request) {
      const length = Number(request.headers.get('content-length') ?? '0');
      if (length > maxBodyBytes) {
        const out = answer(413, { code: 'PAYLOAD_TOO_LARGE' });
        return new Response(out.body, { status: out.status, headers: out.headers });
      }
      const body = new Uint8Array(await request.arrayBuffer());
      const out = await handle({ method: request.method, headers: request.headers, body });
      return new Response(out.body, { status: out.status, headers: out.headers });
    },
    async node(request, response) {
      const body = await readBounded(request, maxBodyBytes);
      if (body === undefined) {
        // Answer at once and close: reading on would let a sender stream without end.
        const out = answer(413, { code: 'PAYLOAD_TOO_LARGE' }, { connection: 'close' });
        response.writeHead(out.status, out.headers);
        response.end(out.body, () => request.destroy());
        return;
      }
      const out = await handle({ method: request.method ?? 'POST', headers: request.headers, body });
      response.writeHead(out.status, out.headers);
      response.end(out.body);
    },
  };
}

/** The request body, or undefined as soon as it exceeds `limit` bytes (the rest is not read). */
function readBounded(request: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.off('end', onEnd);
        request.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(new Uint8Array(Buffer.concat(chunks)));
    request.on('data', onData);
    request.on('end', onEnd);
    request.once('error', reject);
  });
}
