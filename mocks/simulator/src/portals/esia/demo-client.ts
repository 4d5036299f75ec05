/**
 * The demo client 'GOSKIT_DEMO': a GOST key pair derived from the simulator seed and a self-signed
 * certificate over it, so tests and examples can sign client_secret exactly as a vendor would.
 */
import {
  certificateHash,
  createSelfSignedCertificate,
  DEFAULT_GOST_PARAM_SET,
  exportGostPrivateKey,
  type GostPrivateKey,
  parseCertificate,
} from '@goskit/crypto';
import { createRandom } from '../../engine/random.js';
import type { EsiaClientRecord } from './state.js';

export const DEMO_CLIENT_ID = 'GOSKIT_DEMO';

/** Loopback without a port matches any port (see redirect-uri.ts). */
export const DEMO_REDIRECT_URIS = ['http://localhost/', 'http://127.0.0.1/', 'https://example.test/'];

export interface DemoEsiaClient {
  clientId: string;
  redirectUris: string[];
  privateKeyPem: string;
  certificatePem: string;
  certificateHash: string;
  /** Validity of the certificate, epoch ms. */
  notBeforeMs: number;
  notAfterMs: number;
}

const cache = new Map<string, DemoEsiaClient>();

/** A GOST private key whose scalar comes from the seed (31 bytes keep it below every 256-bit q). */
export function seededGostKey(seed: string, label: string): GostPrivateKey {
  const random = createRandom(`${seed}:${label}`);
  let d = 0n;
  for (let i = 0; i < 31; i += 1) {
    d = (d << 8n) | BigInt(random.int(0, 255));
  }
  return { paramSet: DEFAULT_GOST_PARAM_SET, d: d === 0n ? 1n : d };
}

/** The demo client of a seed (cached: the certificate is made once per seed and process). */
export function demoClientForSeed(seed: string): DemoEsiaClient {
  const cached = cache.get(seed);
  if (cached) {
    return cached;
  }
  const privateKey = seededGostKey(seed, 'esia-demo-client');
  const certificate = createSelfSignedCertificate({
    privateKey,
    subject: 'CN=GOSKIT_DEMO,O=goskit demo client',
    // Valid 2000 … 2099, so any clock a test or --clock-start picks sees a valid demo certificate.
    notBefore: new Date('2000-01-01T00:00:00Z'),
    days: 36_524,
    serialNumber: 0x60d5c17n,
    // Same seed → same certificate bytes in every process, so another process can rebuild the demo client.
    signatureNonce: seededGostKey(seed, 'esia-demo-client-certificate-nonce').d,
  });
  const parsed = parseCertificate(certificate.der);
  const client: DemoEsiaClient = {
    clientId: DEMO_CLIENT_ID,
    redirectUris: [...DEMO_REDIRECT_URIS],
    privateKeyPem: exportGostPrivateKey(privateKey).pem,
    certificatePem: certificate.pem,
    certificateHash: certificateHash(certificate.der),
    notBeforeMs: parsed.notBefore.getTime(),
    notAfterMs: parsed.notAfter.getTime(),
  };
  cache.set(seed, client);
  return client;
}

export function demoClientRecord(seed: string): EsiaClientRecord {
  const demo = demoClientForSeed(seed);
  return {
    clientId: demo.clientId,
    redirectUris: [...demo.redirectUris],
    certificatePem: demo.certificatePem,
    certificateHash: demo.certificateHash,
    notBeforeMs: demo.notBeforeMs,
    notAfterMs: demo.notAfterMs,
    scopes: ['*'],
    title: 'goskit demo client',
  };
}

/** The demo client's credentials for a simulator: sign client_secret as `GOSKIT_DEMO`. */
export function demoEsiaClient(sim: { readonly seed: string }): DemoEsiaClient {
  return { ...demoClientForSeed(sim.seed), redirectUris: [...DEMO_REDIRECT_URIS] };
}
