import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CryptoError,
  createClientSecret,
  createSoftwareGostSigner,
  decodeClientSecret,
  type EsiaSignedFields,
  esiaSignedString,
  fromBase64Url,
  loadCertificateDer,
  parseCertificate,
  reverseBytes,
  type Signer,
  streebog256,
  toBase64,
  toBase64Url,
  toHex,
  utf8,
  verifyClientSecret,
} from '../src/index.js';
import {
  type GostFixture,
  makeGostFixture,
  openssl,
  opensslGostAvailable,
  opensslGostVerify,
} from './signer-fixtures.js';

const fields: EsiaSignedFields = {
  flow: 'v2/ac',
  clientId: 'ELSH01721',
  scope: 'openid fullname snils',
  timestamp: '2025.09.02 13:00:29 +0300',
  state: '4a4e6a7d-1c2b-4f6e-9d8a-0f1e2d3c4b5a',
  redirectUri: 'https://school.example/esia/callback',
};

describe.skipIf(!opensslGostAvailable())('ESIA client_secret', () => {
  let fixture: GostFixture;
  let signer: Signer;
  beforeAll(() => {
    fixture = makeGostFixture();
    signer = createSoftwareGostSigner({ privateKey: fixture.keyPem, certificate: fixture.certPem });
  });
  afterAll(() => fixture.cleanup());

  it('is 86 base64url chars of a raw 64-byte signature OpenSSL verifies over the signed string', async () => {
    const result = await createClientSecret(signer, fields);
    expect(result.clientSecret).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(result.timestamp).toBe(fields.timestamp);
    const signature = fromBase64Url(result.clientSecret);
    expect(opensslGostVerify(fixture, utf8(esiaSignedString(fields)), signature)).toBe(true);
  });

  it('client_certificate_hash equals OpenSSL md_gost12_256 over the DER certificate, uppercase', async () => {
    const { clientCertificateHash } = await createClientSecret(signer, fields);
    const der = openssl(['x509', '-in', fixture.certFile, '-outform', 'DER']);
    const expected = toHex(
      openssl(['dgst', '-engine', 'gost', '-md_gost12_256', '-binary'], der),
    ).toUpperCase();
    expect(clientCertificateHash).toBe(expected);
    expect(clientCertificateHash).toMatch(/^[0-9A-F]{64}$/);
  });

  it('verifies v2/ac and v3/te secrets, and fails when any signed field changes', async () => {
    const v3 = { ...fields, flow: 'v3/te' as const, code: 'eyJhbGciOi.code.sig', state: 'new-state' };
    const { clientSecret } = await createClientSecret(signer, v3);
    expect(verifyClientSecret({ secret: clientSecret, fields: v3, certificate: fixture.certPem })).toEqual({
      valid: true,
      byteOrder: 'openssl',
      encoding: 'base64url',
    });
    for (const change of [
      { code: 'other' },
      { scope: 'openid' },
      { redirectUri: 'https://evil.example' },
      { scopeOrg: 'x' },
    ]) {
      const result = verifyClientSecret({
        secret: clientSecret,
        fields: { ...v3, ...change },
        certificate: fixture.certPem,
      });
      expect(result).toMatchObject({ valid: false, reason: 'signature-mismatch' });
    }
  });

  it('accepts padded base64url, standard base64 (also with + turned into space) and CryptoPro byte order', async () => {
    const { clientSecret } = await createClientSecret(signer, fields);
    const bytes = fromBase64Url(clientSecret);
    const publicKey = parseCertificate(fixture.certPem).gostPublicKey;
    const cases: Array<[string, string, string]> = [
      [`${clientSecret}==`, 'base64url-padded', 'openssl'],
      [toBase64(bytes), 'base64', 'openssl'],
      [toBase64(bytes).replace(/\+/g, ' '), 'base64', 'openssl'],
      [toBase64Url(reverseBytes(bytes)), 'base64url', 'reversed'],
    ];
    for (const [secret, encoding, byteOrder] of cases) {
      if (encoding === 'base64' && !/[+/]/.test(toBase64(bytes))) {
        continue; // this signature happens to have no + or /; the flavours coincide
      }
      expect(verifyClientSecret({ secret, fields, ...(publicKey ? { publicKey } : {}) })).toEqual({
        valid: true,
        encoding,
        byteOrder,
      });
    }
  });

  it('diagnoses the classic mistakes', async () => {
    const { clientSecret, clientCertificateHash } = await createClientSecret(signer, fields);
    const der = loadCertificateDer(fixture.certPem);
    const verify = (overrides: Partial<Parameters<typeof verifyClientSecret>[0]>) =>
      verifyClientSecret({
        secret: clientSecret,
        fields,
        certificate: fixture.certPem,
        certificateHash: clientCertificateHash,
        ...overrides,
      });

    expect(verify({})).toMatchObject({ valid: true });
    expect(verify({ certificateHash: clientCertificateHash.toLowerCase() })).toMatchObject({ valid: true });
    expect(verify({ certificateHash: createHash('sha1').update(der).digest('hex') })).toMatchObject({
      valid: false,
      reason: 'certificate-hash-sha1',
    });
    expect(
      verify({ certificateHash: toHex(streebog256(utf8(fixture.certPem))).toUpperCase() }),
    ).toMatchObject({
      valid: false,
      reason: 'certificate-hash-of-pem',
    });
    expect(verify({ certificateHash: createHash('sha256').update(der).digest('hex') })).toMatchObject({
      valid: false,
      reason: 'certificate-hash-mismatch',
    });

    const v1Order = toBase64Url(await signer.sign(utf8(esiaSignedString({ ...fields, flow: 'v1' }))));
    expect(verify({ secret: v1Order })).toMatchObject({ valid: false, reason: 'wrong-signed-string-order' });
    expect(
      verify({ secret: 'MIIBkAYJKoZIhvcNAQcCoIIBgTCCAX0CAQExDDAKBggqhQMHAQECAjALBgkqhkiG9w0BBwE' }),
    ).toMatchObject({
      valid: false,
      reason: 'malformed-secret',
    });
  });

  it('refuses non-GOST signers and the v1 flow', async () => {
    const rsaLike: Signer = {
      algorithm: 'RS256',
      sign: async () => new Uint8Array(256),
      certificate: async () => new Uint8Array(),
    };
    await expect(createClientSecret(rsaLike, fields)).rejects.toMatchObject({
      code: 'UNSUPPORTED_ALGORITHM',
    });
    await expect(createClientSecret(signer, { ...fields, flow: 'v1' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('decodeClientSecret', () => {
  it('round-trips 64 bytes through every accepted encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes) => {
        expect(decodeClientSecret(toBase64Url(bytes)).bytes).toEqual(bytes);
        expect(decodeClientSecret(toBase64(bytes)).bytes).toEqual(bytes);
        expect(decodeClientSecret(`${toBase64Url(bytes)}==`).bytes).toEqual(bytes);
      }),
    );
  });

  it('only throws MALFORMED_SIGNATURE on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), fc.base64String({ maxLength: 120 })), (text) => {
        try {
          expect(decodeClientSecret(text).bytes).toHaveLength(64);
        } catch (error) {
          expect(error).toBeInstanceOf(CryptoError);
          expect((error as CryptoError).code).toBe('MALFORMED_SIGNATURE');
        }
      }),
    );
  });
});
