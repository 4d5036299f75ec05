import { describe, expect, it } from 'vitest';
import { bytesToBase64, der, parseDer } from '../src/asn1/index.js';
import { GOST_OIDS, generateGostKeyPair, streebog256 } from '../src/gost/index.js';
import {
  certificateHash,
  createSelfSignedCertificate,
  encodeName,
  formatName,
  isCertificateTimeValid,
  loadCertificateDer,
  parseCertificate,
  verifyCertificateSignature,
} from '../src/x509/index.js';
import { codeOf } from './helpers/error-code.js';

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        continue outer;
      }
    }
    return i;
  }
  return -1;
}
const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

describe('self-signed GOST certificates', () => {
  const { privateKey, publicKey } = generateGostKeyPair('cryptopro-A');
  const notBefore = new Date('2026-01-02T03:04:05.678Z');
  const created = createSelfSignedCertificate({
    privateKey,
    subject: 'CN=Информационная система,O=ООО "Ромашка",C=RU,INN=007701234567,OGRN=1027700132195',
    notBefore,
    days: 30,
    serialNumber: 0x0123456789abcdefn,
  });

  it('parses back with the same fields', () => {
    const cert = parseCertificate(created.pem);
    expect(cert.version).toBe(3);
    expect(cert.serialNumber).toBe('0123456789abcdef');
    expect(cert.subject).toBe(
      'CN=Информационная система,O=ООО \\"Ромашка\\",C=RU,INN=007701234567,OGRN=1027700132195',
    );
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.notBefore.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(cert.notAfter.toISOString()).toBe('2026-02-01T03:04:05.000Z');
    expect(cert.signatureAlgorithm).toBe(GOST_OIDS.signWithDigestGost3411_2012_256);
    expect(cert.publicKeyAlgorithm).toBe(GOST_OIDS.gost3410_2012_256);
    expect(cert.gostPublicKey).toEqual(publicKey);
    expect(cert.extensions.map((e) => e.oid)).toEqual(['2.5.29.19', '2.5.29.15', '2.5.29.14']);
    expect(cert.der).toEqual(created.der);
    expect(isCertificateTimeValid(cert, new Date('2026-01-15T00:00:00Z'))).toBe(true);
    expect(isCertificateTimeValid(cert, new Date('2026-03-01T00:00:00Z'))).toBe(false);
  });

  it('its signature verifies with its own key and fails when anything changes', () => {
    const cert = parseCertificate(created.der);
    expect(verifyCertificateSignature(cert, publicKey)).toBe(true);
    expect(verifyCertificateSignature(cert, generateGostKeyPair('cryptopro-A').publicKey)).toBe(false);
    const tampered = created.der.slice();
    const at = indexOfBytes(tampered, new TextEncoder().encode('RU'));
    expect(at).toBeGreaterThan(0);
    tampered[at] = 0x55; // "RU" → "UU"
    const tamperedCert = parseCertificate(tampered);
    expect(tamperedCert.issuer).toContain('C=UU'); // the issuer name comes first in the TBS
    expect(verifyCertificateSignature(tamperedCert, publicKey)).toBe(false);
  });

  it('certificateHash is Streebog-256 of the DER as 64 uppercase hex, for PEM, DER and base64 input', () => {
    const expected = hex(streebog256(created.der)).toUpperCase();
    expect(certificateHash(created.der)).toBe(expected);
    expect(certificateHash(created.pem)).toBe(expected);
    expect(certificateHash(bytesToBase64(created.der))).toBe(expected);
    expect(expected).toMatch(/^[0-9A-F]{64}$/);
  });

  it('refuses the PEM file bytes where DER is expected (the ESIA-007053 mistake)', () => {
    const pemBytes = new TextEncoder().encode(created.pem);
    expect(codeOf(() => certificateHash(pemBytes))).toBe('PEM_NOT_DER');
    expect(codeOf(() => loadCertificateDer(Uint8Array.of(0xef, 0xbb, 0xbf, 0x0a, ...pemBytes)))).toBe(
      'PEM_NOT_DER',
    );
    expect(codeOf(() => certificateHash('-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----'))).toBe(
      'MALFORMED_PEM',
    );
    expect(codeOf(() => certificateHash('not a certificate!'))).toBe('MALFORMED_PEM');
    expect(codeOf(() => certificateHash(new Uint8Array([1, 2, 3])))).toBe('INVALID_CERTIFICATE');
    expect(codeOf(() => certificateHash(42 as unknown as string))).toBe('INVALID_INPUT');
  });

  it('parseCertificate reports a DER SEQUENCE that is not a certificate as INVALID_CERTIFICATE', () => {
    expect(codeOf(() => parseCertificate(der.sequence(der.integer(1n))))).toBe('INVALID_CERTIFICATE');
    expect(codeOf(() => parseCertificate(Uint8Array.of(0x30, 0x05, 0x02)))).toBe('INVALID_CERTIFICATE');
  });

  it('parses a certificate whose GOST key uses an unsupported parameter set, without gostPublicKey', () => {
    const unknownSet = '1.2.643.2.2.35.0'; // the 2001 test parameter set: real keys never use it
    const spki = parseDer(created.der).children[0]?.children[6];
    if (!spki) {
      throw new Error('no SubjectPublicKeyInfo');
    }
    const original = spki.raw;
    const params = der.sequence(der.oid(unknownSet), der.oid(GOST_OIDS.gost3411_2012_256));
    const replaced = der.sequence(
      der.sequence(der.oid(GOST_OIDS.gost3410_2012_256), params),
      spki.children[1]?.raw ?? new Uint8Array(),
    );
    expect(replaced.length).toBe(original.length);
    const bytes = created.der.slice();
    bytes.set(replaced, spki.offset);
    const cert = parseCertificate(bytes);
    expect(cert.gostPublicKey).toBeUndefined();
    expect(cert.publicKeyAlgorithm).toBe(GOST_OIDS.gost3410_2012_256);
    expect(verifyCertificateSignature(cert, publicKey)).toBe(false);
  });

  it('uses GeneralizedTime after 2049 and rejects bad options', () => {
    const late = createSelfSignedCertificate({
      privateKey,
      subject: 'CN=Late',
      notBefore: new Date('2049-12-01T00:00:00Z'),
      days: 60,
    });
    const cert = parseCertificate(late.der);
    expect(cert.notAfter.getUTCFullYear()).toBe(2050);
    const validity = parseDer(cert.tbsDer).children[4];
    expect(validity?.children.map((n) => n.tag)).toEqual([23, 24]);
    expect(codeOf(() => createSelfSignedCertificate({ privateKey, subject: '' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => createSelfSignedCertificate({ privateKey, subject: 'XX=1' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => createSelfSignedCertificate({ privateKey, subject: 'CN=a', days: -1 }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => createSelfSignedCertificate({ privateKey, subject: 'CN=a', serialNumber: 0n }))).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('distinguished names', () => {
  it('round-trips escaped values, multi-valued RDNs and dotted OIDs', () => {
    const name = 'CN=a\\,b\\+c,OU=x+OU=y,1.2.3.4=raw,E=test@example.org,SNILS=12345678901';
    const formatted = formatName(parseDer(encodeName(name)));
    expect(formatted).toBe(name);
  });
});
