import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CMS_OIDS,
  CryptoError,
  createDetachedSignedData,
  createPkcs7ClientSecret,
  createSoftwareGostSigner,
  esiaSignedString,
  fromBase64Url,
  parseSignedData,
  type Signer,
  utf8,
  verifyDetachedSignedData,
  verifyPkcs7ClientSecret,
  WebCryptoSigner,
} from '../src/index.js';
import {
  type GostFixture,
  makeGostFixture,
  makeRsaCertificate,
  openssl,
  opensslGostAvailable,
} from './signer-fixtures.js';

const content = utf8('openid fullname2025.09.02 13:00:29 +0300ELSH01721state-1');

function opensslVerifies(fixture: GostFixture, cms: Uint8Array, data: Uint8Array, engine = true): boolean {
  const cmsFile = join(fixture.dir, 'check.p7s');
  const dataFile = join(fixture.dir, 'check.txt');
  writeFileSync(cmsFile, cms);
  writeFileSync(dataFile, data);
  try {
    openssl([
      'cms',
      '-verify',
      ...(engine ? ['-engine', 'gost'] : []),
      '-binary',
      '-inform',
      'DER',
      '-in',
      cmsFile,
      '-content',
      dataFile,
      '-noverify',
      '-out',
      '/dev/null',
    ]);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!opensslGostAvailable())('CMS SignedData, GOST', () => {
  let fixture: GostFixture;
  let signer: Signer;
  beforeAll(() => {
    fixture = makeGostFixture();
    signer = createSoftwareGostSigner({ privateKey: fixture.keyPem, certificate: fixture.certPem });
  });
  afterAll(() => fixture.cleanup());

  it('goskit output verifies with openssl cms -verify (with and without signed attributes)', async () => {
    const withAttrs = await createDetachedSignedData({ signer, content });
    expect(opensslVerifies(fixture, withAttrs, content)).toBe(true);
    expect(opensslVerifies(fixture, withAttrs, utf8('tampered'))).toBe(false);
    const bare = await createDetachedSignedData({ signer, content, signedAttributes: false });
    expect(opensslVerifies(fixture, bare, content)).toBe(true);
  });

  it('openssl smime -sign output verifies in goskit, attributes parsed', async () => {
    const dataFile = join(fixture.dir, 'data.txt');
    const outFile = join(fixture.dir, 'openssl.p7s');
    writeFileSync(dataFile, content);
    for (const noattr of [false, true]) {
      openssl([
        'smime',
        '-sign',
        '-engine',
        'gost',
        '-md',
        'md_gost12_256',
        '-binary',
        '-outform',
        'DER',
        '-in',
        dataFile,
        '-signer',
        fixture.certFile,
        '-inkey',
        fixture.keyFile,
        '-out',
        outFile,
        ...(noattr ? ['-noattr'] : []),
      ]);
      const cms = new Uint8Array(readFileSync(outFile));
      const result = await verifyDetachedSignedData(cms, content);
      expect(result).toMatchObject({ valid: true, family: 'gost' });
      if (!noattr) {
        expect(result.valid && result.signingTime).toBeInstanceOf(Date);
      }
      expect(await verifyDetachedSignedData(cms, utf8('other'))).toMatchObject({ valid: false });
    }
  });

  it('writes the expected structure and OIDs', async () => {
    const signingTime = new Date(Date.UTC(2025, 0, 2, 3, 4, 5));
    const parsed = parseSignedData(await createDetachedSignedData({ signer, content, signingTime }));
    expect(parsed.contentType).toBe(CMS_OIDS.data);
    expect(parsed.content).toBeUndefined();
    expect(parsed.certificates).toHaveLength(1);
    const [info] = parsed.signerInfos;
    expect(info?.digestAlgorithm).toBe('1.2.643.7.1.1.2.2');
    expect(info?.signatureAlgorithm).toBe('1.2.643.7.1.1.1.1');
    expect(info?.signature).toHaveLength(64);
    expect(info?.signedAttributes?.signingTime).toEqual(signingTime);
    expect(info?.signedAttributes?.contentType).toBe(CMS_OIDS.data);
  });

  it('reports the reason a signature fails', async () => {
    const cms = await createDetachedSignedData({ signer, content });
    expect(await verifyDetachedSignedData(cms, utf8('x'))).toMatchObject({
      valid: false,
      reason: 'digest-mismatch',
    });
    const stranger = makeGostFixture();
    try {
      expect(
        await verifyDetachedSignedData(cms, content, {
          certificates: [stranger.certPem],
          requireKnownCertificate: true,
        }),
      ).toMatchObject({ valid: false, reason: 'certificate-not-found' });
    } finally {
      stranger.cleanup();
    }
    const bare = await createDetachedSignedData({ signer, content, signedAttributes: false });
    const flipped = bare.slice();
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] as number) ^ 1;
    expect(await verifyDetachedSignedData(flipped, content)).toMatchObject({
      valid: false,
      reason: 'signature-mismatch',
    });
  });

  it('legacy v1 client_secret: PKCS#7 over scope+timestamp+client_id+state, verified by OpenSSL and goskit', async () => {
    const fields = {
      clientId: 'ELSH01721',
      scope: 'openid fullname',
      timestamp: '2025.09.02 13:00:29 +0300',
      state: 'state-1',
    };
    const { clientSecret } = await createPkcs7ClientSecret(signer, fields);
    const cms = fromBase64Url(clientSecret);
    expect(opensslVerifies(fixture, cms, utf8(esiaSignedString({ ...fields, flow: 'v1' })))).toBe(true);
    expect(
      await verifyPkcs7ClientSecret({ secret: clientSecret, fields, certificate: fixture.certPem }),
    ).toMatchObject({
      valid: true,
    });
    expect(
      await verifyPkcs7ClientSecret({
        secret: clientSecret,
        fields: { ...fields, state: 'state-2' },
        certificate: fixture.certPem,
      }),
    ).toMatchObject({ valid: false });
  });
});

