/**
 * ESIA's signed string per flow and verifyClientSecret's verdicts, one rule per test, with a GOST key
 * and certificate made in-process (no OpenSSL), so the `esia-secret` mutation area
 * (`pnpm mutation esia-secret`) runs fast. The OpenSSL cross-checks are in esia-client-secret.test.ts.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { timestampText } from '../src/esia/signed-string.js';
import {
  certificateHash,
  createSelfSignedCertificate,
  type EsiaSignedFields,
  esiaSignedString,
  type GostPrivateKey,
  type GostPublicKey,
  generateGostKeyPair,
  gostSign,
  streebog256,
  toBase64,
  toBase64Url,
  toHex,
  utf8,
  verifyClientSecret,
} from '../src/index.js';
import { codeOf } from './helpers/error-code.js';

const base = {
  clientId: 'ELSH01721',
  scope: 'openid fullname',
  scopeOrg: 'org_shortname',
  timestamp: '2025.09.02 13:00:29 +0300',
  state: '4a4e6a7d-1c2b-4f6e-9d8a-0f1e2d3c4b5a',
  redirectUri: 'https://school.example/esia/callback',
  code: 'eyJ.code',
  refreshToken: 'rt-1',
};
const { clientId: C, scope: S, scopeOrg: O, timestamp: T, state: ST, redirectUri: R } = base;

describe('esiaSignedString: the concatenation per flow', () => {
  it('v2/ac: client_id + scope + scope_org + timestamp + state + redirect_uri', () => {
    expect(esiaSignedString({ ...base, flow: 'v2/ac' })).toBe(C + S + O + T + ST + R);
  });

  it('v2/ac without scope_org leaves it out', () => {
    const { scopeOrg: _omit, ...rest } = base;
    expect(esiaSignedString({ ...rest, flow: 'v2/ac' })).toBe(C + S + T + ST + R);
  });

  it('v3/te: as v2/ac, then the code', () => {
    expect(esiaSignedString({ ...base, flow: 'v3/te' })).toBe(C + S + O + T + ST + R + base.code);
  });

  it('client_credentials: no scope_org', () => {
    expect(esiaSignedString({ ...base, flow: 'client_credentials' })).toBe(C + S + T + ST + R);
  });

  it('refresh_token: as v2/ac by default and for "ilimurzin"; AISGorod signs the refresh token instead', () => {
    expect(esiaSignedString({ ...base, flow: 'refresh_token' })).toBe(C + S + O + T + ST + R);
    expect(esiaSignedString({ ...base, flow: 'refresh_token', refreshVariant: 'ilimurzin' })).toBe(
      C + S + O + T + ST + R,
    );
    expect(esiaSignedString({ ...base, flow: 'refresh_token', refreshVariant: 'aisgorod' })).toBe(
      C + S + T + ST + base.refreshToken,
    );
  });

  it('v1: scope + timestamp + client_id + state', () => {
    expect(esiaSignedString({ ...base, flow: 'v1' })).toBe(S + T + C + ST);
  });

  it('a Date timestamp is written as ESIA wants it (+0300); a string is kept as sent', () => {
    const date = new Date(Date.UTC(2025, 8, 2, 10, 0, 29));
    expect(timestampText(date)).toBe('2025.09.02 13:00:29 +0300');
    expect(timestampText('any text')).toBe('any text');
    expect(esiaSignedString({ ...base, flow: 'v1', timestamp: date })).toBe(S + T + C + ST);
  });
});

describe('esiaSignedString: required fields', () => {
  const missing = (fields: Partial<EsiaSignedFields> & { flow: EsiaSignedFields['flow'] }) =>
    codeOf(() => esiaSignedString({ ...base, ...fields } as EsiaSignedFields));

  it('client_id, scope and state are required by every flow, non-empty strings', () => {
    for (const flow of ['v2/ac', 'v3/te', 'client_credentials', 'refresh_token', 'v1'] as const) {
      for (const name of ['clientId', 'scope', 'state'] as const) {
        expect(missing({ flow, [name]: '' })).toBe('INVALID_INPUT');
        expect(missing({ flow, [name]: undefined })).toBe('INVALID_INPUT');
        expect(missing({ flow, [name]: 7 as never })).toBe('INVALID_INPUT');
      }
    }
  });

  it('the timestamp must not be empty', () => {
    expect(missing({ flow: 'v1', timestamp: '' })).toBe('INVALID_INPUT');
  });

  it('redirect_uri is required by v2/ac, v3/te, client_credentials and ilimurzin refresh; not by v1 or AISGorod', () => {
    for (const flow of ['v2/ac', 'v3/te', 'client_credentials', 'refresh_token'] as const) {
      expect(missing({ flow, redirectUri: '' })).toBe('INVALID_INPUT');
    }
    expect(missing({ flow: 'v1', redirectUri: '' })).toBeUndefined();
    expect(missing({ flow: 'refresh_token', refreshVariant: 'aisgorod', redirectUri: '' })).toBeUndefined();
  });

  it('the code is required by v3/te only; the refresh token by AISGorod refresh only', () => {
    expect(missing({ flow: 'v3/te', code: '' })).toBe('INVALID_INPUT');
    expect(missing({ flow: 'v2/ac', code: '' })).toBeUndefined();
    expect(missing({ flow: 'refresh_token', refreshVariant: 'aisgorod', refreshToken: '' })).toBe(
      'INVALID_INPUT',
    );
    expect(missing({ flow: 'refresh_token', refreshToken: '' })).toBeUndefined();
  });

  it('the error names the flow and the field', () => {
    expect(() => esiaSignedString({ ...base, flow: 'v3/te', code: '' })).toThrow(/v3\/te.*code/);
    expect(() => esiaSignedString({ ...base, flow: 'v2/ac', redirectUri: '' })).toThrow(/redirectUri/);
  });

  it('an unknown flow is refused', () => {
    expect(missing({ flow: 'v9' as never })).toBe('INVALID_INPUT');
  });
});

describe('verifyClientSecret', () => {
  let key: { privateKey: GostPrivateKey; publicKey: GostPublicKey };
  let otherKey: { privateKey: GostPrivateKey; publicKey: GostPublicKey };
  let cert: { der: Uint8Array; pem: string };
  let otherCert: { der: Uint8Array; pem: string };
  const fields: EsiaSignedFields = { ...base, flow: 'v2/ac' };
  const sign = (privateKey: GostPrivateKey, text: string, reversed = false) => {
    const signature = gostSign(privateKey, utf8(text));
    return toBase64Url(reversed ? signature.slice().reverse() : signature);
  };
  beforeAll(() => {
    key = generateGostKeyPair('tc26-256-A');
    otherKey = generateGostKeyPair('tc26-256-A');
    cert = createSelfSignedCertificate({ privateKey: key.privateKey, subject: 'CN=ELSH01721,O=Demo school' });
    otherCert = createSelfSignedCertificate({ privateKey: otherKey.privateKey, subject: 'CN=other' });
  });

  it("a secret over the flow's string verifies with the certificate, PEM or DER, in OpenSSL layout", () => {
    const secret = sign(key.privateKey, esiaSignedString(fields));
    for (const certificate of [cert.pem, cert.der]) {
      expect(verifyClientSecret({ secret, fields, certificate })).toEqual({
        valid: true,
        byteOrder: 'openssl',
        encoding: 'base64url',
      });
    }
  });

  it("CryptoPro's reversed layout verifies too, and says so; the encoding is reported", () => {
    const secret = sign(key.privateKey, esiaSignedString(fields), true);
    expect(verifyClientSecret({ secret, fields, publicKey: key.publicKey })).toEqual({
      valid: true,
      byteOrder: 'reversed',
      encoding: 'base64url',
    });
    const bytes = gostSign(key.privateKey, utf8(esiaSignedString(fields)));
    const result = verifyClientSecret({ secret: toBase64(bytes), fields, publicKey: key.publicKey });
    expect(result).toMatchObject({ valid: true, byteOrder: 'openssl' });
  });

  it('a Date timestamp is formatted before the string is built', () => {
    const date = new Date(Date.UTC(2025, 8, 2, 10, 0, 29));
    const secret = sign(key.privateKey, esiaSignedString(fields));
    expect(
      verifyClientSecret({ secret, fields: { ...fields, timestamp: date }, publicKey: key.publicKey }),
    ).toMatchObject({ valid: true });
  });

  it('publicKey, when given, is the key even beside a certificate', () => {
    const secret = sign(key.privateKey, esiaSignedString(fields));
    expect(
      verifyClientSecret({ secret, fields, publicKey: key.publicKey, certificate: otherCert.pem }),
    ).toMatchObject({ valid: true });
    expect(verifyClientSecret({ secret, fields, certificate: otherCert.pem })).toMatchObject({
      valid: false,
      reason: 'signature-mismatch',
    });
  });

  it('without a GOST key to verify with it throws INVALID_INPUT (a setup error, not client input)', () => {
    const secret = sign(key.privateKey, esiaSignedString(fields));
    expect(codeOf(() => verifyClientSecret({ secret, fields }))).toBe('INVALID_INPUT');
  });

  it('another signed string, another key or a changed field: signature-mismatch with a message', () => {
    const secret = sign(key.privateKey, esiaSignedString(fields));
    for (const result of [
      verifyClientSecret({ secret, fields: { ...fields, state: 'other' }, publicKey: key.publicKey }),
      verifyClientSecret({ secret, fields, publicKey: otherKey.publicKey }),
      verifyClientSecret({ secret: sign(key.privateKey, 'other'), fields, publicKey: key.publicKey }),
    ]) {
      expect(result).toEqual({
        valid: false,
        reason: 'signature-mismatch',
        message: expect.stringMatching(/does not verify/),
      });
    }
  });

  it('a v2 or v3 request whose secret signs the v1 order (either layout) is wrong-signed-string-order', () => {
    const v1 = esiaSignedString({ ...fields, flow: 'v1' });
    for (const reversed of [false, true]) {
      for (const flow of ['v2/ac', 'client_credentials'] as const) {
        expect(
          verifyClientSecret({
            secret: sign(key.privateKey, v1, reversed),
            fields: { ...fields, flow },
            publicKey: key.publicKey,
          }),
        ).toEqual({
          valid: false,
          reason: 'wrong-signed-string-order',
          message: expect.stringMatching(/v1 order/),
        });
      }
    }
    expect(
      verifyClientSecret({
        secret: sign(key.privateKey, v1),
        fields: { ...fields, flow: 'v1' },
        publicKey: key.publicKey,
      }),
    ).toMatchObject({ valid: true });
  });

  it('a secret that is not 64 bytes of base64 is malformed-secret, with the decoder’s message', () => {
    for (const secret of ['not base64!', toBase64Url(new Uint8Array(63)), '']) {
      const result = verifyClientSecret({ secret, fields, publicKey: key.publicKey });
      expect(result).toMatchObject({ valid: false, reason: 'malformed-secret' });
      expect(result.valid === false && result.message.length > 0).toBe(true);
    }
  });

  it('fields the flow needs but lacks are incomplete-fields, naming the field', () => {
    const secret = sign(key.privateKey, esiaSignedString(fields));
    expect(
      verifyClientSecret({ secret, fields: { ...fields, redirectUri: '' }, publicKey: key.publicKey }),
    ).toEqual({ valid: false, reason: 'incomplete-fields', message: expect.stringMatching(/redirectUri/) });
  });

  describe('client_certificate_hash', () => {
    const check = (certificateHash: string, certificate: string | Uint8Array = cert.pem) =>
      verifyClientSecret({
        secret: sign(key.privateKey, esiaSignedString(fields)),
        fields,
        certificate,
        certificateHash,
      });

    it('Streebog-256 of the DER certificate, in either case, passes', () => {
      expect(check(certificateHash(cert.der))).toMatchObject({ valid: true });
      expect(check(certificateHash(cert.der).toLowerCase())).toMatchObject({ valid: true });
      expect(check(certificateHash(cert.der), cert.der)).toMatchObject({ valid: true });
    });

    it('the hash is checked before the signature: a mismatch is reported even for a good secret', () => {
      expect(check(certificateHash(otherCert.der))).toEqual({
        valid: false,
        reason: 'certificate-hash-mismatch',
        message: expect.stringMatching(/does not match/),
      });
    });

    it('40 hex digits (either case) are a SHA-1 hash', () => {
      const sha1 = createHash('sha1').update(cert.der).digest('hex');
      for (const hash of [sha1, sha1.toUpperCase()]) {
        expect(check(hash)).toEqual({
          valid: false,
          reason: 'certificate-hash-sha1',
          message: expect.stringMatching(/SHA-1/),
        });
      }
    });

    it('39 or 41 hex digits, or 40 characters that are not all hex, are a plain mismatch', () => {
      const sha1 = createHash('sha1').update(cert.der).digest('hex');
      for (const hash of [sha1.slice(1), `${sha1}0`, `0${sha1}`, `g${sha1.slice(1)}`, `${sha1.slice(1)}g`]) {
        expect(check(hash)).toMatchObject({ valid: false, reason: 'certificate-hash-mismatch' });
      }
    });

    it('Streebog-256 of the PEM text (either case) is certificate-hash-of-pem, when the PEM was given', () => {
      const ofPem = toHex(streebog256(utf8(cert.pem)));
      for (const hash of [ofPem, ofPem.toUpperCase()]) {
        expect(check(hash)).toEqual({
          valid: false,
          reason: 'certificate-hash-of-pem',
          message: expect.stringMatching(/PEM/),
        });
      }
      expect(check(ofPem, cert.der)).toMatchObject({ valid: false, reason: 'certificate-hash-mismatch' });
    });

    it('no certificate, no hash check', () => {
      expect(
        verifyClientSecret({
          secret: sign(key.privateKey, esiaSignedString(fields)),
          fields,
          publicKey: key.publicKey,
          certificateHash: 'anything',
        }),
      ).toMatchObject({ valid: true });
    });
  });
});
