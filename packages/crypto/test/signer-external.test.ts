import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CryptoProCspSigner,
  gostVerify,
  loadCertificateDer,
  OpenSslGostSigner,
  parseCertificate,
  reverseBytes,
  SignerError,
  utf8,
} from '../src/index.js';
import {
  type GostFixture,
  makeGostFixture,
  opensslGostAvailable,
  opensslGostVerify,
} from './signer-fixtures.js';

const hasOpenssl = opensslGostAvailable();
const standin = fileURLToPath(new URL('./fixtures/csptest-standin.sh', import.meta.url));
const data = utf8('ELSH01721openid fullname2025.09.02 13:00:29 +0300state-1https://school.example/cb');

describe.skipIf(!hasOpenssl)('external GOST signers', () => {
  let fixture: GostFixture;
  let tempParent: string;
  const savedEnv = { ...process.env };
  beforeAll(() => {
    fixture = makeGostFixture();
    tempParent = mkdtempSync(join(tmpdir(), 'goskit-csp-parent-'));
    process.env.CSPTEST_STANDIN_KEY = fixture.keyFile;
    process.env.CSPTEST_STANDIN_CONTAINER = '\\\\.\\HDIMAGE\\esia';
    process.env.CSPTEST_STANDIN_PASSWORD = 'pin-1234';
  });
  afterAll(() => {
    process.env = savedEnv;
    fixture.cleanup();
    rmSync(tempParent, { recursive: true, force: true });
  });

  describe('OpenSslGostSigner', () => {
    it('signs through openssl; goskit and OpenSSL verify the output as-is', async () => {
      const signer = new OpenSslGostSigner({ keyFile: fixture.keyFile, certificateFile: fixture.certFile });
      const signature = await signer.sign(data);
      expect(signature).toHaveLength(64);
      expect(opensslGostVerify(fixture, data, signature)).toBe(true);
      const publicKey = parseCertificate(fixture.certPem).gostPublicKey;
      expect(publicKey && gostVerify(publicKey, data, signature)).toBe(true);
      expect(await signer.certificate()).toEqual(loadCertificateDer(fixture.certPem));
    });

    it('names the failing step: spawn, sign, read-certificate', async () => {
      const missing = new OpenSslGostSigner({
        keyFile: fixture.keyFile,
        certificateFile: fixture.certFile,
        opensslPath: '/nonexistent/openssl',
      });
      await expect(missing.sign(data)).rejects.toMatchObject({ code: 'SIGNER_NOT_FOUND', step: 'spawn' });

      const badKey = new OpenSslGostSigner({ keyFile: fixture.certFile, certificateFile: fixture.certFile });
      const error = await badKey.sign(data).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignerError);
      expect(error).toMatchObject({ code: 'SIGNER_FAILED', step: 'sign' });
      expect((error as Error).message).not.toContain(fixture.keyPem.split('\n')[1]?.slice(0, 16));

      const badCert = new OpenSslGostSigner({ keyFile: fixture.keyFile, certificateFile: fixture.keyFile });
      await expect(badCert.certificate()).rejects.toMatchObject({ step: 'read-certificate' });
    });

    it('kills a hung openssl on timeout', async () => {
      const hung = join(fixture.dir, 'hung-openssl.sh');
      writeFileSync(hung, '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
      const signer = new OpenSslGostSigner({
        keyFile: fixture.keyFile,
        certificateFile: fixture.certFile,
        opensslPath: hung,
        timeoutMs: 300,
      });
      const started = Date.now();
      await expect(signer.sign(data)).rejects.toMatchObject({ code: 'SIGNER_TIMEOUT', step: 'timeout' });
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });

  describe('CryptoProCspSigner (against the csptest stand-in)', () => {
    const options = () => ({
      csptestPath: standin,
      container: '\\\\.\\HDIMAGE\\esia',
      pin: 'pin-1234',
      certificateFile: fixture.certFile,
      tempDir: tempParent,
    });

    it('passes csptest its flags and reverses the little-endian output', async () => {
      const argsLog = join(tempParent, 'args.log');
      process.env.CSPTEST_STANDIN_ARGS_LOG = argsLog;
      try {
        const signer = new CryptoProCspSigner(options());
        const signature = await signer.sign(data);
        expect(signature).toHaveLength(64);
        // Reversed back to OpenSSL layout: both verifiers accept it, the raw csptest bytes do not.
        expect(opensslGostVerify(fixture, data, signature)).toBe(true);
        const publicKey = parseCertificate(fixture.certPem).gostPublicKey;
        expect(publicKey && gostVerify(publicKey, data, signature)).toBe(true);
        expect(publicKey && gostVerify(publicKey, data, reverseBytes(signature))).toBe(false);
        const args = readFileSync(argsLog, 'utf8');
        expect(args).toMatch(
          /^-keyset -sign GOST12_256 -container \\\\\.\\HDIMAGE\\esia -keytype exchange -in \S+ -out \S+ -password pin-1234/,
        );
      } finally {
        delete process.env.CSPTEST_STANDIN_ARGS_LOG;
        rmSync(argsLog, { force: true });
      }
      expect(readdirSync(tempParent)).toEqual([]);
    });

    it('reports a wrong PIN as step sign without echoing the PIN, and removes temp files', async () => {
      const signer = new CryptoProCspSigner({ ...options(), pin: 'wrong-pin-9876' });
      const error = await signer.sign(data).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SIGNER_FAILED', step: 'sign' });
      expect((error as Error).message).toContain('0x8009001d');
      expect((error as Error).message).not.toContain('wrong-pin-9876');
      expect(readdirSync(tempParent)).toEqual([]);
    });

    it('kills csptest on timeout and still removes temp files', async () => {
      process.env.CSPTEST_STANDIN_SLEEP = '10';
      try {
        const signer = new CryptoProCspSigner({ ...options(), timeoutMs: 300 });
        const started = Date.now();
        await expect(signer.sign(data)).rejects.toMatchObject({ code: 'SIGNER_TIMEOUT', step: 'timeout' });
        expect(Date.now() - started).toBeLessThan(5000);
      } finally {
        delete process.env.CSPTEST_STANDIN_SLEEP;
      }
      expect(readdirSync(tempParent)).toEqual([]);
    });

    it('reports a missing csptest as step spawn', async () => {
      const signer = new CryptoProCspSigner({
        ...options(),
        csptestPath: '/opt/cprocsp/bin/amd64/missing-csptest',
      });
      const error = await signer.sign(data).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SIGNER_NOT_FOUND', step: 'spawn' });
      // Neither the message nor a cause chain may carry the password passed on csptest's command line.
      expect(JSON.stringify(error)).not.toContain('pin-1234');
      expect((error as Error).cause).toBeUndefined();
      expect(readdirSync(tempParent)).toEqual([]);
    });
  });
});
