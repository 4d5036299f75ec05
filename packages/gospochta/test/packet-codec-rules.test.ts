/**
 * The packet codec's rules, one by one: its options and their defaults, what each builder puts on
 * the wire, and the receiver's checks in the contract's order (header, key, time window, MAC, digest,
 * JWS, body, PII, replay), each stopping the packet before the next and the nonce recorded only once
 * everything passed. Mutation testing (`pnpm mutation gospochta-codec`) keeps them stated; the
 * round trips, PII handling and property tests stay in packets.test.ts.
 */
import { InvalidOptionsError, type KeyValueStore, MemoryStore } from '@goskit/core';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '@goskit/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PacketBuildError } from '../src/errors/packet-build-error.js';
import { PacketError } from '../src/errors/packet-error.js';
import { CONTENT_DIGEST_HEADER, contentDigest } from '../src/packets/content-digest.js';
import {
  createPacketCodec,
  DELIVERY_ID_HEADER,
  IDEMPOTENCY_HEADER,
  JWS_HEADER,
  type PacketCodecOptions,
  REQUEST_ID_HEADER,
  WEBHOOK_ID_HEADER,
} from '../src/packets/packet-codec.js';
import { formatPacketHeader, PACKET_HEADER, parsePacketHeader } from '../src/packets/packet-header.js';
import { createPacketKeyRing } from '../src/packets/packet-keys.js';
import { macInput } from '../src/packets/protected-header.js';
import { testClock } from './helpers/clock.js';
import { gostSigner, randomPacketKey, type SignerFixture } from './helpers/fixtures.js';

const KEY = randomPacketKey('k1');
const OTHER = randomPacketKey('k2');
const START = Date.parse('2025-09-01T09:00:00.250Z');
const REQUEST = {
  method: 'POST',
  target: '/v1/outbox',
  requestId: 'req-1',
  idempotencyKey: undefined as string | undefined,
};

const codecWith = (options: Partial<PacketCodecOptions> = {}) =>
  createPacketCodec({ keys: { keys: [KEY, OTHER] }, clock: testClock(START), ...options });

/** The check a rejected promise names ('none' when it resolved). */
async function checkOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PacketError);
    return (error as PacketError).check;
  }
  return 'none';
}

/** A request built by `sender` and verified by `receiver`, with header overrides. */
async function roundTrip(
  input: { json?: unknown; bytes?: Uint8Array; idempotencyKey?: string; kid?: string } = { json: { a: 1 } },
  options: { sender?: ReturnType<typeof codecWith>; receiver?: ReturnType<typeof codecWith> } = {},
  headers: Record<string, string | undefined> = {},
) {
  const sender = options.sender ?? codecWith();
  const receiver = options.receiver ?? codecWith();
  const built = await sender.buildRequest({ ...REQUEST, ...input } as Parameters<
    typeof sender.buildRequest
  >[0]);
  return receiver.verifyRequest({
    method: REQUEST.method,
    target: REQUEST.target,
    headers: { ...built.headers, ...headers },
    body: built.body,
  });
}

let gost: SignerFixture;
let stranger: SignerFixture;
beforeAll(() => {
  gost = gostSigner('CN=codec rules');
  stranger = gostSigner('CN=stranger');
});

