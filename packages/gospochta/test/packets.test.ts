/**
 * Protected packets: build and verify both ways, PII encrypted on the wire and bound to its place,
 * every check refusing what it should with a typed error naming it, replays refused, nothing recorded
 * for a refused packet, and any single changed byte refused (property test).
 */
import { MemoryStore } from '@goskit/core';
import { canonicalJson, fromUtf8, utf8 } from '@goskit/crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPacketCodec,
  createPacketKeyRing,
  derivePacketKey,
  KeyUsageExceededError,
  PacketBuildError,
  PacketError,
  PII_FIELD_NAMES,
} from '../src/index.js';
import { checkContentDigest } from '../src/packets/content-digest.js';
import { testClock } from './helpers/clock.js';
import { gostSigner, randomPacketKey, rsaSigner } from './helpers/fixtures.js';

const KEY = randomPacketKey('k1');
const clock = testClock();
const codec = (extra: Partial<Parameters<typeof createPacketCodec>[0]> = {}) =>
  createPacketCodec({ keys: { keys: [KEY] }, clock, ...extra });

const LETTER = {
  recipient: { lastName: 'Петрова', firstName: 'Анна', middleName: 'Сергеевна', snils: '112-233-445 95' },
  documentType: 'court-notice',
  subject: 'Судебное извещение',
  attachments: [{ name: 'notice.pdf', sha256: 'ab'.repeat(32) }],
  payer: {
    passport: '4508 123456',
    address: 'г. Москва, ул. Тверская, д. 1',
    phone: '+79161234567',
    inn: '500100732259',
  },
};
const PII_VALUES = [
  'Петрова',
  'Анна',
  'Сергеевна',
  '112-233-445 95',
  '4508 123456',
  'г. Москва, ул. Тверская, д. 1',
  '+79161234567',
  '500100732259',
];

const request = {
  method: 'POST',
  target: '/v1/outbox',
  requestId: 'req-00000001',
  idempotencyKey: 'idem-0000001',
};

async function expectCheck(promise: Promise<unknown>, check: string, field?: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PacketError);
  expect((error as PacketError).check).toBe(check);
  if (field !== undefined) {
    expect((error as PacketError).field).toBe(field);
  }
  return error as PacketError;
}

