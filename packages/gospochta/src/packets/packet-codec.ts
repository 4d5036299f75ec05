/**
 * Protected packets, both sides: build (encrypt PII fields, digest the body, MAC the protected header,
 * optionally sign with JWS) and verify (header, version, key, time window, MAC, digest, JWS, body,
 * PII, replay — in that order, stopping at the first failure and recording the nonce only after
 * everything passed). The client builds requests and verifies responses; the simulator portal uses the
 * same codec the other way round, and webhook receivers verify deliveries with it.
 */
import { type Clock, InvalidOptionsError, type KeyValueStore, MemoryStore } from '@goskit/core';
import { canonicalJson, fromBase64Url, fromUtf8, type Signer, toBase64Url, utf8 } from '@goskit/crypto';
import { PacketBuildError } from '../errors/packet-build-error.js';
import { PacketError } from '../errors/packet-error.js';
import {
  type DetachedVerification,
  type JwsAlgorithmName,
  signDetached,
  verifyDetached,
} from '../signatures/detached-jws.js';
import { type TrustedCertificate, trustCertificates } from '../signatures/trusted-certificates.js';
import { CONTENT_DIGEST_HEADER, checkContentDigest, contentDigest } from './content-digest.js';
import { DEFAULT_TREE_LIMITS, decryptTree, encryptTree, type TreeLimits } from './field-cipher.js';
import { type HeaderSource, headerReader } from './header-reader.js';
import {
  formatPacketHeader,
  PACKET_HEADER,
  PACKET_VERSION,
  type PacketHeaderFields,
  parsePacketHeader,
} from './packet-header.js';
import {
  createPacketKeyRing,
  type PacketKeyRing,
  type PacketKeyRingOptions,
  type ResolvedPacketKey,
} from './packet-keys.js';
import { PII_FIELD_NAMES } from './pii-fields.js';
import {
  type Binding,
  macInput,
  type RequestBinding,
  type ResponseBinding,
  type WebhookBinding,
} from './protected-header.js';

export const JWS_HEADER = 'x-gospochta-jws';
export const REQUEST_ID_HEADER = 'x-request-id';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const WEBHOOK_ID_HEADER = 'x-gospochta-webhook-id';
export const DELIVERY_ID_HEADER = 'x-gospochta-delivery-id';

export interface PacketJwsOptions {
  /** Signs every built packet's body (RS256 or GOST3410_2012_256 Signer). */
  signer?: Signer;
  /** Certificates whose JWS a verifier accepts. */
  trust?: ReadonlyArray<string | Uint8Array>;
  /** Refuse packets without a JWS. Default false. */
  require?: boolean;
  /** Accepted algorithms. Default both. */
  algorithms?: readonly JwsAlgorithmName[];
}

export interface PacketCodecOptions {
  /** Key ring, or the options to create one. */
  keys: PacketKeyRing | PacketKeyRingOptions;
  /**
   * Where seen `(kid, nonce)` pairs are kept for the replay check. Default: an in-process MemoryStore —
   * share one (Redis) between instances that receive the same packets.
   */
  replayStore?: KeyValueStore;
  /** Default 'gospochta:packet:'. */
  replayKeyPrefix?: string;
  /** Accepted |now − ts|, seconds. Default 300. */
  toleranceSec?: number;
  clock?: Clock;
  /** Largest body accepted or built, bytes. Default 32 MiB. */
  maxBodyBytes?: number;
  /** Nesting and PII-field limits. */
  limits?: Partial<TreeLimits>;
  /** Property names treated as PII. Default PII_FIELD_NAMES (the contract's list). */
  piiFields?: readonly string[];
  jws?: PacketJwsOptions;
}

/** What a builder returns: send `body` with `headers`. */
export interface BuiltPacket {
  body: Uint8Array;
  headers: Record<string, string>;
  kid: string;
  ts: number;
  nonce: string;
}

/** A packet that passed every check. `json` is the decrypted body (undefined for a binary body). */
export interface VerifiedPacket {
  json: unknown;
  bytes: Uint8Array;
  kid: string;
  ts: number;
  nonce: string;
  /** `checked: false` when a JWS came but no trusted certificates are configured. */
  jws: { checked: true; alg: JwsAlgorithmName; subject: string } | { checked: false } | undefined;
}

export interface VerifiedRequest extends VerifiedPacket {
  requestId: string;
  idempotencyKey: string | undefined;
}

export interface VerifiedWebhook extends VerifiedPacket {
  subscriptionId: string;
  deliveryId: string;
  eventId: string;
}