describe('codec options', () => {
  it('the wire names of the headers it reads and writes', () => {
    expect([
      REQUEST_ID_HEADER,
      IDEMPOTENCY_HEADER,
      JWS_HEADER,
      WEBHOOK_ID_HEADER,
      DELIVERY_ID_HEADER,
    ]).toEqual([
      'x-request-id',
      'idempotency-key',
      'x-gospochta-jws',
      'x-gospochta-webhook-id',
      'x-gospochta-delivery-id',
    ]);
  });

  it('jws.trust must hold certificates; a bad one is named by its place', () => {
    expect(() => codecWith({ jws: { trust: ['not a certificate'] } })).toThrow(InvalidOptionsError);
    expect(() => codecWith({ jws: { trust: [gost.certificatePem, 'x'] } })).toThrow(/jws\.trust\[1\]/);
  });

  it('toleranceSec must be a finite number of seconds in (0, 86400]', () => {
    for (const bad of [0, -1, 86_401, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => codecWith({ toleranceSec: bad })).toThrow(InvalidOptionsError);
    }
    for (const good of [0.5, 1, 86_400]) {
      expect(() => codecWith({ toleranceSec: good })).not.toThrow();
    }
  });

  it('accepts a key ring or the options to make one', async () => {
    const ring = createPacketKeyRing({ keys: [OTHER] });
    const codec = createPacketCodec({ keys: ring, clock: testClock(START) });
    expect(codec.keys).toBe(ring);
    expect((await codec.encryptBody({})).kid).toBe('k2');
    expect(codecWith().keys.currentKid).toBe('k1');
  });

  it('a key id the ring does not hold is an options error naming it', async () => {
    const codec = codecWith();
    await expect(codec.encryptBody({}, 'k9')).rejects.toThrow(InvalidOptionsError);
    await expect(codec.encryptBody({}, 'k9')).rejects.toThrow(/"k9"/);
    await expect(
      codec.signHeader({ dir: 'response', status: 200, requestId: 'r' }, 'd', 'k9'),
    ).rejects.toThrow(InvalidOptionsError);
    await expect(codec.buildRequest({ ...REQUEST, bytes: utf8('x'), kid: 'k9' })).rejects.toThrow(
      InvalidOptionsError,
    );
    // The key chosen is the one named, else the current one.
    expect((await codec.encryptBody({}, 'k2')).kid).toBe('k2');
    expect((await codec.buildRequest({ ...REQUEST, bytes: utf8('x'), kid: 'k2' })).kid).toBe('k2');
    expect((await codec.buildRequest({ ...REQUEST, bytes: utf8('x') })).kid).toBe('k1');
  });

  it('maxBodyBytes bounds built and received bodies, JSON or bytes, at exactly the limit', async () => {
    const codec = codecWith({ maxBodyBytes: 16 });
    const sixteen = { a: 'x'.repeat(8) }; // {"a":"xxxxxxxx"} is 16 bytes
    expect((await codec.encryptBody(sixteen)).bytes.length).toBe(16);
    await expect(codec.encryptBody({ a: 'x'.repeat(9) })).rejects.toThrow(PacketBuildError);
    await expect(codec.buildRequest({ ...REQUEST, json: { a: 'x'.repeat(9) } })).rejects.toThrow(
      PacketBuildError,
    );
    await codec.buildRequest({ ...REQUEST, bytes: new Uint8Array(16) });
    await expect(codec.buildRequest({ ...REQUEST, bytes: new Uint8Array(17) })).rejects.toThrow(
      PacketBuildError,
    );
    const big = await codecWith().buildRequest({ ...REQUEST, bytes: new Uint8Array(17) });
    expect(await checkOf(codec.verifyRequest({ ...REQUEST, headers: big.headers, body: big.body }))).toBe(
      'body',
    );
    const exactly = await codecWith().buildRequest({ ...REQUEST, bytes: utf8('{"a":"xxxxxxxx"}') });
    expect(
      (await codec.verifyRequest({ ...REQUEST, headers: exactly.headers, body: exactly.body })).json,
    ).toEqual({ a: 'xxxxxxxx' });
    const fits = await codecWith().buildRequest({ ...REQUEST, bytes: new Uint8Array(16) });
    expect(await checkOf(codec.verifyRequest({ ...REQUEST, headers: fits.headers, body: fits.body }))).toBe(
      'body',
    ); // 16 zero bytes pass the size check and then are not JSON
  });

  it('the default body limit is 32 MiB, both ways', async () => {
    const codec = codecWith();
    const limit = 32 * 1024 * 1024;
    const atLimit = await codec.buildRequest({ ...REQUEST, bytes: new Uint8Array(limit) });
    expect(atLimit.body.length).toBe(limit);
    await expect(codec.buildRequest({ ...REQUEST, bytes: new Uint8Array(limit + 1) })).rejects.toThrow(
      /33554432-byte limit/,
    );
    const over = await codecWith({ maxBodyBytes: limit + 1 }).buildRequest({
      ...REQUEST,
      bytes: new Uint8Array(limit + 1),
    });
    const error = await codec
      .verifyRequest({ ...REQUEST, headers: over.headers, body: over.body })
      .catch((e) => e);
    expect(error).toMatchObject({ check: 'body' });
    expect(String(error.message)).toMatch(/33554432-byte limit/);
  });

  it('nesting limits merge over the defaults', async () => {
    const deep = (depth: number): unknown => (depth === 0 ? 1 : { d: deep(depth - 1) });
    await expect(codecWith({ limits: { maxDepth: 3 } }).encryptBody(deep(5))).rejects.toThrow(
      PacketBuildError,
    );
    await codecWith({ limits: { maxDepth: 3 } }).encryptBody(deep(2));
    // Only maxFields given: maxDepth keeps its default of 64.
    await codecWith({ limits: { maxFields: 2 } }).encryptBody(deep(60));
    await expect(codecWith({ limits: { maxFields: 2 } }).encryptBody(deep(70))).rejects.toThrow(
      PacketBuildError,
    );
    await expect(
      codecWith({ limits: { maxFields: 1 } }).encryptBody({ lastName: 'А', firstName: 'Б' }),
    ).rejects.toThrow(PacketBuildError);
  });

  it('PII fields are the contract list unless piiFields names others', async () => {
    const body = { lastName: 'Петрова', note: 'тайна' };
    const byDefault = JSON.parse(fromUtf8((await codecWith().encryptBody(body)).bytes));
    expect(byDefault.lastName).toHaveProperty('$enc');
    expect(byDefault.note).toBe('тайна');
    const custom = JSON.parse(fromUtf8((await codecWith({ piiFields: ['note'] }).encryptBody(body)).bytes));
    expect(custom.lastName).toBe('Петрова');
    expect(custom.note).toHaveProperty('$enc');
  });
});