describe('protected packets', () => {
  it('round-trips a request: PII fields encrypted on the wire, everything else as sent', async () => {
    const sender = codec();
    const packet = await sender.buildRequest({ ...request, json: LETTER });
    const wire = fromUtf8(packet.body);
    for (const value of PII_VALUES) {
      expect(wire).not.toContain(value);
    }
    expect(wire).toContain('"subject":"Судебное извещение"');
    const onWire = JSON.parse(wire);
    expect(onWire.recipient.snils).toEqual({ $enc: expect.stringMatching(/^v1\.[\w-]{16}\.[\w-]{22,}$/) });
    expect(packet.headers['x-gospochta-packet']).toMatch(/^v=1;kid=k1;ts=\d+;nonce=[\w-]{22};mac=[\w-]{43}$/);
    expect(packet.headers['content-digest']).toMatch(/^sha-256=:[A-Za-z0-9+/]{43}=:$/);

    const verified = await codec().verifyRequest({
      method: 'POST',
      target: '/v1/outbox',
      headers: packet.headers,
      body: packet.body,
    });
    expect(verified.json).toEqual(LETTER);
    expect(verified.requestId).toBe('req-00000001');
    expect(verified.idempotencyKey).toBe('idem-0000001');
  });

  it('round-trips a response bound to the request id, and a binary body', async () => {
    const portal = codec();
    const json = await portal.buildResponse({
      status: 200,
      requestId: 'req-1',
      json: { payer: { lastName: 'Петрова' } },
    });
    const opened = await codec().verifyResponse({
      status: 200,
      requestId: 'req-1',
      headers: json.headers,
      body: json.body,
    });
    expect(opened.json).toEqual({ payer: { lastName: 'Петрова' } });

    const pdf = utf8('%PDF-1.4 …');
    const binary = await portal.buildResponse({
      status: 200,
      requestId: 'req-2',
      bytes: pdf,
      contentType: 'application/pdf',
    });
    const bytes = await codec().verifyResponse({
      status: 200,
      requestId: 'req-2',
      headers: binary.headers,
      body: binary.body,
      json: false,
    });
    expect(bytes.bytes).toEqual(pdf);
    // The same response cannot answer another call or claim another status.
    await expectCheck(
      codec().verifyResponse({ status: 200, requestId: 'req-3', headers: json.headers, body: json.body }),
      'header',
    );
    const other = await portal.buildResponse({ status: 200, requestId: 'req-4', json: {} });
    await expectCheck(
      codec().verifyResponse({
        status: 201,
        requestId: 'req-4',
        headers: { ...other.headers, 'x-request-id': 'req-4' },
        body: other.body,
      }),
      'mac',
    );
  });

  it('binds a request to its method, target, request id and idempotency key', async () => {
    const packet = await codec().buildRequest({ ...request, json: LETTER });
    const verify = (
      over: Partial<{ method: string; target: string }>,
      headers: Record<string, string> = {},
    ) =>
      codec().verifyRequest({
        method: 'POST',
        target: '/v1/outbox',
        ...over,
        headers: { ...packet.headers, ...headers },
        body: packet.body,
      });
    await expectCheck(verify({ method: 'PUT' }), 'mac');
    await expectCheck(verify({ target: '/v1/payments' }), 'mac');
    await expectCheck(verify({ target: '/v1/outbox?x=1' }), 'mac');
    await expectCheck(verify({}, { 'x-request-id': 'req-00000002' }), 'mac');
    await expectCheck(verify({}, { 'idempotency-key': 'idem-0000002' }), 'mac');
  });

  it('names each failed check: header, version, key, timestamp, MAC, digest', async () => {
    const packet = await codec().buildRequest({ ...request, json: LETTER });
    const header = packet.headers['x-gospochta-packet'] as string;
    const verify = (headers: Record<string, string>, body = packet.body, verifier = codec()) =>
      verifier.verifyRequest({
        method: 'POST',
        target: '/v1/outbox',
        headers: { ...packet.headers, ...headers },
        body,
      });
    await expectCheck(verify({ 'x-gospochta-packet': '' }), 'header');
    await expectCheck(verify({ 'x-gospochta-packet': `${header};extra=1` }), 'header');
    await expectCheck(verify({ 'x-gospochta-packet': header.replace('v=1', 'v=2') }), 'version');
    await expectCheck(verify({ 'x-gospochta-packet': header.replace('kid=k1', 'kid=k9') }), 'key');
    await expectCheck(verify({ 'content-digest': 'sha-256=:AAAA:' }), 'mac');
    // 43 base64url characters hold 258 bits: a last character with a trailing bit set is no MAC at all.
    await expectCheck(verify({ 'x-gospochta-packet': header.replace(/.$/, 'B') }), 'mac');
    const body = new Uint8Array(packet.body);
    body[10] = (body[10] as number) ^ 1;
    await expectCheck(verify({}, body), 'digest');
    const late = testClock(clock.now() + 301_000);
    await expectCheck(
      verify({}, packet.body, createPacketCodec({ keys: { keys: [KEY] }, clock: late })),
      'timestamp',
    );
    const early = testClock(clock.now() - 301_000);
    await expectCheck(
      verify({}, packet.body, createPacketCodec({ keys: { keys: [KEY] }, clock: early })),
      'timestamp',
    );
    // A key with the same id but another MAC secret is a MAC failure, never a decryption attempt.
    const impostor = createPacketCodec({ keys: { keys: [{ ...randomPacketKey('k1') }] }, clock });
    await expectCheck(verify({}, packet.body, impostor), 'mac');
  });

  it('refuses a Content-Digest whose base64 carries trailing bits as a digest failure, not a crash', async () => {
    const body = utf8('{}');
    await expect(checkContentDigest(`sha-256=:${'A'.repeat(42)}B=:`, body)).rejects.toMatchObject({
      name: 'PacketError',
      check: 'digest',
    });
  });

  it('refuses a replay, and records the nonce only for a packet that passed every check', async () => {
    const replayStore = new MemoryStore();
    const receiver = codec({ replayStore });
    const packet = await codec().buildRequest({ ...request, json: LETTER });
    const verify = () =>
      receiver.verifyRequest({
        method: 'POST',
        target: '/v1/outbox',
        headers: packet.headers,
        body: packet.body,
      });
    await verify();
    await expectCheck(verify(), 'replay');

    // Same MAC key, another encryption key: MAC and digest pass, PII decryption fails — and the
    // nonce stays unrecorded, so nothing of the refused packet was acted on.
    const otherEncryption = { ...KEY, encryptionKey: randomPacketKey().encryptionKey };
    const misfit = await createPacketCodec({ keys: { keys: [otherEncryption] }, clock }).buildRequest({
      ...request,
      json: LETTER,
    });
    const store = new MemoryStore();
    await expectCheck(
      codec({ replayStore: store }).verifyRequest({
        method: 'POST',
        target: '/v1/outbox',
        headers: misfit.headers,
        body: misfit.body,
      }),
      'pii',
      '/payer/address', // the first PII field in canonical (sorted) order
    );
    expect(store.size).toBe(0);
  });

  it('binds every ciphertext to its field: moved between fields or packets it does not decrypt', async () => {
    const sender = codec();
    const packet = await sender.buildRequest({
      ...request,
      json: { a: { lastName: 'Петрова' }, b: { lastName: 'Иванов' } },
    });
    const wire = JSON.parse(fromUtf8(packet.body));
    // Swap the two ciphertexts and re-sign the packet with the right keys: only the AAD can catch it.
    [wire.a.lastName, wire.b.lastName] = [wire.b.lastName, wire.a.lastName];
    const body = utf8(JSON.stringify(wire));
    const digest = (await import('../src/packets/content-digest.js')).contentDigest;
    const signed = await sender.signHeader({ dir: 'request', ...request }, await digest(body));
    await expectCheck(
      codec().verifyRequest({
        method: 'POST',
        target: '/v1/outbox',
        headers: {
          ...packet.headers,
          'x-gospochta-packet': signed.header,
          'content-digest': await digest(body),
        },
        body,
      }),
      'pii',
      '/a/lastName',
    );
  });

  it('refuses personal data in plain text, or in a malformed envelope, naming the field', async () => {
    const sender = codec();
    const send = async (wire: unknown) => {
      const body = utf8(JSON.stringify(wire));
      const digest = await (await import('../src/packets/content-digest.js')).contentDigest(body);
      const signed = await sender.signHeader({ dir: 'request', ...request }, digest);
      return codec().verifyRequest({
        method: 'POST',
        target: '/v1/outbox',
        headers: {
          'x-request-id': request.requestId,
          'idempotency-key': request.idempotencyKey,
          'x-gospochta-packet': signed.header,
          'content-digest': digest,
        },
        body,
      });
    };
    await expectCheck(send({ recipient: { snils: '112-233-445 95' } }), 'pii', '/recipient/snils');
    await expectCheck(send({ items: [{ phone: { $enc: 'v1.x.y', extra: 1 } }] }), 'pii', '/items/0/phone');
    await expectCheck(send({ inn: { $enc: 'v2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA' } }), 'pii', '/inn');
    await expectCheck(send({ inn: ['x'] }), 'pii', '/inn');
    await expect(send({ inn: null, name: 'ok' })).resolves.toMatchObject({ json: { inn: null, name: 'ok' } });
  });

  it('refuses to build what it cannot carry, naming the field', async () => {
    const sender = codec();
    await expect(
      sender.buildRequest({ ...request, json: { recipient: { snils: 11223344595 } } }),
    ).rejects.toMatchObject({
      code: 'PACKET_BUILD_FAILED',
      field: '/recipient/snils',
    });
    await expect(sender.buildRequest({ ...request, json: { amount: Number.NaN } })).rejects.toBeInstanceOf(
      PacketBuildError,
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(sender.buildRequest({ ...request, json: cyclic })).rejects.toBeInstanceOf(PacketBuildError);
    let deep: unknown = 'x';
    for (let i = 0; i < 80; i++) {
      deep = { deep };
    }
    await expect(sender.buildRequest({ ...request, json: deep })).rejects.toBeInstanceOf(PacketBuildError);
  });

  it('keeps hostile keys as plain data: __proto__, constructor, toString', async () => {
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":true,"lastName":"Петрова"},"constructor":{"snils":"112-233-445 95"},"toString":"x"}',
    );
    const packet = await codec().buildRequest({ ...request, json: hostile });
    expect(fromUtf8(packet.body)).not.toContain('Петрова');
    const verified = await codec().verifyRequest({
      method: 'POST',
      target: '/v1/outbox',
      headers: packet.headers,
      body: packet.body,
    });
    const json = verified.json as Record<string, unknown>;
    expect(Object.hasOwn(json, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(canonicalJson(json)).toBe(canonicalJson(hostile));
  });

  it('bounds the body it accepts and the nesting it walks', async () => {
    const small = codec({ maxBodyBytes: 1024 });
    await expect(small.buildRequest({ ...request, json: { text: 'x'.repeat(2000) } })).rejects.toBeInstanceOf(
      PacketBuildError,
    );
    const big = await codec().buildRequest({ ...request, json: { text: 'x'.repeat(2000) } });
    await expectCheck(
      small.verifyRequest({ method: 'POST', target: '/v1/outbox', headers: big.headers, body: big.body }),
      'body',
    );
    let deep = '"x"';
    for (let i = 0; i < 100; i++) {
      deep = `{"a":${deep}}`;
    }
    const body = utf8(deep);
    const digest = await (await import('../src/packets/content-digest.js')).contentDigest(body);
    const signed = await codec().signHeader({ dir: 'request', ...request }, digest);
    await expectCheck(
      codec().verifyRequest({
        method: 'POST',
        target: '/v1/outbox',
        headers: {
          'x-request-id': request.requestId,
          'idempotency-key': request.idempotencyKey,
          'x-gospochta-packet': signed.header,
          'content-digest': digest,
        },
        body,
      }),
      'body',
    );
  });

  it('verifies packets of every key in the ring, builds with the current one (rotation)', async () => {
    const k2 = randomPacketKey('k2');
    const old = await codec().buildRequest({ ...request, json: LETTER });
    const ring = createPacketKeyRing({ keys: [KEY, k2], currentKid: 'k2' });
    const rotated = createPacketCodec({ keys: ring, clock });
    const fresh = await rotated.buildRequest({ ...request, json: LETTER });
    expect(fresh.kid).toBe('k2');
    await expect(
      rotated.verifyRequest({ method: 'POST', target: '/v1/outbox', headers: old.headers, body: old.body }),
    ).resolves.toMatchObject({ kid: 'k1' });
    await expectCheck(
      codec().verifyRequest({
        method: 'POST',
        target: '/v1/outbox',
        headers: fresh.headers,
        body: fresh.body,
      }),
      'key',
    );
  });

  it('refuses unusable keys with a clear error', () => {
    expect(() => createPacketKeyRing({ keys: [] })).toThrow(/at least one/);
    expect(() => createPacketKeyRing({ keys: [{ ...KEY, kid: 'bad kid' }] })).toThrow(/kid/);
    expect(() => createPacketKeyRing({ keys: [{ ...KEY, encryptionKey: new Uint8Array(16) }] })).toThrow(
      /exactly 32 bytes/,
    );
    expect(() => createPacketKeyRing({ keys: [{ ...KEY, macKey: new Uint8Array(8) }] })).toThrow(
      /at least 32 bytes/,
    );
    expect(() => createPacketKeyRing({ keys: [{ ...KEY, macKey: KEY.encryptionKey }] })).toThrow(
      /must differ/,
    );
    expect(() => createPacketKeyRing({ keys: [KEY, KEY] })).toThrow(/twice/);
    expect(() => createPacketKeyRing({ keys: [KEY], currentKid: 'k2' })).toThrow(/currentKid/);
  });

  it('derives the same key pair from a master secret on both sides, distinct per key id and purpose', async () => {
    const master = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const a = await derivePacketKey('k1', master);
    const b = await derivePacketKey('k1', master);
    const c = await derivePacketKey('k2', master);
    expect(a).toEqual(b);
    expect(a.macKey).not.toEqual(a.encryptionKey);
    expect(a.macKey).not.toEqual(c.macKey);
    await expect(derivePacketKey('k1', new Uint8Array(16))).rejects.toThrow(/32 bytes/);
  });

  it('never reuses a nonce: 10 000 field IVs and 2 000 packet nonces are all distinct', async () => {
    const sender = codec();
    const ivs = new Set<string>();
    const nonces = new Set<string>();
    const fields = Array.from({ length: 50 }, (_, i) => ({ lastName: 'Петрова', firstName: `Анна${i % 3}` }));
    for (let i = 0; i < 100; i++) {
      const packet = await sender.buildRequest({ ...request, json: { people: fields } });
      nonces.add(packet.nonce);
      for (const person of JSON.parse(fromUtf8(packet.body)).people) {
        for (const sealed of [person.lastName.$enc, person.firstName.$enc]) {
          ivs.add(sealed.split('.')[1]);
        }
      }
    }
    expect(ivs.size).toBe(10_000);
    for (let i = 0; i < 1_900; i++) {
      nonces.add(
        (
          await sender.signHeader(
            { dir: 'request', ...request },
            'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:',
          )
        ).nonce,
      );
    }
    expect(nonces.size).toBe(2_000);
    // The same value twice is two different ciphertexts.
    const one = JSON.parse(
      fromUtf8((await sender.buildRequest({ ...request, json: { inn: '500100732259' } })).body),
    );
    const two = JSON.parse(
      fromUtf8((await sender.buildRequest({ ...request, json: { inn: '500100732259' } })).body),
    );
    expect(one.inn.$enc).not.toBe(two.inn.$enc);
  }, 60_000);

  it('stops a key at its invocation limit instead of risking a repeated IV', async () => {
    const limited = createPacketCodec({ keys: { keys: [KEY], maxEncryptionsPerKey: 5 }, clock });
    await limited.buildRequest({
      ...request,
      json: { a: { lastName: 'x', firstName: 'y' }, b: { lastName: 'z' } },
    });
    await limited.buildRequest({ ...request, json: { phone: '1', inn: '2' } });
    const error = await limited.buildRequest({ ...request, json: { snils: '3' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyUsageExceededError);
    expect(error).toMatchObject({ kid: 'k1', limit: 5 });
  });

  it('round-trips a webhook and binds it to its subscription, delivery and event', async () => {
    const portal = codec();
    const event = {
      eventId: 'evt_1',
      type: 'letter.status_changed',
      occurredAt: '2025-09-01T09:01:00Z',
      data: { letterId: 'ltr_1', status: 'delivered' },
    };
    const packet = await portal.buildWebhook({ subscriptionId: 'wh_1', deliveryId: 'dlv_1', event });
    const receiver = codec();
    await expect(
      receiver.verifyWebhook({ headers: packet.headers, body: packet.body }),
    ).resolves.toMatchObject({
      eventId: 'evt_1',
      subscriptionId: 'wh_1',
      deliveryId: 'dlv_1',
      json: event,
    });
    await expectCheck(receiver.verifyWebhook({ headers: packet.headers, body: packet.body }), 'replay');
    const again = await portal.buildWebhook({ subscriptionId: 'wh_1', deliveryId: 'dlv_2', event });
    await expectCheck(
      codec().verifyWebhook({
        headers: { ...again.headers, 'x-gospochta-webhook-id': 'wh_2' },
        body: again.body,
      }),
      'mac',
    );
    await expectCheck(
      codec().verifyWebhook({ headers: { ...again.headers, 'idempotency-key': 'evt_2' }, body: again.body }),
      'mac',
    );
  });

  it('refuses any single changed byte of a packet — header or body — with a PacketError', async () => {
    const sender = codec();
    const packet = await sender.buildRequest({ ...request, json: LETTER });
    const header = packet.headers['x-gospochta-packet'] as string;
    const digest = packet.headers['content-digest'] as string;
    const total = header.length + digest.length + packet.body.length;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: total - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, flip) => {
          let h = header;
          let d = digest;
          const body = new Uint8Array(packet.body);
          const change = (text: string, at: number) => {
            const code = text.charCodeAt(at) ^ flip;
            return `${text.slice(0, at)}${String.fromCharCode(code)}${text.slice(at + 1)}`;
          };
          if (position < header.length) {
            h = change(header, position);
          } else if (position < header.length + digest.length) {
            d = change(digest, position - header.length);
          } else {
            const at = position - header.length - digest.length;
            body[at] = (body[at] as number) ^ flip;
          }
          const receiver = codec();
          const outcome = await receiver
            .verifyRequest({
              method: 'POST',
              target: '/v1/outbox',
              headers: { ...packet.headers, 'x-gospochta-packet': h, 'content-digest': d },
              body,
            })
            .then(
              () => 'accepted',
              (error: unknown) => (error instanceof PacketError ? 'refused' : `unexpected ${String(error)}`),
            );
          expect(outcome).toBe('refused');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('signs and verifies an optional JWS over the body: RS256 and GOST, only with trusted certificates', async () => {
    const rsa = await rsaSigner('/CN=Sender RS256');
    const gost = gostSigner('CN=Sender GOST');
    for (const fixture of [rsa, gost]) {
      const sender = codec({ jws: { signer: fixture.signer } });
      const packet = await sender.buildRequest({ ...request, json: LETTER });
      expect(packet.headers['x-gospochta-jws']).toMatch(/^[\w-]+\.\.[\w-]+$/);
      const verify = (options: Parameters<typeof codec>[0], headers: Record<string, string> = {}) =>
        codec(options).verifyRequest({
          method: 'POST',
          target: '/v1/outbox',
          headers: { ...packet.headers, ...headers },
          body: packet.body,
        });
      const verified = await verify({ jws: { trust: [fixture.certificatePem], require: true } });
      expect(verified.jws).toMatchObject({
        checked: true,
        alg: fixture.signer.algorithm,
        subject: expect.stringContaining('Sender'),
      });
      // Not trusted, tampered, or missing where required: refused at the jws check.
      const stranger = gostSigner('CN=Stranger');
      await expectCheck(verify({ jws: { trust: [stranger.certificatePem] } }), 'jws');
      const jws = packet.headers['x-gospochta-jws'] as string;
      const flipped = `${jws.slice(0, -3)}${jws.at(-3) === 'A' ? 'B' : 'A'}${jws.slice(-2)}`;
      await expectCheck(
        verify({ jws: { trust: [fixture.certificatePem] } }, { 'x-gospochta-jws': flipped }),
        'jws',
      );
      // Without trust configured the JWS is reported as unchecked, never as verified.
      expect((await verify({})).jws).toEqual({ checked: false });
    }
    const unsigned = await codec().buildRequest({ ...request, json: LETTER });
    await expectCheck(
      codec({ jws: { require: true, trust: [gostSigner('CN=x').certificatePem] } }).verifyRequest({
        method: 'POST',
        target: '/v1/outbox',
        headers: unsigned.headers,
        body: unsigned.body,
      }),
      'jws',
    );
    // 'none' and HMAC are not on the allow-list, whatever the header says.
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}..AAAA`;
    await expectCheck(
      codec({ jws: { trust: [gostSigner('CN=y').certificatePem] } }).verifyRequest({
        method: 'POST',
        target: '/v1/outbox',
        headers: { ...unsigned.headers, 'x-gospochta-jws': none },
        body: unsigned.body,
      }),
      'jws',
    );
  }, 60_000);

  it('lists the contract’s PII names', () => {
    expect([...PII_FIELD_NAMES].sort()).toEqual([
      'address',
      'firstName',
      'inn',
      'lastName',
      'middleName',
      'passport',
      'phone',
      'snils',
    ]);
  });
});