type BodyInput =
  | { json: unknown; bytes?: never }
  | { bytes: Uint8Array; json?: never }
  | { json?: never; bytes?: never };

export type BuildRequestInput = RequestBinding & BodyInput & { kid?: string };
export type BuildResponseInput = ResponseBinding & BodyInput & { kid?: string; contentType?: string };
export type BuildWebhookInput = Omit<WebhookBinding, 'eventId'> & {
  event: { eventId: string } & Record<string, unknown>;
};

export interface PacketCodec {
  readonly keys: PacketKeyRing;
  /** The body bytes (canonical JSON with PII encrypted under `kid`, default current) and their digest. */
  encryptBody(json: unknown, kid?: string): Promise<{ bytes: Uint8Array; digest: string; kid: string }>;
  /** A fresh `X-Gospochta-Packet` value (new ts and nonce) for a body digest — one per attempt. */
  signHeader(
    binding: Binding,
    digest: string,
    kid?: string,
  ): Promise<{ header: string; ts: number; nonce: string }>;
  /** The optional JWS over body bytes, when a signer is configured. */
  signBody(bytes: Uint8Array): Promise<string | undefined>;
  buildRequest(input: BuildRequestInput): Promise<BuiltPacket>;
  buildResponse(input: BuildResponseInput): Promise<BuiltPacket>;
  buildWebhook(input: BuildWebhookInput): Promise<BuiltPacket>;
  verifyRequest(input: {
    method: string;
    target: string;
    headers: HeaderSource;
    body: Uint8Array;
  }): Promise<VerifiedRequest>;
  verifyResponse(input: {
    status: number;
    requestId: string;
    headers: HeaderSource;
    body: Uint8Array;
    /** Parse and decrypt the body as JSON. Default true. */
    json?: boolean;
  }): Promise<VerifiedPacket>;
  verifyWebhook(input: { headers: HeaderSource; body: Uint8Array }): Promise<VerifiedWebhook>;
}

const EMPTY = new Uint8Array(0);
const DEFAULT_MAX_BODY = 32 * 1024 * 1024;

function isKeyRing(value: PacketKeyRing | PacketKeyRingOptions): value is PacketKeyRing {
  return typeof (value as PacketKeyRing).get === 'function';
}

