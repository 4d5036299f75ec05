import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CryptoError,
  canonicalJson,
  createIntegrityTag,
  fromBase64Any,
  hmacSha256,
  timingSafeEqual,
  toBase64,
  toBase64Url,
  toHex,
  verifyIntegrityTag,
} from '../src/index.js';

const SECRET = 'integrity-secret-of-32-bytes!!!!';

describe('canonical JSON', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 'ё' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":"ё","z":1}]},"b":1}',
    );
  });

  it('gives the same text for objects that differ only in key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });

  it('rejects values JSON cannot carry instead of changing them', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(CryptoError);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('HMAC-SHA-256 integrity tags', () => {
  it('matches node:crypto HMAC over the canonical bytes', async () => {
    const value = { z: 1, a: 'Иванов' };
    const expected = createHmac('sha256', SECRET).update('{"a":"Иванов","z":1}').digest();
    expect(toHex(await hmacSha256(SECRET, canonicalJson(value)))).toBe(expected.toString('hex'));
    expect(await createIntegrityTag(value, SECRET)).toBe(toBase64Url(new Uint8Array(expected)));
  });

  it('verifies its own tags and rejects changed data, keys or tags', async () => {
    const value = { id: 7, grades: [5, 4] };
    const tag = await createIntegrityTag(value, SECRET);
    expect(await verifyIntegrityTag({ grades: [5, 4], id: 7 }, tag, SECRET)).toBe(true);
    expect(await verifyIntegrityTag({ id: 7, grades: [5, 5] }, tag, SECRET)).toBe(false);
    expect(await verifyIntegrityTag(value, tag, `${SECRET}x`)).toBe(false);
    expect(await verifyIntegrityTag(value, `${tag.slice(0, -1)}A`, SECRET)).toBe(false);
    expect(await verifyIntegrityTag(value, '%%%', SECRET)).toBe(false);
  });

  it('refuses short secrets', async () => {
    await expect(hmacSha256('short', 'x')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('byte helpers', () => {
  it('base64 round-trips in every flavour', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(fromBase64Any(toBase64(bytes))).toEqual(bytes);
        expect(fromBase64Any(toBase64Url(bytes))).toEqual(bytes);
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it('rejects malformed base64 without throwing anything but CryptoError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          fromBase64Any(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CryptoError);
        }
      }),
    );
    expect(() => fromBase64Any('QQ=')).toThrow(CryptoError);
    expect(() => fromBase64Any('QR==')).toThrow(/trailing bits/);
  });

  it('timingSafeEqual compares content and length', () => {
    expect(timingSafeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(timingSafeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(timingSafeEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
  });
});
