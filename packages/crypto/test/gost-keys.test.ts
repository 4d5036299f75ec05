import { describe, expect, it } from 'vitest';
import { der, derToPem, parseDer } from '../src/asn1/index.js';
import { bigintToBigEndian, bigintToLittleEndian } from '../src/gost/bytes.js';
import { GOST_OIDS, generateGostKeyPair, gostPublicKeyFromPrivate } from '../src/gost/index.js';
import { paramSetInfo } from '../src/gost/params.js';
import {
  encodeGostKeyAlgorithm,
  exportGostPrivateKey,
  exportGostPublicKey,
  parseGostPrivateKey,
  parseGostPublicKey,
} from '../src/keys/index.js';
import { codeOf } from './helpers/error-code.js';

const pkcs8 = (algorithm: Uint8Array, keyContent: Uint8Array): Uint8Array =>
  der.sequence(der.integer(0n), algorithm, der.octetString(keyContent));

describe('PKCS#8 private keys', () => {
  const { privateKey } = generateGostKeyPair('cryptopro-A');
  const algorithm = encodeGostKeyAlgorithm('cryptopro-A');

  it('writes privateKey as 32 raw little-endian bytes, with the digest OID for CryptoPro sets', () => {
    const exported = exportGostPrivateKey(privateKey);
    const root = parseDer(exported.der);
    const keyOctets = root.children[2]?.value ?? new Uint8Array();
    expect(keyOctets).toEqual(bigintToLittleEndian(privateKey.d, 32));
    expect(root.children[1]?.children[1]?.children.length).toBe(2);
    expect(exported.pem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
    expect(parseGostPrivateKey(exported.pem)).toEqual(privateKey);
    expect(parseGostPrivateKey(exported.der)).toEqual(privateKey);
  });

  it('omits the digest OID for tc26 sets', () => {
    const key = generateGostKeyPair('tc26-256-A').privateKey;
    const root = parseDer(exportGostPrivateKey(key).der);
    expect(root.children[1]?.children[1]?.children.length).toBe(1);
    expect(parseGostPrivateKey(exportGostPrivateKey(key).der)).toEqual(key);
  });

  it('reads the other encodings tools write: nested OCTET STRING, big-endian INTEGER, masked key', () => {
    const { d } = privateKey;
    const nested = pkcs8(algorithm, der.octetString(bigintToLittleEndian(d, 32)));
    expect(parseGostPrivateKey(nested).d).toBe(d);
    const integer = pkcs8(algorithm, der.integer(d));
    expect(parseGostPrivateKey(integer).d).toBe(d);
    // masked: K·M ≡ d (mod q) with K = d·M⁻¹
    const { q } = paramSetInfo('cryptopro-A').curve;
    const mask = 0x1234567n;
    let inverse = 1n;
    for (let e = q - 2n, base = mask; e > 0n; e >>= 1n, base = (base * base) % q) {
      if (e & 1n) {
        inverse = (inverse * base) % q;
      }
    }
    const masked = new Uint8Array(64);
    masked.set(bigintToLittleEndian((d * inverse) % q, 32), 0);
    masked.set(bigintToLittleEndian(mask, 32), 32);
    expect(parseGostPrivateKey(pkcs8(algorithm, masked)).d).toBe(d);
  });

  it('refuses what it cannot use, with stable codes', () => {
    const raw = bigintToLittleEndian(privateKey.d, 32);
    const algorithmWith = (oid: string, paramOid: string) =>
      der.sequence(der.oid(oid), der.sequence(der.oid(paramOid)));
    expect(
      codeOf(() =>
        parseGostPrivateKey(pkcs8(algorithmWith(GOST_OIDS.gost3410_2012_512, '1.2.643.7.1.2.1.2.1'), raw)),
      ),
    ).toBe('UNSUPPORTED_ALGORITHM');
    expect(
      codeOf(() =>
        parseGostPrivateKey(pkcs8(algorithmWith(GOST_OIDS.gost3410_2001, GOST_OIDS.cryptoproA), raw)),
      ),
    ).toBe('UNSUPPORTED_ALGORITHM');
    expect(
      codeOf(() =>
        parseGostPrivateKey(pkcs8(algorithmWith('1.2.840.10045.2.1', '1.2.840.10045.3.1.7'), raw)),
      ),
    ).toBe('UNSUPPORTED_ALGORITHM');
    expect(
      codeOf(() =>
        parseGostPrivateKey(pkcs8(algorithmWith(GOST_OIDS.gost3410_2012_256, '1.2.643.7.1.2.1.1.9'), raw)),
      ),
    ).toBe('UNSUPPORTED_PARAM_SET');
    expect(codeOf(() => parseGostPrivateKey(pkcs8(algorithm, new Uint8Array(32))))).toBe(
      'INVALID_PRIVATE_KEY',
    );
    expect(codeOf(() => parseGostPrivateKey(pkcs8(algorithm, new Uint8Array(31).fill(1))))).toBe(
      'INVALID_PRIVATE_KEY',
    );
    expect(codeOf(() => parseGostPrivateKey(pkcs8(algorithm, new Uint8Array(32).fill(0xff))))).toBe(
      'INVALID_PRIVATE_KEY',
    );
    expect(
      codeOf(() =>
        parseGostPrivateKey(
          '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n',
        ),
      ),
    ).toBe('UNSUPPORTED_ALGORITHM');
    expect(codeOf(() => parseGostPrivateKey('no pem here'))).toBe('MALFORMED_PEM');
    expect(
      codeOf(() => parseGostPrivateKey(new TextEncoder().encode(exportGostPrivateKey(privateKey).pem))),
    ).toBe('PEM_NOT_DER');
    expect(codeOf(() => parseGostPrivateKey(new Uint8Array([0x30, 0x03, 0x02, 0x01])))).toBe('MALFORMED_DER');
    expect(codeOf(() => exportGostPrivateKey({ paramSet: 'cryptopro-A', d: 0n }))).toBe(
      'INVALID_PRIVATE_KEY',
    );
  });

  it('never puts key bytes into error messages', () => {
    const secret = new Uint8Array(32).fill(0xab);
    const bad = derToPem(pkcs8(der.sequence(der.oid('1.2.3.4')), secret), 'PRIVATE KEY');
    try {
      parseGostPrivateKey(bad);
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as Error).message.toLowerCase()).not.toContain('abab');
    }
  });
});

