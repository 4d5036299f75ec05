/**
 * The protected packet's refusals, rule by rule, called directly: the `X-Gospochta-Packet` header's
 * exact shape (each part's alphabet and length, the 512-character bound, the version), the
 * Content-Digest shape and its tie to the body, what the MAC covers for each direction, and the key
 * ring's rules (key ids, key lengths, distinct keys, the usage limit, HKDF derivation). Mutation
 * testing (`pnpm mutation gospochta`) keeps them stated.
 */
import { InvalidOptionsError } from '@goskit/core';
import { canonicalJson, fromUtf8, toBase64 } from '@goskit/crypto';
import { describe, expect, it } from 'vitest';
import { KeyUsageExceededError } from '../src/errors/key-usage-error.js';
import { PacketError } from '../src/errors/packet-error.js';
import {
  CONTENT_DIGEST_HEADER,
  checkContentDigest,
  contentDigest,
  parseContentDigest,
  sha256,
} from '../src/packets/content-digest.js';
import {
  formatPacketHeader,
  PACKET_HEADER,
  PACKET_VERSION,
  parsePacketHeader,
} from '../src/packets/packet-header.js';
import { createPacketKeyRing, DEFAULT_MAX_ENCRYPTIONS, derivePacketKey } from '../src/packets/packet-keys.js';
import { macInput } from '../src/packets/protected-header.js';

const NONCE = 'A'.repeat(21) + 'w';
const MAC = `${'b'.repeat(42)}E`;
const header = (over: Partial<Record<'v' | 'kid' | 'ts' | 'nonce' | 'mac', string>> = {}) =>
  `v=${over.v ?? '1'};kid=${over.kid ?? 'k1'};ts=${over.ts ?? '1700000000000'};nonce=${over.nonce ?? NONCE};mac=${over.mac ?? MAC}`;

/** The check a PacketError names, or 'none' when the call passed. */
function checkOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(PacketError);
    return (error as PacketError).check;
  }
  return 'none';
}

describe('the X-Gospochta-Packet header', () => {
  it('reads every part of a well-formed header; format and parse agree', () => {
    const fields = parsePacketHeader(header());
    expect(fields).toEqual({ v: 1, kid: 'k1', ts: 1_700_000_000_000, nonce: NONCE, mac: MAC });
    expect(formatPacketHeader(fields)).toBe(header());
    expect(PACKET_VERSION).toBe(1);
    // The wire names both sides read the values from.
    expect(PACKET_HEADER).toBe('x-gospochta-packet');
    expect(CONTENT_DIGEST_HEADER).toBe('content-digest');
  });

  it('missing or empty → header', () => {
    for (const value of [undefined, null, '']) {
      expect(checkOf(() => parsePacketHeader(value))).toBe('header');
    }
    expect(() => parsePacketHeader(undefined)).toThrow(/missing/);
    expect(() => parsePacketHeader('')).toThrow(/missing/);
  });

  it('kid: 1–64 of [A-Za-z0-9._-]', () => {
    expect(parsePacketHeader(header({ kid: 'a' })).kid).toBe('a');
    expect(parsePacketHeader(header({ kid: 'K.9_-z'.padEnd(64, 'x') })).kid).toHaveLength(64);
    for (const kid of ['', 'x'.repeat(65), 'k 1', 'k/1', 'k;1', 'к1']) {
      expect(
        checkOf(() => parsePacketHeader(header({ kid }))),
        kid,
      ).toBe('header');
    }
  });

  it('ts: 1–15 decimal digits', () => {
    expect(parsePacketHeader(header({ ts: '0' })).ts).toBe(0);
    expect(parsePacketHeader(header({ ts: '9'.repeat(15) })).ts).toBe(999_999_999_999_999);
    for (const ts of ['', '9'.repeat(16), '-1', '1.5', '1e3', 'x']) {
      expect(
        checkOf(() => parsePacketHeader(header({ ts }))),
        ts,
      ).toBe('header');
    }
  });

  it('nonce: exactly 22 base64url characters; mac: exactly 43', () => {
    for (const nonce of [
      NONCE.slice(1),
      `${NONCE}A`,
      `${NONCE.slice(1)}+`,
      `${NONCE.slice(1)}/`,
      `${NONCE.slice(1)}=`,
    ]) {
      expect(
        checkOf(() => parsePacketHeader(header({ nonce }))),
        nonce,
      ).toBe('header');
    }
    expect(parsePacketHeader(header({ nonce: '-_'.repeat(11) })).nonce).toBe('-_'.repeat(11));
    for (const mac of [MAC.slice(1), `${MAC}A`, `${MAC.slice(1)}+`, `${MAC.slice(1)}=`]) {
      expect(
        checkOf(() => parsePacketHeader(header({ mac }))),
        mac,
      ).toBe('header');
    }
  });

  it('fixed order, nothing before or after, no spaces', () => {
    const reordered = `kid=k1;v=1;ts=1;nonce=${NONCE};mac=${MAC}`;
    for (const value of [
      reordered,
      ` ${header()}`,
      `${header()} `,
      `${header()};`,
      `x${header()}`,
      header().replace(';', '; '),
    ]) {
      expect(
        checkOf(() => parsePacketHeader(value)),
        value,
      ).toBe('header');
    }
  });

  it('another version → version, whether the rest is well-formed or not; a bad version field → header', () => {
    expect(checkOf(() => parsePacketHeader(header({ v: '2' })))).toBe('version');
    expect(() => parsePacketHeader(header({ v: '2' }))).toThrow(/version 2 is not supported \(expected 1\)/);
    expect(checkOf(() => parsePacketHeader(header({ v: '01' })))).toBe('none');
    expect(checkOf(() => parsePacketHeader('v=3;kid=bad kid'))).toBe('version');
    expect(checkOf(() => parsePacketHeader('v=10;kid=bad kid'))).toBe('version');
    expect(checkOf(() => parsePacketHeader('v=100;kid=bad kid'))).toBe('version');
    expect(checkOf(() => parsePacketHeader('v=1;kid=bad kid'))).toBe('header');
    expect(checkOf(() => parsePacketHeader(header({ v: '1000' })))).toBe('header');
    expect(checkOf(() => parsePacketHeader('x;v=2;'))).toBe('header');
  });

  it('512 characters are read; 513 are refused as too long before any pattern runs', () => {
    // The header's own shape tops out below 512, so the bound is seen on a value padded past it.
    const long = `v=2;${'x'.repeat(508)}`;
    expect(long).toHaveLength(512);
    expect(checkOf(() => parsePacketHeader(long))).toBe('version');
    expect(checkOf(() => parsePacketHeader(`${long}x`))).toBe('header');
    expect(() => parsePacketHeader(`${long}x`)).toThrow(/too long/);
  });
});

