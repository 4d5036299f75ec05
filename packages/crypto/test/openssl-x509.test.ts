import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateGostKeyPair } from '../src/gost/index.js';
import { exportGostPrivateKey, parseGostPrivateKey } from '../src/keys/index.js';
import {
  certificateHash,
  createSelfSignedCertificate,
  parseCertificate,
  verifyCertificateSignature,
} from '../src/x509/index.js';
import { gostGenpkeyArgs } from './helpers/gost-genpkey.js';
import { openssl, opensslText, skipOpenSsl, withTempDir } from './helpers/openssl.js';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

describe.skipIf(skipOpenSsl)('X.509 against OpenSSL + GOST engine', () => {
  it.each([['A'], ['TCA'], ['XB']])(
    'OpenSSL certificate (paramset:%s): parse, verify, certificateHash',
    async (paramset) => {
      await withTempDir(async (dir) => {
        const keyFile = join(dir, 'key.pem');
        const certFile = join(dir, 'cert.pem');
        await openssl(gostGenpkeyArgs(paramset, keyFile));
        await openssl([
          'req',
          '-engine',
          'gost',
          '-x509',
          '-new',
          '-key',
          keyFile,
          '-subj',
          '/CN=Test/O=Goskit/C=RU',
          '-days',
          '30',
          '-md_gost12_256',
          '-out',
          certFile,
        ]);
        const pem = await readFile(certFile, 'utf8');
        const certDer = await openssl(['x509', '-in', certFile, '-outform', 'DER']);
        const cert = parseCertificate(pem);
        expect(cert.der).toEqual(certDer);
        expect(cert.subject).toBe('CN=Test,O=Goskit,C=RU');
        const serialLine = await opensslText(['x509', '-in', certFile, '-noout', '-serial']);
        expect(cert.serialNumber.toUpperCase().replace(/^0+/, '')).toBe(
          serialLine.trim().replace('serial=', '').replace(/^0+/, ''),
        );
        const key = parseGostPrivateKey(await readFile(keyFile, 'utf8'));
        expect(cert.gostPublicKey?.paramSet).toBe(key.paramSet);
        if (!cert.gostPublicKey) {
          throw new Error('no GOST key in certificate');
        }
        expect(verifyCertificateSignature(cert, cert.gostPublicKey)).toBe(true);

        // ESIA client_certificate_hash == openssl dgst -md_gost12_256 over the DER
        const derFile = join(dir, 'cert.der');
        await writeFile(derFile, certDer);
        const digest = await openssl(['dgst', '-engine', 'gost', '-md_gost12_256', '-binary', derFile]);
        expect(certificateHash(pem)).toBe(hex(digest).toUpperCase());
        expect(certificateHash(certDer)).toBe(hex(digest).toUpperCase());
      });
    },
  );

  it.each([['cryptopro-A'], ['cryptopro-C'], ['tc26-256-A'], ['tc26-256-B']] as const)(
    'goskit certificate (%s): openssl verify and x509 -text accept it',
    async (paramSet) => {
      await withTempDir(async (dir) => {
        const { privateKey, publicKey } = generateGostKeyPair(paramSet);
        const certFile = join(dir, 'cert.pem');
        const created = createSelfSignedCertificate({
          privateKey,
          subject: 'CN=Тестовая ИС,O=Goskit,C=RU',
          days: 10,
        });
        await writeFile(certFile, created.pem);
        const verdict = await opensslText(['verify', '-engine', 'gost', '-CAfile', certFile, certFile]);
        expect(verdict.trim()).toBe(`${certFile}: OK`);
        const printed = await opensslText([
          'x509',
          '-engine',
          'gost',
          '-in',
          certFile,
          '-noout',
          '-text',
          '-nameopt',
          'utf8',
        ]);
        expect(printed).toContain('Subject: CN=Тестовая ИС, O=Goskit, C=RU');
        expect(printed).toContain(`X:${publicKey.x.toString(16).toUpperCase()}`);
        // the key pair OpenSSL reads from our PKCS#8 matches the certificate
        const keyFile = join(dir, 'key.pem');
        await writeFile(keyFile, exportGostPrivateKey(privateKey).pem);
        const modulusCheck = await opensslText([
          'x509',
          '-engine',
          'gost',
          '-in',
          certFile,
          '-noout',
          '-pubkey',
        ]);
        const fromKey = await opensslText(['pkey', '-engine', 'gost', '-in', keyFile, '-pubout']);
        expect(modulusCheck).toBe(fromKey);
      });
    },
  );
});
