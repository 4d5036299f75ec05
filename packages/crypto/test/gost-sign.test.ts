import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CryptoError } from '../src/errors.js';
import { curveFor } from '../src/gost/curve.js';
import {
  GOST_PARAM_SETS,
  type GostPublicKey,
  generateGostKeyPair,
  gostPublicKeyFromPrivate,
  gostSign,
  gostSignDigest,
  gostVerify,
  gostVerifyDigest,
  streebog256,
} from '../src/gost/index.js';
import { PARAM_SETS, TEST_CURVE } from '../src/gost/params.js';
import { decodeSignature, signScalar, verifyScalar } from '../src/gost/signature.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('GOST R 34.10-2012 worked example (Appendix A.1, 256-bit test curve)', () => {
  const d = 0x7a929ade789bb9be10ed359dd39a72c11b60961f49397eee1d19ce9891ec3b28n;
  const e = 0x2dfbc1b372d89a1188c09c52e0eec61fce52032ab1022e8e67ece6672b043ee5n;
  const k = 0x77105c9b20bcd3122823c8cf6fcc7b956de33814e95b7fe64fed924594dceab3n;
  const curve = curveFor(TEST_CURVE);

  it('derives the public key Q = d·P', () => {
    const q = curve.multiplyBase(d);
    expect(q?.x).toBe(0x7f2b49e270db6d90d8595bec458b50c58585ba1d4e9b788f6689dbd8e56fd80bn);
    expect(q?.y).toBe(0x26f1b489d6701dd185c8413a977b3cbbaf64d1c593d26627dffb101a87ff77dan);
  });

  it('signs with the published r and s', () => {
    const { r, s } = signScalar(TEST_CURVE, d, e, k);
    expect(r).toBe(0x41aa28d2f1ab148280cd9ed56feda41974053554a42767b83ad043fd39dc0493n);
    expect(s).toBe(0x01456c64ba4642a1653c235a98a60249bcd6d3f746b631df928014f6c5bf9c40n);
  });

  it('verifies the published signature and rejects a changed e, r or s', () => {
    const q = curve.multiplyBase(d);
    if (!q) {
      throw new Error('no public key');
    }
    const r = 0x41aa28d2f1ab148280cd9ed56feda41974053554a42767b83ad043fd39dc0493n;
    const s = 0x01456c64ba4642a1653c235a98a60249bcd6d3f746b631df928014f6c5bf9c40n;
    expect(verifyScalar(TEST_CURVE, q, e, { r, s })).toBe(true);
    expect(verifyScalar(TEST_CURVE, q, e + 1n, { r, s })).toBe(false);
    expect(verifyScalar(TEST_CURVE, q, e, { r: r + 1n, s })).toBe(false);
    expect(verifyScalar(TEST_CURVE, q, e, { r, s: s + 1n })).toBe(false);
  });
});

