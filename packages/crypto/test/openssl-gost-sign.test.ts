import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateGostKeyPair, gostPublicKeyFromPrivate, gostSign, gostVerify } from '../src/gost/index.js';
import {
  exportGostPrivateKey,
  exportGostPublicKey,
  parseGostPrivateKey,
  parseGostPublicKey,
} from '../src/keys/index.js';
import { gostGenpkeyArgs } from './helpers/gost-genpkey.js';
import { OPENSSL_PARAMSETS, openssl, opensslText, skipOpenSsl, withTempDir } from './helpers/openssl.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe.skipIf(skipOpenSsl)('GOST R 34.10-2012 against OpenSSL + GOST engine', () => {
  it.each(OPENSSL_PARAMSETS.map((p) => [p.openssl, p.paramSet] as const))(
    'paramset:%s (%s): keys, OpenSSL → goskit and goskit → OpenSSL signatures',
    async (opensslName, paramSet) => {
      await withTempDir(async (dir) => {
        const keyFile = join(dir, 'key.pem');
        await openssl(gostGenpkeyArgs(opensslName, keyFile));
        const keyPem = await readFile(keyFile, 'utf8');

        // goskit reads the OpenSSL key, derives the same public key and writes the key back byte for byte
        const privateKey = parseGostPrivateKey(keyPem);
        expect(privateKey.paramSet).toBe(paramSet);
        const opensslPublic = parseGostPublicKey(
          await opensslText(['pkey', '-engine', 'gost', '-in', keyFile, '-pubout']),
        );
        expect(gostPublicKeyFromPrivate(privateKey)).toEqual(opensslPublic);
        expect(exportGostPrivateKey(privateKey).pem).toBe(keyPem);
        const pubFile = join(dir, 'pub.pem');
        await writeFile(pubFile, exportGostPublicKey(opensslPublic).pem);

        const data = text(`ESIA client_secret over ${paramSet} ${'x'.repeat(100)}`);
        const dataFile = join(dir, 'data.bin');
        await writeFile(dataFile, data);

        // OpenSSL signs → goskit verifies
        const sigFile = join(dir, 'openssl.sig');
        await openssl([
          'dgst',
          '-engine',
          'gost',
          '-md_gost12_256',
          '-sign',
          keyFile,
          '-out',
          sigFile,
          dataFile,
        ]);
        const opensslSignature = new Uint8Array(await readFile(sigFile));
        expect(opensslSignature.length).toBe(64);
        expect(gostVerify(opensslPublic, data, opensslSignature)).toBe(true);
        expect(gostVerify(opensslPublic, text('tampered'), opensslSignature)).toBe(false);

        // goskit signs → OpenSSL verifies (with our SubjectPublicKeyInfo export)
        const ourSigFile = join(dir, 'goskit.sig');
        await writeFile(ourSigFile, gostSign(privateKey, data));
        const verdict = await opensslText([
          'dgst',
          '-engine',
          'gost',
          '-md_gost12_256',
          '-verify',
          pubFile,
          '-signature',
          ourSigFile,
          dataFile,
        ]);
        expect(verdict.trim()).toBe('Verified OK');
      });
    },
  );

  it.each(OPENSSL_PARAMSETS.map((p) => [p.paramSet] as const))(
    '%s: OpenSSL reads a goskit-generated key, signs with it, and goskit verifies',
    async (paramSet) => {
      await withTempDir(async (dir) => {
        const { privateKey, publicKey } = generateGostKeyPair(paramSet);
        const keyFile = join(dir, 'key.pem');
        await writeFile(keyFile, exportGostPrivateKey(privateKey).pem);
        const printed = await opensslText(['pkey', '-engine', 'gost', '-in', keyFile, '-text', '-noout']);
        expect(printed).toContain(`X:${publicKey.x.toString(16).toUpperCase()}`);
        const data = text('signed by OpenSSL with a goskit key');
        const dataFile = join(dir, 'data.bin');
        await writeFile(dataFile, data);
        const signature = await openssl([
          'dgst',
          '-engine',
          'gost',
          '-md_gost12_256',
          '-sign',
          keyFile,
          dataFile,
        ]);
        expect(gostVerify(publicKey, data, signature)).toBe(true);
        // and OpenSSL derives the same SubjectPublicKeyInfo as goskit
        const spkiDer = await openssl([
          'pkey',
          '-engine',
          'gost',
          '-in',
          keyFile,
          '-pubout',
          '-outform',
          'DER',
        ]);
        expect(spkiDer).toEqual(exportGostPublicKey(publicKey).der);
      });
    },
  );
});