describe.skipIf(!opensslGostAvailable())('CMS SignedData, RSA', () => {
  let fixture: GostFixture;
  let signer: Signer;
  let keyFile: string;
  let certFile: string;
  beforeAll(async () => {
    fixture = makeGostFixture();
    const rsa = makeRsaCertificate(fixture.dir, 'rsa');
    ({ keyFile, certFile } = rsa);
    signer = new WebCryptoSigner({
      algorithm: 'RS256',
      privateKey: await importPKCS8(rsa.keyPem, 'RS256'),
      certificate: rsa.certPem,
    });
  });
  afterAll(() => fixture.cleanup());

  it('goskit RSA output verifies with plain openssl, and openssl output verifies in goskit', async () => {
    const cms = await createDetachedSignedData({ signer, content });
    expect(opensslVerifies(fixture, cms, content, false)).toBe(true);
    expect(opensslVerifies(fixture, cms, utf8('tampered'), false)).toBe(false);

    const dataFile = join(fixture.dir, 'rsa-data.txt');
    const outFile = join(fixture.dir, 'rsa.p7s');
    writeFileSync(dataFile, content);
    openssl([
      'cms',
      '-sign',
      '-md',
      'sha256',
      '-binary',
      '-outform',
      'DER',
      '-in',
      dataFile,
      '-signer',
      certFile,
      '-inkey',
      keyFile,
      '-out',
      outFile,
    ]);
    const fromOpenssl = new Uint8Array(readFileSync(outFile));
    expect(await verifyDetachedSignedData(fromOpenssl, content)).toMatchObject({
      valid: true,
      family: 'rsa',
    });
    expect(await verifyDetachedSignedData(fromOpenssl, utf8('x'))).toMatchObject({
      valid: false,
      reason: 'digest-mismatch',
    });
  });
});

describe('CMS parser robustness', () => {
  it('throws only CryptoError on random and truncated input (fuzz)', async () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          parseSignedData(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(CryptoError);
        }
      }),
    );
  });

  it.skipIf(!opensslGostAvailable())(
    'survives every truncation and single-byte corruption of a real SignedData',
    async () => {
      const fixture = makeGostFixture();
      try {
        const signer = createSoftwareGostSigner({ privateKey: fixture.keyPem, certificate: fixture.certPem });
        const cms = await createDetachedSignedData({ signer, content });
        // Bytes covered by the signature: the signed attributes and the signature value (last 64 bytes).
        const attrs = parseSignedData(cms).signerInfos[0]?.signedAttributes?.der.subarray(2) as Uint8Array;
        const attrsStart = Buffer.from(cms).indexOf(Buffer.from(attrs));
        const isSigned = (index: number) =>
          (index >= attrsStart && index < attrsStart + attrs.length) || index >= cms.length - 64;
        expect(attrsStart).toBeGreaterThan(0);
        await fc.assert(
          fc.asyncProperty(fc.nat(cms.length - 1), fc.integer({ min: 1, max: 255 }), async (index, xor) => {
            const corrupted = cms.slice();
            corrupted[index] = (corrupted[index] as number) ^ xor;
            for (const [input, mustFail] of [
              [corrupted, isSigned(index)],
              [cms.subarray(0, index), true],
            ] as const) {
              let valid = false;
              try {
                valid = (await verifyDetachedSignedData(input, content)).valid;
              } catch (error) {
                expect(error).toBeInstanceOf(CryptoError);
              }
              // A change to signed bytes, or a truncation, must never still verify.
              if (mustFail) {
                expect(valid).toBe(false);
              }
            }
          }),
          { numRuns: 150 },
        );
      } finally {
        fixture.cleanup();
      }
    },
  );
});
