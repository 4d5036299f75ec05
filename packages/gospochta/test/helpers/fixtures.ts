/**
 * Key material for tests, made fresh per run: packet keys (random), GOST signers and certificates
 * (@goskit/crypto in software), RSA signers and certificates from the real `openssl` CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  generateGostKeyPair,
  pemToDer,
  type Signer,
  WebCryptoSigner,
} from '@goskit/crypto';
import type { PacketKey } from '../../src/index.js';

export function randomPacketKey(kid = 'k1'): PacketKey {
  const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
  return { kid, macKey: random(32), encryptionKey: random(32) };
}

export interface SignerFixture {
  signer: Signer;
  certificatePem: string;
}

export function gostSigner(subject: string): SignerFixture {
  const pair = generateGostKeyPair('tc26-256-A');
  const certificate = createSelfSignedCertificate({ privateKey: pair.privateKey, subject, days: 30 });
  return {
    signer: createSoftwareGostSigner({ privateKey: pair.privateKey, certificate: certificate.pem }),
    certificatePem: certificate.pem,
  };
}

/** An RSA-2048 key and self-signed certificate from `openssl req -x509`, as a WebCrypto RS256 signer. */
export async function rsaSigner(subject: string): Promise<SignerFixture & { keyPem: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gospochta-rsa-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-days',
        '2',
        '-subj',
        subject,
      ],
      { cwd: dir, stdio: 'ignore' },
    );
    const keyPem = readFileSync(join(dir, 'key.pem'), 'utf8');
    const certificatePem = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const privateKey = await globalThis.crypto.subtle.importKey(
      'pkcs8',
      new Uint8Array(pemToDer(keyPem, 'PRIVATE KEY')),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return {
      signer: new WebCryptoSigner({ algorithm: 'RS256', privateKey, certificate: certificatePem }),
      certificatePem,
      keyPem,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
