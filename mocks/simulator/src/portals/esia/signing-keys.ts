/**
 * The simulator's own token-signing key: RSA (RS256, generated with WebCrypto once per seed and
 * process — RSA key generation from a seed is impractical) or GOST R 34.10-2012-256 (derived from
 * the seed). Cached in memory per seed, so reset() and new simulators with the same seed are cheap.
 */
import {
  certificateHash,
  createSelfSignedCertificate,
  type GostPrivateKey,
  gostPublicKeyFromPrivate,
  gostSign,
  gostVerify,
  toBase64,
} from '@goskit/crypto';
import { seededGostKey } from './demo-client.js';
import type { EsiaTokenAlg } from './options.js';
import { createRsaCertificate } from './rsa-certificate.js';

export interface SigningKey {
  alg: EsiaTokenAlg;
  /** Streebog-256 of the DER certificate, uppercase hex: the `x5t#St256` header and the JWK kid. */
  thumbprint: string;
  certificateDer: Uint8Array;
  /** Public JWK with kid, alg, use, x5c and x5t#St256. */
  jwk: Record<string, unknown>;
  sign(input: Uint8Array): Promise<Uint8Array>;
  verify(input: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

const cache = new Map<string, Promise<SigningKey>>();
const NOT_BEFORE = new Date('2026-01-01T00:00:00Z');

export function signingKey(seed: string, alg: EsiaTokenAlg): Promise<SigningKey> {
  const cacheKey = `${alg}\u0000${seed}`;
  let key = cache.get(cacheKey);
  if (!key) {
    key =
      alg === 'RS256'
        ? createRsaKey()
        : Promise.resolve(createGostKey(seededGostKey(seed, 'esia-token-key')));
    cache.set(cacheKey, key);
    // A failed generation must not poison the cache for later calls.
    key.catch(() => cache.delete(cacheKey));
  }
  return key;
}

async function createRsaKey(): Promise<SigningKey> {
  const pair = (await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: Uint8Array.of(1, 0, 1),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const spkiDer = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const certificateDer = await createRsaCertificate({
    privateKey: pair.privateKey,
    spkiDer,
    commonName: 'goskit ESIA simulator (RS256)',
    notBefore: NOT_BEFORE,
    days: 3650,
  });
  const thumbprint = certificateHash(certificateDer);
  const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return {
    alg: 'RS256',
    thumbprint,
    certificateDer,
    jwk: {
      kty: 'RSA',
      n: publicJwk.n,
      e: publicJwk.e,
      kid: thumbprint,
      alg: 'RS256',
      use: 'sig',
      x5c: [toBase64(certificateDer)],
      'x5t#St256': thumbprint,
    },
    sign: async (input) =>
      new Uint8Array(
        await crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, input as Uint8Array<ArrayBuffer>),
      ),
    verify: (input, signature) =>
      crypto.subtle.verify(
        'RSASSA-PKCS1-v1_5',
        pair.publicKey,
        signature as Uint8Array<ArrayBuffer>,
        input as Uint8Array<ArrayBuffer>,
      ),
  };
}

function createGostKey(privateKey: GostPrivateKey): SigningKey {
  const publicKey = gostPublicKeyFromPrivate(privateKey);
  const certificate = createSelfSignedCertificate({
    privateKey,
    subject: 'CN=goskit ESIA simulator (GOST),O=goskit',
    notBefore: NOT_BEFORE,
    days: 3650,
    serialNumber: 0xe51an,
  });
  const thumbprint = certificateHash(certificate.der);
  return {
    alg: 'GOST3410_2012_256',
    thumbprint,
    certificateDer: certificate.der,
    jwk: {
      kty: 'GOST',
      crv: privateKey.paramSet,
      kid: thumbprint,
      alg: 'GOST3410_2012_256',
      use: 'sig',
      x5c: [toBase64(certificate.der)],
      'x5t#St256': thumbprint,
    },
    sign: async (input) => gostSign(privateKey, input),
    verify: async (input, signature) => gostVerify(publicKey, input, signature),
  };
}
