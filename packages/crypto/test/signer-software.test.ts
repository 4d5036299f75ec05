import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CryptoError,
  createSoftwareGostSigner,
  generateGostKeyPair,
  gostVerify,
  loadCertificateDer,
  parseCertificate,
  parseGostPrivateKey,
  SoftwareGostSigner,
  utf8,
} from '../src/index.js';
import {
  type GostFixture,
  makeGostFixture,
  opensslGostAvailable,
  opensslGostVerify,
} from './signer-fixtures.js';

const hasOpenssl = opensslGostAvailable();

describe.skipIf(!hasOpenssl)('SoftwareGostSigner', () => {
  let fixture: GostFixture;
  beforeAll(() => {
    fixture = makeGostFixture();
  });
  afterAll(() => fixture.cleanup());

  it('signs bytes that OpenSSL verifies and returns the DER certificate', async () => {
    const signer = createSoftwareGostSigner({ privateKey: fixture.keyPem, certificate: fixture.certPem });
    expect(signer.algorithm).toBe('GOST3410_2012_256');
    const data = utf8('ELSH01721openid2025.09.02 13:00:29 +0300state');
    const signature = await signer.sign(data);
    expect(signature).toHaveLength(64);
    expect(opensslGostVerify(fixture, data, signature)).toBe(true);
    expect(opensslGostVerify(fixture, utf8('other'), signature)).toBe(false);
    expect(await signer.certificate()).toEqual(loadCertificateDer(fixture.certPem));
  });

  it('accepts a parsed key and a DER certificate', async () => {
    const signer = new SoftwareGostSigner({
      privateKey: parseGostPrivateKey(fixture.keyPem),
      certificate: loadCertificateDer(fixture.certPem),
    });
    const signature = await signer.sign(utf8('x'));
    const publicKey = parseCertificate(fixture.certPem).gostPublicKey;
    expect(publicKey && gostVerify(publicKey, utf8('x'), signature)).toBe(true);
  });

  it('refuses a key that does not belong to the certificate', () => {
    const stranger = generateGostKeyPair('tc26-256-A').privateKey;
    const error = (() => {
      try {
        createSoftwareGostSigner({ privateKey: stranger, certificate: fixture.certPem });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CryptoError);
    expect(error).toMatchObject({ code: 'SIGNATURE_MISMATCH' });
    expect(String((error as Error).message)).not.toMatch(/[0-9a-f]{32}/i);
  });

  it('reports unusable key input with a typed error and no key text', () => {
    const broken = fixture.keyPem.replace(/[A-Za-z]{8}/, 'AAAAAAAA');
    try {
      createSoftwareGostSigner({ privateKey: broken, certificate: fixture.certPem });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CryptoError);
      const body = fixture.keyPem.split('\n')[1] ?? '';
      expect(String((error as Error).message)).not.toContain(body.slice(0, 20));
    }
  });
});
