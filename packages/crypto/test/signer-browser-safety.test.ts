import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('browser safety of @goskit/crypto', () => {
  const files = sourceFiles(srcDir).map((file) => ({
    name: relative(srcDir, file),
    text: readFileSync(file, 'utf8'),
  }));

  it('has no static imports of Node built-ins anywhere', () => {
    const offenders = files.filter((file) =>
      /^\s*import[^;]*from\s+['"](node:)?(fs|os|path|child_process|crypto|buffer)(\/[a-z]+)?['"]/m.test(
        file.text,
      ),
    );
    expect(offenders.map((file) => file.name)).toEqual([]);
  });

  it('touches Buffer and process only in the process-based signers', () => {
    const allowed = new Set(['signers/run-process.ts']);
    const offenders = files.filter(
      (file) =>
        !allowed.has(file.name) &&
        /(^|[^\w.\-/'"])(Buffer\.|process\.)/m.test(file.text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')),
    );
    expect(offenders.map((file) => file.name)).toEqual([]);
  });
});

describe('public entry point', () => {
  it('re-exports every module from @goskit/crypto', async () => {
    const api = await import('@goskit/crypto');
    const expected = [
      // C: GOST, ASN.1, X.509, keys
      'streebog256',
      'gostSign',
      'gostVerify',
      'parseDer',
      'der',
      'parseCertificate',
      'certificateHash',
      'parseGostPrivateKey',
      // D: signers, ESIA, CMS, JOSE, integrity
      'SoftwareGostSigner',
      'createSoftwareGostSigner',
      'OpenSslGostSigner',
      'CryptoProCspSigner',
      'WebCryptoSigner',
      'SignerError',
      'esiaTimestamp',
      'parseEsiaTimestamp',
      'esiaSignedString',
      'createClientSecret',
      'verifyClientSecret',
      'createPkcs7ClientSecret',
      'createDetachedSignedData',
      'verifyDetachedSignedData',
      'parseSignedData',
      'signJws',
      'signDetachedJws',
      'verifyJwt',
      'signGostJwt',
      'jwksKeys',
      'remoteJwksKeys',
      'certificateKeys',
      'encryptFields',
      'decryptFields',
      'canonicalJson',
      'createIntegrityTag',
      'encryptField',
      'decryptField',
      'signWebhook',
      'verifyWebhook',
      'CryptoError',
    ];
    expect(expected.filter((name) => !(name in api))).toEqual([]);
  });
});
