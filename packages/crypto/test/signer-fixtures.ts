import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gostGenpkeyArgs } from './helpers/gost-genpkey.js';
import { opensslGost } from './helpers/openssl.js';

/** Shared fixtures for D's tests: a GOST key + self-signed certificate made by OpenSSL's GOST engine. */

/** One availability check for every crypto test (helpers/openssl.ts): mandatory under CI=true, never silently skipped there. */
export function opensslGostAvailable(): boolean {
  return opensslGost.available;
}

export function openssl(args: string[], input?: Uint8Array): Uint8Array {
  return new Uint8Array(
    execFileSync('openssl', args, { input: input ?? new Uint8Array(0), stdio: ['pipe', 'pipe', 'pipe'] }),
  );
}

export interface GostFixture {
  dir: string;
  keyFile: string;
  certFile: string;
  keyPem: string;
  certPem: string;
  cleanup(): void;
}

export function makeGostFixture(paramset = 'A', subject = '/CN=goskit test/O=Demo school'): GostFixture {
  const dir = mkdtempSync(join(tmpdir(), 'goskit-d-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  openssl(gostGenpkeyArgs(paramset, keyFile));
  openssl([
    'req',
    '-engine',
    'gost',
    '-new',
    '-x509',
    '-key',
    keyFile,
    '-subj',
    subject,
    '-days',
    '30',
    '-out',
    certFile,
  ]);
  return {
    dir,
    keyFile,
    certFile,
    keyPem: readFileSync(keyFile, 'utf8'),
    certPem: readFileSync(certFile, 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `openssl dgst -verify` with the certificate's public key; true when OpenSSL accepts the signature. */
export function opensslGostVerify(fixture: GostFixture, data: Uint8Array, signature: Uint8Array): boolean {
  const pub = join(fixture.dir, 'pub.pem');
  const sig = join(fixture.dir, `sig-${Math.random().toString(36).slice(2)}.bin`);
  openssl(['x509', '-engine', 'gost', '-in', fixture.certFile, '-pubkey', '-noout', '-out', pub]);
  writeFileSync(sig, signature);
  try {
    openssl(['dgst', '-engine', 'gost', '-md_gost12_256', '-verify', pub, '-signature', sig], data);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(sig, { force: true });
  }
}

export interface RsaCertificateFiles {
  keyFile: string;
  certFile: string;
  /** PKCS#8 PEM of the RSA key. */
  keyPem: string;
  certPem: string;
}

/** An RSA-2048 key and a self-signed certificate valid for two days, written into `dir` by OpenSSL. */
export function makeRsaCertificate(dir: string, name: string): RsaCertificateFiles {
  const keyFile = join(dir, `${name}.key`);
  const certFile = join(dir, `${name}.crt`);
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-subj',
    `/CN=${name}`,
    '-days',
    '2',
  ]);
  return {
    keyFile,
    certFile,
    keyPem: readFileSync(keyFile, 'utf8'),
    certPem: readFileSync(certFile, 'utf8'),
  };
}
