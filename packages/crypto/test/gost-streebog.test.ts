import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CryptoError } from '../src/errors.js';
import { Streebog, streebog256, streebog512 } from '../src/gost/index.js';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string): Uint8Array =>
  Uint8Array.from(text.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
/** RFC 6986 prints messages and digests as big-endian numbers; as byte strings they are reversed. */
const rfcBytes = (text: string): Uint8Array => fromHex(text).reverse();

// RFC 6986 §10.1 / §10.2 (also GOST R 34.11-2012 Appendix A)
const M1 = rfcBytes(
  '323130393837363534333231303938373635343332313039383736353433323130393837363534333231303938373635343332313039383736353433323130',
);
const M2 = rfcBytes(
  'fbe2e5f0eee3c820fbeafaebef20fffbf0e1e0f0f520e0ed20e8ece0ebe5f0f2f120fff0eeec20f120faf2fee5e2202ce8f6f3ede220e8e6eee1e8f0f2d1202ce8f0f2e5e220e5d1',
);

describe('Streebog (GOST R 34.11-2012) RFC 6986 test vectors', () => {
  it('M1 is the 63-byte ASCII string of the standard', () => {
    expect(new TextDecoder().decode(M1)).toBe(
      '012345678901234567890123456789012345678901234567890123456789012',
    );
    expect(M2.length).toBe(72);
  });

  it('M1, 512 bit', () => {
    expect(hex(streebog512(M1))).toBe(
      hex(
        rfcBytes(
          '486f64c1917879417fef082b3381a4e211c324f074654c38823a7b76f830ad00fa1fbae42b1285c0352f227524bc9ab16254288dd6863dccd5b9f54a1ad0541b',
        ),
      ),
    );
  });

  it('M1, 256 bit', () => {
    expect(hex(streebog256(M1))).toBe(
      hex(rfcBytes('00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d')),
    );
  });

  it('M2, 512 bit', () => {
    expect(hex(streebog512(M2))).toBe(
      hex(
        rfcBytes(
          '28fbc9bada033b1460642bdcddb90c3fb3e56c497ccd0f62b8a2ad4935e85f037613966de4ee00531ae60f3b5a47f8dae06915d5f2f194996fcabf2622e6881e',
        ),
      ),
    );
  });

  it('M2, 256 bit', () => {
    expect(hex(streebog256(M2))).toBe(
      hex(rfcBytes('508f7e553c06501d749a66fc28c6cac0b005746d97537fa85d9e40904efed29d')),
    );
  });

  it('prints digests in OpenSSL order (the RFC number reversed)', () => {
    // `printf 0123…012 | openssl dgst -engine gost -md_gost12_256`
    expect(hex(streebog256(M1))).toBe('9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500');
  });
});

describe('Streebog streaming', () => {
  it('gives the one-shot digest for any chunking', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.nat({ max: 130 }), { maxLength: 12 }),
        fc.constantFrom(256 as const, 512 as const),
        (data, cuts, bits) => {
          const hash = new Streebog(bits);
          let offset = 0;
          for (const size of cuts) {
            hash.update(data.subarray(offset, offset + size));
            offset = Math.min(data.length, offset + size);
          }
          hash.update(data.subarray(offset));
          const oneShot = bits === 256 ? streebog256(data) : streebog512(data);
          expect(hex(hash.digest())).toBe(hex(oneShot));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('does not keep a reference to caller buffers', () => {
    const data = new Uint8Array(10).fill(7);
    const hash = new Streebog(256).update(data);
    data.fill(0);
    expect(hex(hash.digest())).toBe(hex(streebog256(new Uint8Array(10).fill(7))));
  });

  it('different block boundaries give different digests', () => {
    const a = streebog256(new Uint8Array(64));
    const b = streebog256(new Uint8Array(65));
    const c = streebog256(new Uint8Array(63));
    expect(new Set([hex(a), hex(b), hex(c)]).size).toBe(3);
  });

  it('refuses use after digest() and bad arguments with CryptoError', () => {
    const hash = new Streebog(256);
    hash.digest();
    expect(() => hash.update(new Uint8Array(1))).toThrow(CryptoError);
    expect(() => hash.digest()).toThrow(CryptoError);
    expect(() => new Streebog(384 as 256)).toThrow(CryptoError);
    expect(() => new Streebog(256).update('text' as unknown as Uint8Array)).toThrow(CryptoError);
  });
});
