/**
 * What the ESIA checks must refuse, one rule per test: timestamps with trailing junk or
 * out-of-range fields (ESIA-007015 in the simulator), client_secrets that are not 64 bytes, and a
 * legacy v1 PKCS#7 client_secret signed by a certificate other than the registered one. Written where
 * mutation testing (`pnpm mutation crypto`) showed the rule could be deleted without a test failing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClientSecret,
  createPkcs7ClientSecret,
  createSoftwareGostSigner,
  decodeClientSecret,
  type EsiaSignedFields,
  esiaTimestamp,
  parseEsiaTimestamp,
  type Signer,
  toBase64,
  toBase64Url,
  verifyClientSecret,
  verifyPkcs7ClientSecret,
} from '../src/index.js';
import { codeOf } from './helpers/error-code.js';
import { type GostFixture, makeGostFixture, opensslGostAvailable } from './signer-fixtures.js';

describe('parseEsiaTimestamp refuses', () => {
  it('anything after the offset', () => {
    for (const bad of [
      '2025.09.02 13:00:29 +0300junk',
      '2025.09.02 13:00:29 +03000',
      '2025.09.02 13:00:29 +0300 ',
    ]) {
      expect(
        codeOf(() => parseEsiaTimestamp(bad)),
        bad,
      ).toBe('INVALID_INPUT');
    }
  });

  it('minutes and seconds beyond 59, which Date would roll into the next hour or minute', () => {
    for (const bad of [
      '2025.09.02 10:75:00 +0300',
      '2025.09.02 10:60:00 +0300',
      '2025.09.02 10:00:60 +0300',
    ]) {
      expect(
        codeOf(() => parseEsiaTimestamp(bad)),
        bad,
      ).toBe('INVALID_INPUT');
    }
    expect(parseEsiaTimestamp('2025.09.02 23:59:59 +0300').date.toISOString()).toBe(
      '2025-09-02T20:59:59.000Z',
    );
  });

  it('hours beyond 23, days its month does not have, months beyond 12 and 00', () => {
    for (const bad of [
      '2025.09.02 24:00:00 +0300',
      '2025.09.30 99:00:00 +0300',
      '2025.02.29 12:00:00 +0300',
      '2025.09.00 12:00:00 +0300',
      '2025.01.32 12:00:00 +0300',
      '2025.13.01 12:00:00 +0300',
      '2025.00.10 12:00:00 +0300',
    ]) {
      expect(
        codeOf(() => parseEsiaTimestamp(bad)),
        bad,
      ).toBe('INVALID_INPUT');
    }
    expect(parseEsiaTimestamp('2024.02.29 12:00:00 +0000').date.toISOString()).toBe(
      '2024-02-29T12:00:00.000Z',
    );
    expect(parseEsiaTimestamp('2025.12.31 00:00:00 +0000').date.toISOString()).toBe(
      '2025-12-31T00:00:00.000Z',
    );
  });

  it('offset minutes beyond 59 and offsets beyond ±14 h', () => {
    for (const bad of [
      '2025.09.02 10:00:00 +0375',
      '2025.09.02 10:00:00 +1401',
      '2025.09.02 10:00:00 -1401',
    ]) {
      expect(
        codeOf(() => parseEsiaTimestamp(bad)),
        bad,
      ).toBe('INVALID_INPUT');
    }
    expect(parseEsiaTimestamp('2025.09.02 10:00:00 +0359').offsetMinutes).toBe(239);
    expect(parseEsiaTimestamp('2025.09.02 10:00:00 +1400').offsetMinutes).toBe(840);
    expect(parseEsiaTimestamp('2025.09.02 10:00:00 -1400').offsetMinutes).toBe(-840);
  });

  it('reads -0000 as offset 0, not -0', () => {
    expect(Object.is(parseEsiaTimestamp('2025.09.02 10:00:00 -0000').offsetMinutes, 0)).toBe(true);
  });
});

const bytes = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 37) % 256);

describe("esiaTimestamp with offsetMinutes: 'local'", () => {
  it('writes a time zone east of UTC as a + offset (getTimezoneOffset is negative there)', () => {
    // The offset is read from the Date given; this one reports UTC+5 whatever the process zone is
    // (TZ cannot be changed for a test running in a worker thread).
    const at = new Date(Date.UTC(2025, 8, 2, 10, 0, 0));
    at.getTimezoneOffset = () => -300;
    expect(esiaTimestamp(at, { offsetMinutes: 'local' })).toBe('2025.09.02 15:00:00 +0500');
    at.getTimezoneOffset = () => 180;
    expect(esiaTimestamp(at, { offsetMinutes: 'local' })).toBe('2025.09.02 07:00:00 -0300');
  });
});

describe('a client_secret must decode to exactly 64 bytes', () => {
  it('63 and 65 bytes are refused in every encoding', () => {
    for (const length of [0, 1, 63, 65, 128]) {
      for (const encoded of [toBase64Url(bytes(length)), toBase64(bytes(length))]) {
        expect(
          codeOf(() => decodeClientSecret(encoded)),
          `${length} bytes`,
        ).toBe('MALFORMED_SIGNATURE');
      }
    }
    expect(decodeClientSecret(toBase64Url(bytes(64))).bytes).toEqual(bytes(64));
  });

  it('a secret that is not base64 at all is MALFORMED_SIGNATURE and keeps the decoder error as its cause', () => {
    let caught: unknown;
    try {
      decodeClientSecret('*'.repeat(86));
    } catch (error) {
      caught = error;
    }
    expect(codeOf(() => decodeClientSecret('*'.repeat(86)))).toBe('MALFORMED_SIGNATURE');
    expect((caught as Error).cause).toBeInstanceOf(Error);
  });

  it('a signer that returns anything but 64 bytes makes createClientSecret throw MALFORMED_SIGNATURE', async () => {
    for (const length of [63, 65]) {
      const signer: Signer = {
        algorithm: 'GOST3410_2012_256',
        sign: async () => bytes(length),
        certificate: async () => bytes(10),
      };
      const error = await createClientSecret(signer, {
        flow: 'v2/ac',
        clientId: 'ELSH01721',
        scope: 'openid',
        timestamp: '2025.09.02 13:00:29 +0300',
        state: 'state-1',
        redirectUri: 'https://school.example/cb',
      }).catch((e: unknown) => e);
      expect((error as { code?: string }).code, `${length} bytes`).toBe('MALFORMED_SIGNATURE');
    }
  });
});

describe.skipIf(!opensslGostAvailable())('legacy v1 client_secret and the registered certificate', () => {
  let registered: GostFixture;
  let stranger: GostFixture;
  let strangerSigner: Signer;
  const fields = {
    clientId: 'ELSH01721',
    scope: 'openid fullname',
    timestamp: '2025.09.02 13:00:29 +0300',
    state: 'state-1',
  };
  beforeAll(() => {
    registered = makeGostFixture('A', '/CN=registered system');
    stranger = makeGostFixture('A', '/CN=someone else');
    strangerSigner = createSoftwareGostSigner({ privateKey: stranger.keyPem, certificate: stranger.certPem });
  });
  afterAll(() => {
    registered.cleanup();
    stranger.cleanup();
  });

  it('a SignedData by another certificate, which it carries inside, does not verify against the registered one', async () => {
    const { clientSecret } = await createPkcs7ClientSecret(strangerSigner, fields);
    expect(
      await verifyPkcs7ClientSecret({ secret: clientSecret, fields, certificate: registered.certPem }),
    ).toMatchObject({ valid: false, reason: 'certificate-not-found' });
  });

  it('without a registered certificate the embedded one is used (the caller decides whom to trust)', async () => {
    const { clientSecret } = await createPkcs7ClientSecret(strangerSigner, fields);
    expect(await verifyPkcs7ClientSecret({ secret: clientSecret, fields })).toMatchObject({ valid: true });
    expect(
      await verifyPkcs7ClientSecret({ secret: clientSecret, fields, certificate: stranger.certPem }),
    ).toMatchObject({ valid: true });
  });

  it('a v1 secret in standard base64 whose + became spaces (an unencoded form field) still verifies', async () => {
    const { clientSecret } = await createPkcs7ClientSecret(strangerSigner, fields);
    const standard = toBase64(Uint8Array.from(Buffer.from(clientSecret, 'base64url')));
    expect(standard).toContain('+');
    const spaced = standard.replace(/\+/g, ' ');
    expect(await verifyPkcs7ClientSecret({ secret: spaced, fields })).toMatchObject({ valid: true });
  });

  it('a v1 secret that is not base64 is MALFORMED_SIGNATURE with the decoder error as its cause', async () => {
    const error = (await verifyPkcs7ClientSecret({ secret: '*'.repeat(40), fields }).catch(
      (e: unknown) => e,
    )) as Error & { code?: string };
    expect(error.code).toBe('MALFORMED_SIGNATURE');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('the signingTime given is the one signed', async () => {
    const signingTime = new Date(Date.UTC(2025, 8, 2, 10, 0, 29));
    const { clientSecret } = await createPkcs7ClientSecret(strangerSigner, { ...fields, signingTime });
    const result = await verifyPkcs7ClientSecret({ secret: clientSecret, fields });
    expect(result).toMatchObject({ valid: true });
    expect((result as { signingTime?: Date }).signingTime?.toISOString()).toBe(signingTime.toISOString());
  });

  it('a v2 secret that is not 64 bytes is malformed-secret, before any signature check', () => {
    const v2: EsiaSignedFields = { ...fields, flow: 'v2/ac', redirectUri: 'https://school.example/cb' };
    for (const length of [63, 65]) {
      expect(
        verifyClientSecret({
          secret: toBase64Url(bytes(length)),
          fields: v2,
          certificate: registered.certPem,
        }),
      ).toMatchObject({ valid: false, reason: 'malformed-secret' });
    }
  });
});