describe('parameter sets', () => {
  it.each(PARAM_SETS.map((info) => [info.paramSet, info] as const))(
    '%s: G on the curve, q·G = O, cofactor·q ≈ #E',
    (_name, info) => {
      const curve = curveFor(info.curve);
      const { p, a, b, q, x, y } = info.curve;
      expect(curve.isOnCurve({ x, y })).toBe(true);
      // q·G = O  ⇔  (q − 1)·G = −G
      const minusG = curve.multiply(curve.g, q - 1n);
      expect(minusG).toEqual({ x, y: p - y });
      expect(curve.multiplyBase(q)).toBeNull();
      // non-singular, and Hasse: |h·q − (p + 1)| ≤ 2√p
      expect((4n * a ** 3n + 27n * b ** 2n) % p).not.toBe(0n);
      const trace = p + 1n - info.curve.cofactor * q;
      expect(trace * trace <= 4n * p).toBe(true);
    },
  );

  it('tc26 B/C/D and XchA/XchB reuse the CryptoPro curves', () => {
    const curveOf = (name: string) => PARAM_SETS.find((i) => i.paramSet === name)?.curve;
    expect(curveOf('tc26-256-B')).toBe(curveOf('cryptopro-A'));
    expect(curveOf('tc26-256-C')).toBe(curveOf('cryptopro-B'));
    expect(curveOf('tc26-256-D')).toBe(curveOf('cryptopro-C'));
    expect(curveOf('cryptopro-XchA')).toBe(curveOf('cryptopro-A'));
    expect(curveOf('cryptopro-XchB')).toBe(curveOf('cryptopro-C'));
  });

  it('fixed-base, wNAF and combined multiplication agree on random scalars', () => {
    for (const info of PARAM_SETS.slice(0, 5)) {
      const curve = curveFor(info.curve);
      fc.assert(
        fc.property(
          fc.bigInt({ min: 1n, max: info.curve.q - 1n }),
          fc.bigInt({ min: 1n, max: info.curve.q - 1n }),
          (k1, k2) => {
            expect(curve.multiplyBase(k1)).toEqual(curve.multiply(curve.g, k1));
            const q = curve.multiplyBase(k2);
            if (!q) {
              throw new Error('unexpected infinity');
            }
            // k1·G + k2·G computed as a two-scalar product equals (k1 + k2)·G
            expect(curve.multiplyTwo(k1, curve.g, k2)).toEqual(curve.multiplyBase(k1 + k2));
          },
        ),
        { numRuns: 10 },
      );
    }
  });
});