describe('what builders put on the wire', () => {
  it('encryptBody: canonical JSON with PII sealed, its digest and key id', async () => {
    const sealed = await codecWith().encryptBody({ b: 2, a: 1 });
    expect(fromUtf8(sealed.bytes)).toBe('{"a":1,"b":2}');
    expect(sealed.digest).toBe(await contentDigest(sealed.bytes));
    expect(sealed.kid).toBe('k1');
  });

  it('signHeader: ts from the clock in whole ms, a fresh 16-byte nonce, the MAC over the binding', async () => {
    const codec = codecWith();
    const binding = { dir: 'response', status: 201, requestId: 'req-9' } as const;
    const one = await codec.signHeader(binding, 'sha-256=:x:');
    const two = await codec.signHeader(binding, 'sha-256=:x:');
    const fields = parsePacketHeader(one.header);
    expect(fields.ts).toBe(START);
    expect(one.ts).toBe(START);
    expect(fields.kid).toBe('k1');
    expect(fields.nonce).toBe(one.nonce);
    expect(fromBase64Url(one.nonce)).toHaveLength(16);
    expect(two.nonce).not.toBe(one.nonce);
    const key = await globalThis.crypto.subtle.importKey(
      'raw',
      new Uint8Array(KEY.macKey),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const expected = await globalThis.crypto.subtle.sign(
      'HMAC',
      key,
      new Uint8Array(macInput(binding, { kid: 'k1', ts: START, nonce: one.nonce, digest: 'sha-256=:x:' })),
    );
    expect(fields.mac).toBe(toBase64Url(new Uint8Array(expected)));
    // A fractional clock is floored.
    const fractional = createPacketCodec({ keys: { keys: [KEY] }, clock: { now: () => START + 0.75 } });
    expect((await fractional.signHeader(binding, 'd')).ts).toBe(START);
  });

  it('signBody: a JWS only when a signer is configured', async () => {
    expect(await codecWith().signBody(utf8('x'))).toBeUndefined();
    const jws = await codecWith({ jws: { signer: gost.signer } }).signBody(utf8('x'));
    expect(jws).toMatch(/^[\w-]+\.\.[\w-]+$/);
  });

  it('buildRequest: request id, idempotency key only when given, content type only for JSON', async () => {
    const codec = codecWith();
    const json = await codec.buildRequest({ ...REQUEST, json: { a: 1 }, idempotencyKey: 'idem-1' });
    expect(json.headers[REQUEST_ID_HEADER]).toBe('req-1');
    expect(json.headers[IDEMPOTENCY_HEADER]).toBe('idem-1');
    expect(json.headers['content-type']).toBe('application/json');
    expect(json.headers[CONTENT_DIGEST_HEADER]).toBe(await contentDigest(json.body));
    expect(json.headers[PACKET_HEADER]).toContain(`nonce=${json.nonce}`);
    expect(json.headers).not.toHaveProperty(JWS_HEADER);
    expect(json.ts).toBe(START);
    const bytes = await codec.buildRequest({ ...REQUEST, bytes: utf8('raw') });
    expect(fromUtf8(bytes.body)).toBe('raw');
    expect(bytes.headers).not.toHaveProperty(IDEMPOTENCY_HEADER);
    expect(bytes.headers).not.toHaveProperty('content-type');
    const empty = await codec.buildRequest({ ...REQUEST });
    expect(empty.body).toHaveLength(0);
    expect(empty.headers[CONTENT_DIGEST_HEADER]).toBe(await contentDigest(new Uint8Array(0)));
    const signed = await codecWith({ jws: { signer: gost.signer } }).buildRequest({ ...REQUEST, json: {} });
    expect(signed.headers[JWS_HEADER]).toMatch(/\.\./);
  });

  it('buildResponse: JSON gets application/json unless another content type is given; bytes get none', async () => {
    const codec = codecWith();
    const json = await codec.buildResponse({ status: 200, requestId: 'req-1', json: { ok: true } });
    expect(json.headers['content-type']).toBe('application/json');
    expect(json.headers[REQUEST_ID_HEADER]).toBe('req-1');
    const typed = await codec.buildResponse({
      status: 200,
      requestId: 'req-1',
      bytes: utf8('%PDF'),
      contentType: 'application/pdf',
    });
    expect(typed.headers['content-type']).toBe('application/pdf');
    const bare = await codec.buildResponse({ status: 204, requestId: 'req-1' });
    expect(bare.headers).not.toHaveProperty('content-type');
    const other = await codec.buildResponse({ status: 200, requestId: 'r', json: {}, kid: 'k2' });
    expect(other.kid).toBe('k2');
  });

  it('buildWebhook: needs a non-empty string eventId; sends subscription, delivery and event ids', async () => {
    const codec = codecWith();
    for (const eventId of [undefined, '', 7]) {
      const error = await codec
        .buildWebhook({ subscriptionId: 's', deliveryId: 'd', event: { eventId } as never })
        .catch((e) => e);
      expect(error).toBeInstanceOf(PacketBuildError);
      expect(error.field).toBe('/eventId');
    }
    const error = await codec
      .buildWebhook({ subscriptionId: 's', deliveryId: 'd', event: undefined as never })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PacketBuildError);
    const built = await codec.buildWebhook({
      subscriptionId: 's-1',
      deliveryId: 'd-1',
      event: { eventId: 'e-1' },
    });
    expect(built.headers).toMatchObject({
      [WEBHOOK_ID_HEADER]: 's-1',
      [DELIVERY_ID_HEADER]: 'd-1',
      [IDEMPOTENCY_HEADER]: 'e-1',
      'content-type': 'application/json',
    });
    expect(JSON.parse(fromUtf8(built.body))).toEqual({ eventId: 'e-1' });
  });
});