describe('Content-Digest', () => {
  const body = new TextEncoder().encode('{"a":1}');

  it('is sha-256=:<base64 of SHA-256 of the exact bytes>:', async () => {
    const digest = await contentDigest(body);
    expect(digest).toBe(`sha-256=:${toBase64(await sha256(body))}:`);
    expect(parseContentDigest(digest)).toEqual(await sha256(body));
    await expect(checkContentDigest(digest, body)).resolves.toBeUndefined();
  });

  it('refuses another algorithm, a missing value, a wrong length or missing colons', async () => {
    const digest = await contentDigest(body);
    const value = digest.slice('sha-256=:'.length, -1);
    for (const bad of [
      undefined,
      null,
      '',
      `sha-512=:${value}:`,
      `SHA-256=:${value}:`,
      `sha-256=${value}`,
      `sha-256=:${value}`,
      `sha-256=:${value.slice(1)}:`,
      `sha-256=:${value}:x`,
      ` sha-256=:${value}:`,
      `sha-256=:${value.slice(0, -1)}A:`,
    ]) {
      expect(
        checkOf(() => parseContentDigest(bad)),
        String(bad),
      ).toBe('digest');
    }
  });

  it('43 base64 characters whose trailing bits are not zero are no SHA-256 value → digest', () => {
    let error: unknown;
    try {
      parseContentDigest(`sha-256=:${'A'.repeat(42)}B=:`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PacketError);
    expect(error).toMatchObject({ check: 'digest', message: expect.stringMatching(/not valid base64/) });
    expect((error as Error).cause).toBeDefined();
  });

  it('a digest of other bytes → digest', async () => {
    const other = await contentDigest(new TextEncoder().encode('{"a":2}'));
    await expect(checkContentDigest(other, body)).rejects.toMatchObject({ check: 'digest' });
    await expect(checkContentDigest(other, body)).rejects.toThrow(/does not match/);
  });
});

describe('what the MAC covers', () => {
  const common = { kid: 'k1', ts: 5, nonce: NONCE, digest: 'sha-256=:x:' };
  const decoded = (bytes: Uint8Array) => JSON.parse(fromUtf8(bytes)) as Record<string, unknown>;

  it('a request: method upper-cased, target, request id, idempotency key (null when absent)', () => {
    const input = macInput(
      { dir: 'request', method: 'post', target: '/v1/letters?x=1', requestId: 'r1', idempotencyKey: 'i1' },
      common,
    );
    expect(fromUtf8(input)).toBe(
      canonicalJson({
        v: 1,
        kid: 'k1',
        ts: 5,
        nonce: NONCE,
        digest: 'sha-256=:x:',
        dir: 'request',
        method: 'POST',
        target: '/v1/letters?x=1',
        rid: 'r1',
        idem: 'i1',
      }),
    );
    const without = decoded(
      macInput(
        { dir: 'request', method: 'GET', target: '/', requestId: 'r', idempotencyKey: undefined },
        common,
      ),
    );
    expect(without.idem).toBeNull();
  });

  it('a response: status and the request id', () => {
    expect(decoded(macInput({ dir: 'response', status: 201, requestId: 'r1' }, common))).toEqual({
      v: 1,
      kid: 'k1',
      ts: 5,
      nonce: NONCE,
      digest: 'sha-256=:x:',
      dir: 'response',
      status: 201,
      rid: 'r1',
    });
  });

  it('a webhook: POST to the subscription, the delivery id, the event id', () => {
    expect(
      decoded(macInput({ dir: 'webhook', subscriptionId: 's1', deliveryId: 'd1', eventId: 'e1' }, common)),
    ).toEqual({
      v: 1,
      kid: 'k1',
      ts: 5,
      nonce: NONCE,
      digest: 'sha-256=:x:',
      dir: 'webhook',
      method: 'POST',
      target: 's1',
      rid: 'd1',
      idem: 'e1',
    });
  });
});

describe('the key ring', () => {
  const bytes = (length: number, fill: number) => new Uint8Array(length).fill(fill);
  const key = (over: Record<string, unknown> = {}) => ({
    kid: 'k1',
    macKey: bytes(32, 1),
    encryptionKey: bytes(32, 2),
    ...over,
  });
  const refused = (options: unknown) => {
    try {
      createPacketKeyRing(options as never);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOptionsError);
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('needs at least one key', () => {
    expect(refused({ keys: [] })).toMatch(/at least one/);
    expect(refused({ keys: 'k1' })).toMatch(/at least one/);
  });

  it('key ids: 1–64 of [A-Za-z0-9._-], each once', () => {
    expect(refused({ keys: [key({ kid: 'x'.repeat(64) })] })).toBe('accepted');
    for (const kid of ['', 'x'.repeat(65), 'k 1', 'k1\n', 5]) {
      expect(refused({ keys: [key({ kid })] }), String(kid)).toMatch(/kid must match/);
    }
    expect(refused({ keys: [key(), key({ macKey: bytes(32, 3) })] })).toMatch(/listed twice/);
    expect(refused({ keys: [null] })).toMatch(/kid must match/);
  });

  it('macKey at least 32 bytes; encryptionKey exactly 32; the two different', () => {
    expect(refused({ keys: [key({ macKey: bytes(31, 1) })] })).toMatch(/macKey must be at least 32 bytes/);
    expect(refused({ keys: [key({ macKey: bytes(64, 1) })] })).toBe('accepted');
    expect(refused({ keys: [key({ macKey: 'x'.repeat(32) })] })).toMatch(/macKey/);
    expect(refused({ keys: [key({ encryptionKey: bytes(31, 2) })] })).toMatch(/exactly 32 bytes/);
    expect(refused({ keys: [key({ encryptionKey: bytes(33, 2) })] })).toMatch(/exactly 32 bytes/);
    expect(refused({ keys: [key({ encryptionKey: [...bytes(32, 2)] })] })).toMatch(/encryptionKey/);
    expect(refused({ keys: [key({ macKey: bytes(32, 2) })] })).toMatch(/must differ/);
    const almost = bytes(32, 2);
    almost[31] = 3;
    expect(refused({ keys: [key({ macKey: almost })] })).toBe('accepted');
    // A longer MAC key that starts with the encryption key is a different key.
    const extended = new Uint8Array(64);
    extended.set(bytes(32, 2));
    expect(refused({ keys: [key({ macKey: extended })] })).toBe('accepted');
    const first = bytes(32, 2);
    first[0] = 3;
    expect(refused({ keys: [key({ macKey: first })] })).toBe('accepted');
  });

  it('maxEncryptionsPerKey: an integer from 1 to 2^32', () => {
    expect(DEFAULT_MAX_ENCRYPTIONS).toBe(2 ** 32);
    for (const limit of [1, 2 ** 32]) {
      expect(refused({ keys: [key()], maxEncryptionsPerKey: limit })).toBe('accepted');
    }
    for (const limit of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN]) {
      expect(refused({ keys: [key()], maxEncryptionsPerKey: limit }), String(limit)).toMatch(
        /maxEncryptionsPerKey/,
      );
    }
  });

  it('currentKid: the first key by default, else one of the keys', () => {
    const ring = createPacketKeyRing({ keys: [key(), key({ kid: 'k2', macKey: bytes(32, 5) })] });
    expect(ring.currentKid).toBe('k1');
    expect(ring.kids).toEqual(['k1', 'k2']);
    expect(
      createPacketKeyRing({ keys: [key(), key({ kid: 'k2', macKey: bytes(32, 5) })], currentKid: 'k2' })
        .currentKid,
    ).toBe('k2');
    expect(refused({ keys: [key()], currentKid: 'k9' })).toMatch(/currentKid "k9"/);
    expect(ring.get('k9')).toBeUndefined();
    expect(ring.get('__proto__')).toBeUndefined();
  });

  it('counts field encryptions and refuses the one past the limit', () => {
    const ring = createPacketKeyRing({ keys: [key()], maxEncryptionsPerKey: 2 });
    const resolved = ring.get('k1')!;
    expect(resolved.kid).toBe('k1');
    resolved.countEncryption();
    resolved.countEncryption();
    expect(resolved.encryptions).toBe(2);
    expect(() => resolved.countEncryption()).toThrow(KeyUsageExceededError);
    expect(resolved.encryptions).toBe(2);
  });

  it('imports an HMAC-SHA-256 key and an AES-GCM key, each for its own use only', async () => {
    const resolved = createPacketKeyRing({ keys: [key()] }).get('k1')!;
    const mac = await resolved.mac;
    const encryption = await resolved.encryption;
    expect(mac.algorithm).toMatchObject({ name: 'HMAC', hash: { name: 'SHA-256' } });
    expect([...mac.usages].sort()).toEqual(['sign', 'verify']);
    expect(mac.extractable).toBe(false);
    expect(encryption.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...encryption.usages].sort()).toEqual(['decrypt', 'encrypt']);
    expect(encryption.extractable).toBe(false);
    // The imported key is the given bytes: an HMAC made with them verifies.
    const data = new TextEncoder().encode('x');
    const raw = await crypto.subtle.importKey('raw', bytes(32, 1), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const signature = await crypto.subtle.sign('HMAC', raw, data);
    expect(await crypto.subtle.verify('HMAC', mac, signature, data)).toBe(true);
  });

  it('derives the same distinct pair from one master secret (HKDF-SHA-256, salt = kid)', async () => {
    const master = bytes(32, 9);
    const a = await derivePacketKey('k1', master);
    const b = await derivePacketKey('k1', master);
    const other = await derivePacketKey('k2', master);
    expect(a).toEqual(b);
    expect(a.macKey).toHaveLength(32);
    expect(a.encryptionKey).toHaveLength(32);
    expect(toBase64(a.macKey)).not.toBe(toBase64(a.encryptionKey));
    expect(toBase64(other.macKey)).not.toBe(toBase64(a.macKey));
    // HKDF-SHA-256 as RFC 5869 defines it, computed here by WebCrypto: salt = kid, info names the use.
    const base = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveBits']);
    const encoder = new TextEncoder();
    const hkdf = async (info: string) =>
      new Uint8Array(
        await crypto.subtle.deriveBits(
          { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('k1'), info: encoder.encode(info) },
          base,
          256,
        ),
      );
    expect(a.macKey).toEqual(await hkdf('gospochta packet mac v1'));
    expect(a.encryptionKey).toEqual(await hkdf('gospochta packet enc v1'));
    await expect(derivePacketKey('k1', bytes(31, 9))).rejects.toThrow(/at least 32 bytes/);
    await expect(derivePacketKey('k 1', master)).rejects.toThrow(InvalidOptionsError);
    await expect(derivePacketKey('k1', 'x'.repeat(40) as never)).rejects.toThrow(/master secret/);
  });
});