describe('sign and verify', () => {
  it.each(GOST_PARAM_SETS.map((name) => [name]))('%s: round trip, tampering detected', (paramSet) => {
    const { privateKey, publicKey } = generateGostKeyPair(paramSet);
    const data = text(`client_id scope ${paramSet}`);
    const signature = gostSign(privateKey, data);
    expect(signature.length).toBe(64);
    expect(gostVerify(publicKey, data, signature)).toBe(true);
    expect(gostVerify(publicKey, text('other data'), signature)).toBe(false);
    const flipped = signature.slice();
    flipped[10] = (flipped[10] as number) ^ 1;
    expect(gostVerify(publicKey, data, flipped)).toBe(false);
    const other = generateGostKeyPair(paramSet).publicKey;
    expect(gostVerify(other, data, signature)).toBe(false);
  });

  it('signature layout is s ‖ r, each 32 bytes big-endian, and r = (k·G).x mod q', () => {
    const { privateKey } = generateGostKeyPair('cryptopro-A');
    const k = 0x1234567890abcdefn;
    const signature = gostSign(privateKey, text('layout'), { k });
    const curve = curveFor(PARAM_SETS[4]?.curve ?? TEST_CURVE);
    const point = curve.multiplyBase(k);
    const r = BigInt(
      `0x${Array.from(signature.subarray(32), (b) => b.toString(16).padStart(2, '0')).join('')}`,
    );
    expect(r).toBe((point?.x ?? 0n) % curve.q);
    expect(decodeSignature(signature).r).toBe(r);
  });

  it('digest → integer is little-endian: e = LE(streebog256(data)) mod q', () => {
    const { privateKey, publicKey } = generateGostKeyPair('cryptopro-B');
    const data = text('byte order');
    const digest = streebog256(data);
    const k = 777n;
    const viaData = gostSign(privateKey, data, { k });
    expect(gostSignDigest(privateKey, digest, { k })).toEqual(viaData);
    // recompute s by hand with e read little-endian
    const { q } = PARAM_SETS[5]?.curve ?? TEST_CURVE;
    let e = 0n;
    for (let i = 31; i >= 0; i--) {
      e = (e << 8n) | BigInt(digest[i] as number);
    }
    e %= q;
    const { r, s } = decodeSignature(viaData);
    expect(s).toBe((r * privateKey.d + k * e) % q);
    expect(gostVerifyDigest(publicKey, digest, viaData)).toBe(true);
  });

  it('random k gives a different signature each time; fixed k is deterministic', () => {
    const { privateKey, publicKey } = generateGostKeyPair('tc26-256-A');
    const a = gostSign(privateKey, text('x'));
    const b = gostSign(privateKey, text('x'));
    expect(a).not.toEqual(b);
    expect(gostVerify(publicKey, text('x'), a) && gostVerify(publicKey, text('x'), b)).toBe(true);
    expect(gostSign(privateKey, text('x'), { k: 5n })).toEqual(gostSign(privateKey, text('x'), { k: 5n }));
  });

  it('repeated verification with one key (cached public-key table) stays exact', () => {
    for (const paramSet of ['cryptopro-A', 'tc26-256-A'] as const) {
      const { privateKey, publicKey } = generateGostKeyPair(paramSet);
      for (let round = 0; round < 8; round++) {
        const data = text(`message ${round}`);
        const signature = gostSign(privateKey, data);
        expect(gostVerify(publicKey, data, signature)).toBe(true);
        expect(gostVerify(publicKey, text(`message ${round + 1}`), signature)).toBe(false);
      }
      const curve = curveFor(PARAM_SETS.find((i) => i.paramSet === paramSet)?.curve ?? TEST_CURVE);
      // the cached table path equals plain arithmetic: u1·G + u2·Q = (u1 + u2·d)·G
      const u1 = 0xabcdefn;
      const u2 = curve.q - 12345n;
      expect(curve.multiplyTwo(u1, publicKey, u2)).toEqual(curve.multiplyBase(u1 + u2 * privateKey.d));
    }
  });

  it('public key derivation matches generateGostKeyPair', () => {
    const { privateKey, publicKey } = generateGostKeyPair('cryptopro-C');
    expect(gostPublicKeyFromPrivate(privateKey)).toEqual(publicKey);
  });

  it('rejects r or s of 0 or ≥ q as a plain false', () => {
    const { publicKey } = generateGostKeyPair('cryptopro-A');
    expect(gostVerify(publicKey, text('x'), new Uint8Array(64))).toBe(false);
    expect(gostVerify(publicKey, text('x'), new Uint8Array(64).fill(0xff))).toBe(false);
  });

  it('reports unusable input with stable CryptoError codes', () => {
    const { privateKey, publicKey } = generateGostKeyPair('cryptopro-A');
    const code = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        return error instanceof CryptoError ? error.code : 'NOT_CRYPTO_ERROR';
      }
      return undefined;
    };
    expect(code(() => gostVerify(publicKey, text('x'), new Uint8Array(63)))).toBe('MALFORMED_SIGNATURE');
    expect(code(() => gostSignDigest(privateKey, new Uint8Array(31)))).toBe('INVALID_INPUT');
    expect(code(() => gostSign({ paramSet: 'cryptopro-A', d: 0n }, text('x')))).toBe('INVALID_PRIVATE_KEY');
    expect(code(() => gostSign({ paramSet: 'nope' as 'cryptopro-A', d: 1n }, text('x')))).toBe(
      'UNSUPPORTED_PARAM_SET',
    );
    const offCurve: GostPublicKey = { ...publicKey, y: publicKey.y ^ 1n };
    expect(code(() => gostVerify(offCurve, text('x'), new Uint8Array(64)))).toBe('INVALID_PUBLIC_KEY');
    expect(code(() => gostSign(privateKey, text('x'), { k: 0n }))).toBe('INVALID_INPUT');
  });

  it('error messages never contain the private key', () => {
    const d = 0x1234567890abcdef1234567890abcdefn;
    try {
      gostSignDigest({ paramSet: 'cryptopro-A', d }, new Uint8Array(5));
    } catch (error) {
      const message = String((error as Error).message);
      expect(message).not.toContain(d.toString(16));
      expect(message).not.toContain(d.toString());
    }
  });
});