describe('the receiver checks, in order', () => {
  it('the body must be bytes', async () => {
    const built = await codecWith().buildRequest({ ...REQUEST, json: {} });
    expect(
      await checkOf(codecWith().verifyRequest({ ...REQUEST, headers: built.headers, body: '{}' as never })),
    ).toBe('body');
  });

  it('header before key, key before time, time before MAC', async () => {
    const built = await codecWith().buildRequest({ ...REQUEST, json: {} });
    const verify = (headers: Record<string, string>, receiver = codecWith()) =>
      checkOf(
        receiver.verifyRequest({ ...REQUEST, headers: { ...built.headers, ...headers }, body: built.body }),
      );
    expect(await verify({ [PACKET_HEADER]: 'garbage' })).toBe('header');
    const unknownKey = built.headers[PACKET_HEADER]?.replace('kid=k1', 'kid=k9') as string;
    expect(await verify({ [PACKET_HEADER]: unknownKey })).toBe('key');
    // An unknown key is refused before its (also wrong) time is looked at.
    const late = testClock(START + 3_600_000);
    expect(await verify({ [PACKET_HEADER]: unknownKey }, codecWith({ clock: late }))).toBe('key');
    const wrongMac = built.headers[PACKET_HEADER]?.replace(/mac=.*/, `mac=${'A'.repeat(43)}`) as string;
    expect(await verify({ [PACKET_HEADER]: wrongMac }, codecWith({ clock: late }))).toBe('timestamp');
    expect(await verify({ [PACKET_HEADER]: wrongMac })).toBe('mac');
  });

  it('the time window is |now − ts| ≤ toleranceSec, both ways, default 300 s', async () => {
    const built = await codecWith().buildRequest({ ...REQUEST, json: {} });
    const at = (offsetMs: number, toleranceSec?: number) =>
      checkOf(
        codecWith({
          clock: testClock(START + offsetMs),
          ...(toleranceSec === undefined ? {} : { toleranceSec }),
        }).verifyRequest({ ...REQUEST, headers: built.headers, body: built.body }),
      );
    expect(await at(300_000)).toBe('none');
    expect(await at(-300_000)).toBe('none');
    expect(await at(300_001)).toBe('timestamp');
    expect(await at(-300_001)).toBe('timestamp');
    expect(await at(10_000, 10)).toBe('none');
    expect(await at(10_001, 10)).toBe('timestamp');
    const error = await codecWith({ clock: testClock(START + 400_000) })
      .verifyRequest({ ...REQUEST, headers: built.headers, body: built.body })
      .catch((e) => e);
    expect(error.message).toMatch(/400 s away from now \(limit 300 s\)/);
  });

  it('the MAC: base64url with no stray bits, over the digest header and the binding', async () => {
    const built = await codecWith().buildRequest({ ...REQUEST, json: {}, idempotencyKey: 'idem-1' });
    const verify = (headers: Record<string, string | undefined>, request = REQUEST) =>
      checkOf(
        codecWith().verifyRequest({
          method: request.method,
          target: request.target,
          headers: { ...built.headers, ...headers },
          body: built.body,
        }),
      );
    // 43 characters whose last one carries non-zero trailing bits.
    const strayBits = built.headers[PACKET_HEADER]?.replace(/mac=.*/, `mac=${'A'.repeat(42)}B`) as string;
    expect(await verify({ [PACKET_HEADER]: strayBits })).toBe('mac');
    expect(await verify({ [CONTENT_DIGEST_HEADER]: undefined })).toBe('mac');
    const strayError = await codecWith()
      .verifyRequest({
        ...REQUEST,
        headers: { ...built.headers, [PACKET_HEADER]: strayBits },
        body: built.body,
      })
      .catch((e) => e);
    expect(strayError.cause).toBeInstanceOf(Error);
    // A missing Content-Digest is read as '' — the MAC covers that — and then fails the digest check.
    const sender = codecWith();
    const noDigest = await sender.signHeader({ dir: 'request', ...REQUEST, idempotencyKey: undefined }, '');
    expect(
      await checkOf(
        codecWith().verifyRequest({
          ...REQUEST,
          headers: { [PACKET_HEADER]: noDigest.header, [REQUEST_ID_HEADER]: REQUEST.requestId },
          body: utf8('{}'),
        }),
      ),
    ).toBe('digest');
    expect(await verify({ [IDEMPOTENCY_HEADER]: 'idem-2' })).toBe('mac');
    expect(await verify({ [IDEMPOTENCY_HEADER]: undefined })).toBe('mac');
    expect(await verify({}, { ...REQUEST, target: '/v1/outbox?x=1' })).toBe('mac');
    expect(await verify({}, { ...REQUEST, method: 'PUT' })).toBe('mac');
    expect(await verify({})).toBe('none');
    // Signed under another key of the ring: refused at the MAC, not accepted.
    const other = await codecWith().buildRequest({ ...REQUEST, json: {}, kid: 'k2' });
    const forged = other.headers[PACKET_HEADER]?.replace('kid=k2', 'kid=k1') as string;
    expect(
      await checkOf(
        codecWith().verifyRequest({
          ...REQUEST,
          headers: { ...other.headers, [PACKET_HEADER]: forged },
          body: other.body,
        }),
      ),
    ).toBe('mac');
  });

  it('the digest ties the body after the MAC passed; JSON is parsed only after the digest', async () => {
    const built = await codecWith().buildRequest({ ...REQUEST, json: { a: 1 } });
    const tampered = utf8('{"a":2}');
    expect(
      await checkOf(codecWith().verifyRequest({ ...REQUEST, headers: built.headers, body: tampered })),
    ).toBe('digest');
    const notJson = await codecWith().buildRequest({ ...REQUEST, bytes: utf8('{not json') });
    const error = await codecWith()
      .verifyRequest({ ...REQUEST, headers: notJson.headers, body: notJson.body })
      .catch((e) => e);
    expect(error).toMatchObject({ check: 'body' });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('a request body is parsed and opened when it is not empty; an empty one has no JSON', async () => {
    const opened = await roundTrip({ json: { lastName: 'Петрова' } });
    expect(opened.json).toEqual({ lastName: 'Петрова' });
    expect(fromUtf8(opened.bytes)).toContain('$enc');
    const empty = await roundTrip({});
    expect(empty.json).toBeUndefined();
    expect(empty.bytes).toHaveLength(0);
    // A sealed field under another key's AAD fails the PII check, after the body parsed.
    const sealed = await codecWith().encryptBody({ lastName: 'Петрова' }, 'k2');
    const packet = await codecWith().buildRequest({ ...REQUEST, bytes: sealed.bytes, kid: 'k1' });
    expect(
      await checkOf(codecWith().verifyRequest({ ...REQUEST, headers: packet.headers, body: packet.body })),
    ).toBe('pii');
  });

  it('returns what was verified: key id, time, nonce, request and idempotency ids', async () => {
    const sender = codecWith();
    const built = await sender.buildRequest({ ...REQUEST, json: { a: 1 }, idempotencyKey: 'idem-7' });
    const verified = await codecWith().verifyRequest({
      ...REQUEST,
      headers: built.headers,
      body: built.body,
    });
    expect(verified).toMatchObject({
      kid: 'k1',
      ts: START,
      nonce: built.nonce,
      requestId: 'req-1',
      idempotencyKey: 'idem-7',
      json: { a: 1 },
      jws: undefined,
    });
    expect(verified.bytes).toBe(built.body);
    // Headers as a fetch Headers object read the same.
    const viaHeaders = await codecWith().verifyRequest({
      ...REQUEST,
      headers: new Headers(built.headers),
      body: built.body,
    });
    expect(viaHeaders.idempotencyKey).toBe('idem-7');
  });

  it('a request needs X-Request-Id', async () => {
    const built = await codecWith().buildRequest({ ...REQUEST, json: {} });
    const error = await codecWith()
      .verifyRequest({ ...REQUEST, headers: { ...built.headers, [REQUEST_ID_HEADER]: '' }, body: built.body })
      .catch((e) => e);
    expect(error).toMatchObject({ check: 'header' });
    expect(error.message).toMatch(/X-Request-Id/);
    const absent = { ...built.headers };
    delete absent[REQUEST_ID_HEADER];
    expect(await checkOf(codecWith().verifyRequest({ ...REQUEST, headers: absent, body: built.body }))).toBe(
      'header',
    );
  });
});

describe('JWS over the body', () => {
  const signedBy = (fixture: SignerFixture) =>
    codecWith({ jws: { signer: fixture.signer } }).buildRequest({ ...REQUEST, json: { a: 1 } });
  const verifyWith = async (
    packet: Awaited<ReturnType<typeof signedBy>>,
    jws: PacketCodecOptions['jws'],
    headers: Record<string, string | undefined> = {},
  ) =>
    codecWith(jws === undefined ? {} : { jws }).verifyRequest({
      ...REQUEST,
      headers: { ...packet.headers, ...headers },
      body: packet.body,
    });

  it('none sent: fine unless required', async () => {
    const plain = await codecWith().buildRequest({ ...REQUEST, json: {} });
    expect((await verifyWith(plain, undefined)).jws).toBeUndefined();
    expect((await verifyWith(plain, { trust: [gost.certificatePem] })).jws).toBeUndefined();
    expect(await checkOf(verifyWith(plain, { require: true, trust: [gost.certificatePem] }))).toBe('jws');
    const error = await verifyWith(plain, { require: true }).catch((e) => e);
    expect(error).toMatchObject({ check: 'jws' });
    expect(error.message).toMatch(/has none/);
  });

  it('sent without trusted certificates: reported unchecked, refused when required', async () => {
    const packet = await signedBy(gost);
    expect((await verifyWith(packet, undefined)).jws).toEqual({ checked: false });
    expect((await verifyWith(packet, { trust: [] })).jws).toEqual({ checked: false });
    const error = await verifyWith(packet, { require: true }).catch((e) => e);
    expect(error).toMatchObject({ check: 'jws' });
    expect(error.message).toMatch(/no trusted certificates/);
  });

  it('checked against trusted certificates and the allowed algorithms', async () => {
    const packet = await signedBy(gost);
    const verified = await verifyWith(packet, { trust: [gost.certificatePem] });
    expect(verified.jws).toEqual({
      checked: true,
      alg: 'GOST3410_2012_256',
      subject: expect.stringContaining('codec rules'),
    });
    expect(await checkOf(verifyWith(packet, { trust: [stranger.certificatePem] }))).toBe('jws');
    expect(await checkOf(verifyWith(packet, { trust: [gost.certificatePem], algorithms: ['RS256'] }))).toBe(
      'jws',
    );
    const error = await verifyWith(packet, { trust: [stranger.certificatePem] }).catch((e) => e);
    expect(error.message).toMatch(/^Packet refused \(jws\): [\w-]+: /);
  });

  it('the JWS is checked after the digest and before the body is parsed', async () => {
    const packet = await signedBy(gost);
    expect(
      await checkOf(
        codecWith({ jws: { trust: [stranger.certificatePem] } }).verifyRequest({
          ...REQUEST,
          headers: packet.headers,
          body: utf8('{"a":2}'),
        }),
      ),
    ).toBe('digest');
  });
});

describe('replay', () => {
  it('records (kid, nonce) under the prefix for twice the window plus a second, after every check passed', async () => {
    const store = new MemoryStore();
    const writes: { key: string; ttlMs: number | undefined }[] = [];
    const spy: KeyValueStore = {
      get: (key) => store.get(key),
      set: (key, value, options) => store.set(key, value, options),
      setIfAbsent: (key, value, options) => {
        writes.push({ key, ttlMs: options?.ttlMs });
        return store.setIfAbsent(key, value, options);
      },
      take: (key) => store.take(key),
      delete: (key) => store.delete(key),
      clear: () => store.clear(),
    };
    const built = await codecWith().buildRequest({ ...REQUEST, json: {} });
    const receiver = codecWith({ replayStore: spy, toleranceSec: 60 });
    // A failing copy (wrong body) burns nothing.
    expect(
      await checkOf(receiver.verifyRequest({ ...REQUEST, headers: built.headers, body: utf8('{}x') })),
    ).toBe('digest');
    expect(writes).toEqual([]);
    await receiver.verifyRequest({ ...REQUEST, headers: built.headers, body: built.body });
    expect(writes).toEqual([{ key: `gospochta:packet:k1:${built.nonce}`, ttlMs: 121_000 }]);
    const again = await receiver
      .verifyRequest({ ...REQUEST, headers: built.headers, body: built.body })
      .catch((e) => e);
    expect(again).toMatchObject({ check: 'replay' });
    expect(again.message).toMatch(/already accepted/);
    // Another prefix is another namespace.
    const prefixed = codecWith({ replayStore: store, replayKeyPrefix: 'x:' });
    await prefixed.verifyRequest({ ...REQUEST, headers: built.headers, body: built.body });
    expect(await store.get(`x:k1:${built.nonce}`)).toBe(1);
  });

  it('the default replay store is per codec and follows its clock', async () => {
    const clock = testClock(START);
    const receiver = createPacketCodec({ keys: { keys: [KEY] }, clock, toleranceSec: 1 });
    const first = await craftRequest(START, NONCE);
    await receiver.verifyRequest(first);
    expect(await checkOf(receiver.verifyRequest(first))).toBe('replay');
    // Another codec has its own store.
    expect(await checkOf(codecWith().verifyRequest(first))).toBe('none');
    // The record lives (2 × 1 + 1) s of the codec's clock: the same nonce, sent anew in the window,
    // is still a replay at 2.999 s and accepted again at 3 s.
    clock.advance(2_999);
    expect(await checkOf(receiver.verifyRequest(await craftRequest(START + 2_999, NONCE)))).toBe('replay');
    clock.advance(1);
    expect(await checkOf(receiver.verifyRequest(await craftRequest(START + 3_000, NONCE)))).toBe('none');
  });
});

const NONCE = toBase64Url(new Uint8Array(16).fill(7));

/** A request packet with a chosen time and nonce, MAC'd under KEY (what a sender's codec would make). */
async function craftRequest(ts: number, nonce: string) {
  const body = utf8('{}');
  const digest = await contentDigest(body);
  const mac = await globalThis.crypto.subtle.sign(
    'HMAC',
    await globalThis.crypto.subtle.importKey(
      'raw',
      new Uint8Array(KEY.macKey),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    ),
    new Uint8Array(
      macInput({ dir: 'request', ...REQUEST, idempotencyKey: undefined }, { kid: 'k1', ts, nonce, digest }),
    ),
  );
  return {
    ...REQUEST,
    headers: {
      [PACKET_HEADER]: formatPacketHeader({
        v: 1,
        kid: 'k1',
        ts,
        nonce,
        mac: toBase64Url(new Uint8Array(mac)),
      }),
      [CONTENT_DIGEST_HEADER]: digest,
      [REQUEST_ID_HEADER]: REQUEST.requestId,
    },
    body,
  };
}

describe('responses and webhooks', () => {
  it('a response is bound to its request id and status; an echoed id must match', async () => {
    const codec = codecWith();
    const built = await codec.buildResponse({ status: 200, requestId: 'req-1', json: { ok: true } });
    const verify = (over: {
      status?: number;
      requestId?: string;
      headers?: Record<string, string | undefined>;
    }) =>
      checkOf(
        codecWith().verifyResponse({
          status: over.status ?? 200,
          requestId: over.requestId ?? 'req-1',
          headers: { ...built.headers, ...over.headers },
          body: built.body,
        }),
      );
    expect(await verify({})).toBe('none');
    expect(await verify({ headers: { [REQUEST_ID_HEADER]: undefined } })).toBe('none');
    expect(await verify({ headers: { [REQUEST_ID_HEADER]: 'req-2' } })).toBe('header');
    expect(await verify({ status: 201 })).toBe('mac');
    expect(await verify({ requestId: 'req-2', headers: { [REQUEST_ID_HEADER]: 'req-2' } })).toBe('mac');
    const verified = await codecWith().verifyResponse({
      status: 200,
      requestId: 'req-1',
      headers: built.headers,
      body: built.body,
    });
    expect(verified.json).toEqual({ ok: true });
  });

  it('a response body is JSON unless json: false', async () => {
    const pdf = await codecWith().buildResponse({ status: 200, requestId: 'r', bytes: utf8('%PDF-1.7') });
    const read = (json?: boolean) =>
      codecWith().verifyResponse({
        status: 200,
        requestId: 'r',
        headers: pdf.headers,
        body: pdf.body,
        ...(json === undefined ? {} : { json }),
      });
    expect(await checkOf(read())).toBe('body');
    expect(await checkOf(read(true))).toBe('body');
    const binary = await read(false);
    expect(binary.json).toBeUndefined();
    expect(fromUtf8(binary.bytes)).toBe('%PDF-1.7');
  });

  it('a webhook: its event id must be the Idempotency-Key it came with', async () => {
    const codec = codecWith();
    const built = await codec.buildWebhook({
      subscriptionId: 's-1',
      deliveryId: 'd-1',
      event: { eventId: 'e-1' },
    });
    const verified = await codecWith().verifyWebhook({ headers: built.headers, body: built.body });
    expect(verified).toMatchObject({
      subscriptionId: 's-1',
      deliveryId: 'd-1',
      eventId: 'e-1',
      json: { eventId: 'e-1' },
    });
    // Headers moved to another subscription or delivery break the MAC.
    for (const name of [WEBHOOK_ID_HEADER, DELIVERY_ID_HEADER, IDEMPOTENCY_HEADER]) {
      expect(
        await checkOf(
          codecWith().verifyWebhook({ headers: { ...built.headers, [name]: 'other' }, body: built.body }),
        ),
      ).toBe('mac');
    }
    // A body whose event id differs from the signed key, or that is not an object, or an empty id.
    const signWebhook = async (body: Uint8Array, eventId: string) => {
      const digest = await contentDigest(body);
      const header = await codec.signHeader(
        { dir: 'webhook', subscriptionId: 's', deliveryId: 'd', eventId },
        digest,
      );
      return {
        [PACKET_HEADER]: header.header,
        [CONTENT_DIGEST_HEADER]: digest,
        [WEBHOOK_ID_HEADER]: 's',
        [DELIVERY_ID_HEADER]: 'd',
        [IDEMPOTENCY_HEADER]: eventId,
      };
    };
    for (const [body, eventId] of [
      ['{"eventId":"e-2"}', 'e-1'],
      ['null', 'e-1'],
      ['"e-1"', 'e-1'],
      ['{"eventId":""}', ''],
      ['{}', ''],
    ] as const) {
      const bytes = utf8(body);
      const error = await codecWith()
        .verifyWebhook({ headers: await signWebhook(bytes, eventId), body: bytes })
        .catch((e) => e);
      expect(error, body).toMatchObject({ check: 'body' });
      expect(error.message).toMatch(/event id/);
    }
    // Absent id headers read as '': a webhook MAC'd over empty ids passes without them, and its
    // empty event id is then refused at the body.
    const emptyIds = async (eventId: string) => {
      const bytes = utf8(JSON.stringify({ eventId }));
      const digest = await contentDigest(bytes);
      const signed = await codec.signHeader(
        { dir: 'webhook', subscriptionId: '', deliveryId: '', eventId: '' },
        digest,
      );
      return codecWith().verifyWebhook({
        headers: { [PACKET_HEADER]: signed.header, [CONTENT_DIGEST_HEADER]: digest },
        body: bytes,
      });
    };
    const bytes = utf8('{"eventId":"e-1"}');
    const digest = await contentDigest(bytes);
    const signed = await codec.signHeader(
      { dir: 'webhook', subscriptionId: '', deliveryId: '', eventId: 'e-1' },
      digest,
    );
    const bare = await codecWith().verifyWebhook({
      headers: {
        [PACKET_HEADER]: signed.header,
        [CONTENT_DIGEST_HEADER]: digest,
        [IDEMPOTENCY_HEADER]: 'e-1',
      },
      body: bytes,
    });
    expect(bare).toMatchObject({ subscriptionId: '', deliveryId: '', eventId: 'e-1' });
    const emptyError = await emptyIds('').catch((e) => e);
    expect(emptyError).toMatchObject({ check: 'body' });
    expect(await checkOf(emptyIds('e-1'))).toBe('body');
    // Refused webhooks burn no nonce: the genuine one still passes once, then is a replay.
    const receiver = codecWith();
    await receiver.verifyWebhook({ headers: built.headers, body: built.body });
    expect(await checkOf(receiver.verifyWebhook({ headers: built.headers, body: built.body }))).toBe(
      'replay',
    );
  });

  it('a webhook whose event id mismatches is refused before its nonce is recorded', async () => {
    const codec = codecWith();
    const bytes = utf8('{"eventId":"e-2"}');
    const digest = await contentDigest(bytes);
    const header = await codec.signHeader(
      { dir: 'webhook', subscriptionId: 's', deliveryId: 'd', eventId: 'e-1' },
      digest,
    );
    const store = new MemoryStore();
    const receiver = codecWith({ replayStore: store });
    const headers = {
      [PACKET_HEADER]: header.header,
      [CONTENT_DIGEST_HEADER]: digest,
      [WEBHOOK_ID_HEADER]: 's',
      [DELIVERY_ID_HEADER]: 'd',
      [IDEMPOTENCY_HEADER]: 'e-1',
    };
    expect(await checkOf(receiver.verifyWebhook({ headers, body: bytes }))).toBe('body');
    expect(await store.get(`gospochta:packet:k1:${header.nonce}`)).toBeUndefined();
  });
});