function newNonce(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

export function createPacketCodec(options: PacketCodecOptions): PacketCodec {
  const keys = isKeyRing(options.keys) ? options.keys : createPacketKeyRing(options.keys);
  const clock: Clock = options.clock ?? { now: () => Date.now() };
  const toleranceSec = options.toleranceSec ?? 300;
  if (!Number.isFinite(toleranceSec) || toleranceSec <= 0 || toleranceSec > 86_400) {
    throw new InvalidOptionsError(`toleranceSec must be in (0, 86400], got ${toleranceSec}`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const limits: TreeLimits = { ...DEFAULT_TREE_LIMITS, ...options.limits };
  const pii = new Set(options.piiFields ?? PII_FIELD_NAMES);
  const replayStore = options.replayStore ?? new MemoryStore({ clock });
  const replayPrefix = options.replayKeyPrefix ?? 'gospochta:packet:';
  const jwsSigner = options.jws?.signer;
  const jwsTrust: TrustedCertificate[] = trustCertificates(options.jws?.trust, 'jws.trust');
  const jwsRequired = options.jws?.require ?? false;
  const jwsAlgorithms = options.jws?.algorithms;

  const keyFor = (kid: string | undefined): ResolvedPacketKey => {
    const id = kid ?? keys.currentKid;
    const key = keys.get(id);
    if (!key) {
      throw new InvalidOptionsError(`packet key "${id}" is not in the key ring`);
    }
    return key;
  };

  const encryptBody = async (json: unknown, kid?: string) => {
    const key = keyFor(kid);
    const tree = await encryptTree(json, key, pii, limits);
    const bytes = utf8(canonicalJson(tree));
    if (bytes.length > maxBodyBytes) {
      throw new PacketBuildError(`the body is ${bytes.length} bytes, over the ${maxBodyBytes}-byte limit`);
    }
    return { bytes, digest: await contentDigest(bytes), kid: key.kid };
  };

  const signHeader = async (binding: Binding, digest: string, kid?: string) => {
    const key = keyFor(kid);
    const ts = Math.floor(clock.now());
    const nonce = newNonce();
    const mac = new Uint8Array(
      await globalThis.crypto.subtle.sign(
        'HMAC',
        await key.mac,
        new Uint8Array(macInput(binding, { kid: key.kid, ts, nonce, digest })),
      ),
    );
    const fields: PacketHeaderFields = { v: PACKET_VERSION, kid: key.kid, ts, nonce, mac: toBase64Url(mac) };
    return { header: formatPacketHeader(fields), ts, nonce };
  };

  const signBody = async (bytes: Uint8Array) => (jwsSigner ? signDetached(bytes, jwsSigner) : undefined);

  const bodyOf = async (input: BodyInput, kid: string | undefined) => {
    if (input.json !== undefined) {
      return encryptBody(input.json, kid);
    }
    const bytes = input.bytes ?? EMPTY;
    if (bytes.length > maxBodyBytes) {
      throw new PacketBuildError(`the body is ${bytes.length} bytes, over the ${maxBodyBytes}-byte limit`);
    }
    return { bytes, digest: await contentDigest(bytes), kid: keyFor(kid).kid };
  };

  const assemble = async (
    binding: Binding,
    body: { bytes: Uint8Array; digest: string; kid: string },
    extra: Record<string, string>,
  ): Promise<BuiltPacket> => {
    const signed = await signHeader(binding, body.digest, body.kid);
    const jws = await signBody(body.bytes);
    return {
      body: body.bytes,
      headers: {
        ...extra,
        [PACKET_HEADER]: signed.header,
        [CONTENT_DIGEST_HEADER]: body.digest,
        ...(jws ? { [JWS_HEADER]: jws } : {}),
      },
      kid: body.kid,
      ts: signed.ts,
      nonce: signed.nonce,
    };
  };

  /**
   * Every check but the replay record, in the contract's order. `bindingOf` reads the call's own
   * headers into what the MAC must cover; the packet comes back with that binding.
   */
  const check = async <B extends Binding>(
    headers: HeaderSource,
    body: Uint8Array,
    bindingOf: (read: (name: string) => string | undefined) => B,
    parseJson: boolean,
  ): Promise<{ packet: VerifiedPacket; binding: B }> => {
    if (!(body instanceof Uint8Array)) {
      throw new PacketError('body', 'the body must be bytes');
    }
    if (body.length > maxBodyBytes) {
      throw new PacketError('body', `the body is over the ${maxBodyBytes}-byte limit`);
    }
    const read = headerReader(headers);
    const fields = parsePacketHeader(read(PACKET_HEADER));
    const key = keys.get(fields.kid);
    if (!key) {
      throw new PacketError('key', `unknown key id "${fields.kid}"`);
    }
    const skewMs = Math.abs(clock.now() - fields.ts);
    if (skewMs > toleranceSec * 1000) {
      throw new PacketError(
        'timestamp',
        `the packet time is ${Math.round(skewMs / 1000)} s away from now (limit ${toleranceSec} s)`,
      );
    }
    const digest = read(CONTENT_DIGEST_HEADER) ?? '';
    let mac: Uint8Array;
    try {
      mac = fromBase64Url(fields.mac);
    } catch (cause) {
      // 43 base64url characters can still carry non-zero trailing bits: not a MAC we could have sent.
      throw new PacketError('mac', 'the MAC in the protected header is not valid base64url', { cause });
    }
    const binding = bindingOf(read);
    const macOk = await globalThis.crypto.subtle.verify(
      'HMAC',
      await key.mac,
      new Uint8Array(mac),
      new Uint8Array(macInput(binding, { kid: fields.kid, ts: fields.ts, nonce: fields.nonce, digest })),
    );
    if (!macOk) {
      throw new PacketError(
        'mac',
        'the MAC does not match the protected header (altered, another key, or moved to another call)',
      );
    }
    await checkContentDigest(digest, body);
    const jws = await checkJws(read(JWS_HEADER), body);
    let json: unknown;
    if (parseJson) {
      try {
        json = JSON.parse(fromUtf8(body));
      } catch (cause) {
        throw new PacketError('body', 'the body is not JSON', { cause });
      }
      await decryptTree(json, key, pii, limits);
    }
    return {
      packet: { json, bytes: body, kid: fields.kid, ts: fields.ts, nonce: fields.nonce, jws },
      binding,
    };
  };

  const checkJws = async (jws: string | undefined, body: Uint8Array): Promise<VerifiedPacket['jws']> => {
    if (jws === undefined) {
      if (jwsRequired) {
        throw new PacketError('jws', 'a JWS is required and the packet has none');
      }
      return undefined;
    }
    if (jwsTrust.length === 0) {
      if (jwsRequired) {
        throw new PacketError('jws', 'a JWS is required but no trusted certificates are configured');
      }
      return { checked: false };
    }
    const result: DetachedVerification = await verifyDetached(jws, body, jwsTrust, jwsAlgorithms);
    if (!result.valid) {
      throw new PacketError('jws', `${result.reason}: ${result.message}`);
    }
    return { checked: true, alg: result.alg, subject: result.certificate.subject };
  };

  const remember = async (packet: VerifiedPacket): Promise<void> => {
    const fresh = await replayStore.setIfAbsent(`${replayPrefix}${packet.kid}:${packet.nonce}`, 1, {
      ttlMs: (2 * toleranceSec + 1) * 1000,
    });
    if (!fresh) {
      throw new PacketError('replay', 'this packet (key id and nonce) was already accepted');
    }
  };

  return {
    keys,
    encryptBody,
    signHeader,
    signBody,
    async buildRequest(input) {
      const body = await bodyOf(input, input.kid);
      const binding: Binding = {
        dir: 'request',
        method: input.method,
        target: input.target,
        requestId: input.requestId,
        idempotencyKey: input.idempotencyKey,
      };
      return assemble(binding, body, {
        [REQUEST_ID_HEADER]: input.requestId,
        ...(input.idempotencyKey === undefined ? {} : { [IDEMPOTENCY_HEADER]: input.idempotencyKey }),
        ...(input.json === undefined ? {} : { 'content-type': 'application/json' }),
      });
    },
    async buildResponse(input) {
      const body = await bodyOf(input, input.kid);
      const contentType = input.contentType ?? (input.json === undefined ? undefined : 'application/json');
      return assemble({ dir: 'response', status: input.status, requestId: input.requestId }, body, {
        [REQUEST_ID_HEADER]: input.requestId,
        ...(contentType ? { 'content-type': contentType } : {}),
      });
    },
    async buildWebhook(input) {
      const eventId = input.event?.eventId;
      if (typeof eventId !== 'string' || eventId.length === 0) {
        throw new PacketBuildError('a webhook event needs an eventId', { field: '/eventId' });
      }
      const body = await encryptBody(input.event);
      const binding: Binding = {
        dir: 'webhook',
        subscriptionId: input.subscriptionId,
        deliveryId: input.deliveryId,
        eventId,
      };
      return assemble(binding, body, {
        [WEBHOOK_ID_HEADER]: input.subscriptionId,
        [DELIVERY_ID_HEADER]: input.deliveryId,
        [IDEMPOTENCY_HEADER]: eventId,
        'content-type': 'application/json',
      });
    },
    async verifyRequest(input) {
      const { packet, binding } = await check(
        input.headers,
        input.body,
        (read): RequestBinding & { dir: 'request' } => {
          const requestId = read(REQUEST_ID_HEADER) ?? '';
          if (requestId.length === 0) {
            throw new PacketError('header', 'X-Request-Id is missing');
          }
          return {
            dir: 'request',
            method: input.method,
            target: input.target,
            requestId,
            idempotencyKey: read(IDEMPOTENCY_HEADER),
          };
        },
        input.body.length > 0,
      );
      await remember(packet);
      return { ...packet, requestId: binding.requestId, idempotencyKey: binding.idempotencyKey };
    },
    async verifyResponse(input) {
      const { packet } = await check(
        input.headers,
        input.body,
        (read): Binding => {
          const echoed = read(REQUEST_ID_HEADER);
          if (echoed !== undefined && echoed !== input.requestId) {
            throw new PacketError('header', 'the response names another X-Request-Id than the request');
          }
          return { dir: 'response', status: input.status, requestId: input.requestId };
        },
        input.json ?? true,
      );
      await remember(packet);
      return packet;
    },
    async verifyWebhook(input) {
      const { packet, binding } = await check(
        input.headers,
        input.body,
        (read): WebhookBinding & { dir: 'webhook' } => ({
          dir: 'webhook',
          subscriptionId: read(WEBHOOK_ID_HEADER) ?? '',
          deliveryId: read(DELIVERY_ID_HEADER) ?? '',
          eventId: read(IDEMPOTENCY_HEADER) ?? '',
        }),
        true,
      );
      // A webhook body is always parsed: JSON. A primitive has no eventId, null neither.
      const event = packet.json as { eventId?: unknown } | null;
      if (binding.eventId.length === 0 || event?.eventId !== binding.eventId) {
        throw new PacketError('body', 'the event id differs from the Idempotency-Key it was sent with');
      }
      await remember(packet);
      const { subscriptionId, deliveryId, eventId } = binding;
      return { ...packet, subscriptionId, deliveryId, eventId };
    },
  };
}