describe('SubjectPublicKeyInfo', () => {
  it('stores x ‖ y little-endian in an OCTET STRING inside the BIT STRING', () => {
    const { publicKey } = generateGostKeyPair('cryptopro-XchA');
    const spki = parseDer(exportGostPublicKey(publicKey).der);
    const bitString = spki.children[1];
    const inner = parseDer(bitString?.value.subarray(1) ?? new Uint8Array());
    expect(inner.value.subarray(0, 32)).toEqual(bigintToLittleEndian(publicKey.x, 32));
    expect(inner.value.subarray(32)).toEqual(bigintToLittleEndian(publicKey.y, 32));
    expect(parseGostPublicKey(exportGostPublicKey(publicKey).pem)).toEqual(publicKey);
  });

  it('rejects a point that is not on the curve', () => {
    const { publicKey } = generateGostKeyPair('cryptopro-A');
    const point = new Uint8Array(64);
    point.set(bigintToLittleEndian(publicKey.x, 32), 0);
    point.set(bigintToLittleEndian(publicKey.y + 1n, 32), 32);
    const spki = der.sequence(encodeGostKeyAlgorithm('cryptopro-A'), der.bitString(der.octetString(point)));
    expect(codeOf(() => parseGostPublicKey(spki))).toBe('INVALID_PUBLIC_KEY');
    const short = der.sequence(
      encodeGostKeyAlgorithm('cryptopro-A'),
      der.bitString(der.octetString(point.subarray(0, 40))),
    );
    expect(codeOf(() => parseGostPublicKey(short))).toBe('INVALID_PUBLIC_KEY');
    expect(codeOf(() => exportGostPublicKey({ ...publicKey, x: publicKey.x + 1n }))).toBe(
      'INVALID_PUBLIC_KEY',
    );
  });

  it('the public key from a parsed private key matches', () => {
    const { privateKey, publicKey } = generateGostKeyPair('tc26-256-D');
    expect(gostPublicKeyFromPrivate(parseGostPrivateKey(exportGostPrivateKey(privateKey).pem))).toEqual(
      publicKey,
    );
    expect(bigintToBigEndian(publicKey.x, 32).length).toBe(32);
  });
});
