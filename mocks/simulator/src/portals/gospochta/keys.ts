/**
 * The portal's own keys, per seed and kept in memory per process (like ESIA's signing keys): the
 * access-token key (RS256 generated once per process, ES256 and GOST derived from the seed), the
 * signer of delivery acts and receipts, the agencies that sign documents, the demo packet key and the
 * download-link secret. GOST keys and certificates are the same bytes in every process for a seed.
 */
import {
  certificateHash,
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  DEFAULT_GOST_PARAM_SET,
  type GostPrivateKey,
  gostPublicKeyFromPrivate,
  type Signer,
  signGostJwt,
  toBase64,
  WebCryptoSigner,
} from '@goskit/crypto';
import { sha256Hex } from '../../engine/journal-digest.js';
import { createRandom } from '../../engine/random.js';
import { seededP256KeyPair } from '../../services/certificate-authority.js';
import { buildCertificate, nameDer } from '../../services/x509-builder.js';
import type { SignatureAlgorithm, TokenAlgorithm } from './options.js';
import type { PacketKeyRecord } from './state.js';

const NOT_BEFORE = new Date('2020-01-01T00:00:00Z');
const NOT_AFTER = new Date('2049-12-31T23:59:59Z');

export interface TokenKey {
  alg: TokenAlgorithm;
  kid: string;
  /** The public key as a JWK with kid, alg, use and x5c (GOST: `kty: "GOST"`, certificate only). */
  jwk: Record<string, unknown>;
  certificatePem: string;
  /** Verification key for @goskit/crypto verifyJwt: a CryptoKey (RS256, ES256) or a GOST public key. */
  verifyKey:
    | { kind: 'jose'; key: CryptoKey }
    | { kind: 'gost'; key: ReturnType<typeof gostPublicKeyFromPrivate> };
  /** Signs a JWT payload (compact JWS). */
  sign(payload: Record<string, unknown>): Promise<string>;
}

export interface PortalSigner {
  signer: Signer;
  certificatePem: string;
  /** Who signs: the certificate's CN. */
  name: string;
}

/** Agencies that issue documents, by document kind. */
export const AGENCIES: Readonly<Record<string, string>> = {
  'no-criminal-record': 'МВД России',
  'pension-statement': 'Социальный фонд России',
  'egrn-extract': 'Росреестр',
  'income-statement': 'ФНС России',
  'education-certificate': 'Минпросвещения России',
  'vaccination-certificate': 'Минздрав России',
  other: 'Госпочта',
};

const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, create: () => Promise<T>): Promise<T> {
  let found = cache.get(key) as Promise<T> | undefined;
  if (found === undefined) {
    found = create();
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

/** A GOST R 34.10-2012 (256) private key from the seed and a label: the same in every process. */
export function seededGostKey(seed: string, label: string): GostPrivateKey {
  const random = createRandom(`gospochta:${seed}:${label}`);
  let d = 0n;
  for (let i = 0; i < 31; i += 1) {
    d = (d << 8n) | BigInt(random.int(0, 255));
  }
  return { paramSet: DEFAULT_GOST_PARAM_SET, d: d === 0n ? 1n : d };
}

function gostCertificate(seed: string, label: string, subject: string) {
  const privateKey = seededGostKey(seed, label);
  const certificate = createSelfSignedCertificate({
    privateKey,
    subject,
    notBefore: NOT_BEFORE,
    days: 10_957,
    serialNumber: BigInt(`0x1${sha256Hex(new TextEncoder().encode(`${seed}\u0000${label}`)).slice(0, 15)}`),
    signatureNonce: seededGostKey(seed, `${label}:certificate-nonce`).d,
  });
  return { privateKey, certificate };
}

async function rsaPair(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: Uint8Array.of(1, 0, 1),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
}

async function selfSigned(subject: string, pair: CryptoKeyPair): Promise<{ der: Uint8Array; pem: string }> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return buildCertificate(
    {
      subject,
      issuerDer: nameDer(subject),
      serialNumber: BigInt(`0x1${sha256Hex(spki).slice(0, 15)}`),
      notBefore: NOT_BEFORE,
      notAfter: NOT_AFTER,
      spki,
      keyUsage: ['digitalSignature', 'nonRepudiation'],
    },
    { privateKey: pair.privateKey },
  );
}

function base64Url(text: string): string {
  return toBase64(new TextEncoder().encode(text)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function webCryptoJwt(
  payload: Record<string, unknown>,
  header: Record<string, unknown>,
  key: CryptoKey,
  algorithm: AlgorithmIdentifier | EcdsaParams,
): Promise<string> {
  const input = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(payload))}`;
  const signature = new Uint8Array(
    await crypto.subtle.sign(algorithm, key, new TextEncoder().encode(input) as Uint8Array<ArrayBuffer>),
  );
  return `${input}.${toBase64(signature).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The access-token key of a seed. RS256 keys are generated once per process (RSA from a seed is impractical). */
export function tokenKey(seed: string, alg: TokenAlgorithm): Promise<TokenKey> {
  return cached(`token:${alg}:${seed}`, async (): Promise<TokenKey> => {
    if (alg === 'GOST3410_2012_256') {
      const { privateKey, certificate } = gostCertificate(
        seed,
        'token-key',
        'CN=Госпочта tokens (goskit simulator),O=goskit',
      );
      const kid = certificateHash(certificate.der).slice(0, 32);
      const signer = createSoftwareGostSigner({ privateKey, certificate: certificate.pem });
      return {
        alg,
        kid,
        jwk: {
          kty: 'GOST',
          crv: privateKey.paramSet,
          kid,
          alg,
          use: 'sig',
          x5c: [toBase64(certificate.der)],
        },
        certificatePem: certificate.pem,
        verifyKey: { kind: 'gost', key: gostPublicKeyFromPrivate(privateKey) },
        sign: (payload) => signGostJwt(payload, signer, { header: { kid } }),
      };
    }
    const pair = alg === 'ES256' ? await seededP256KeyPair(seed, 'gospochta/token-key') : await rsaPair();
    const certificate = await selfSigned(`CN=Gospochta tokens ${alg} (goskit simulator),O=goskit`, pair);
    const kid = sha256Hex(certificate.der).slice(0, 32);
    const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const jwk =
      alg === 'ES256'
        ? { kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y }
        : { kty: 'RSA', n: publicJwk.n, e: publicJwk.e };
    const signing = alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
    return {
      alg,
      kid,
      jwk: { ...jwk, kid, alg, use: 'sig', x5c: [toBase64(certificate.der)] },
      certificatePem: certificate.pem,
      verifyKey: { kind: 'jose', key: pair.publicKey },
      sign: (payload) => webCryptoJwt(payload, { alg, typ: 'JWT', kid }, pair.privateKey, signing),
    };
  });
}

/** The signer of delivery acts and receipts: «Госпочта» itself. */
export function portalSigner(seed: string, alg: SignatureAlgorithm): Promise<PortalSigner> {
  return documentSigner(seed, alg, 'portal', 'Госпочта (симулятор goskit)');
}

/** The agency that issues documents of `kind`. */
export function agencySigner(seed: string, alg: SignatureAlgorithm, kind: string): Promise<PortalSigner> {
  const agency = AGENCIES[kind] ?? 'Госпочта';
  return documentSigner(seed, alg, `agency:${agency}`, `${agency} (симулятор goskit)`);
}

function documentSigner(
  seed: string,
  alg: SignatureAlgorithm,
  label: string,
  name: string,
): Promise<PortalSigner> {
  return cached(`signer:${alg}:${label}:${seed}`, async (): Promise<PortalSigner> => {
    const subject = `CN=${name},O=goskit`;
    if (alg === 'GOST3410_2012_256') {
      const { privateKey, certificate } = gostCertificate(seed, label, subject);
      return {
        signer: createSoftwareGostSigner({ privateKey, certificate: certificate.pem }),
        certificatePem: certificate.pem,
        name,
      };
    }
    const pair = await rsaPair();
    const certificate = await selfSigned(subject, pair);
    return {
      signer: new WebCryptoSigner({
        algorithm: 'RS256',
        privateKey: pair.privateKey,
        certificate: certificate.pem,
      }),
      certificatePem: certificate.pem,
      name,
    };
  });
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let index = 0; index < out.length; index += 1) {
    out[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
  return out;
}

/** The demo systems' packet key `demo`: a MAC key and an AES key derived from the seed (SHA-256). */
export function demoPacketKey(seed: string): PacketKeyRecord {
  const derive = (label: string) =>
    hexBytes(sha256Hex(new TextEncoder().encode(`goskit:gospochta:packet-key:${label}\u0000${seed}`)));
  return { kid: 'demo', macKey: derive('mac'), encryptionKey: derive('aes') };
}

/** The HMAC key that signs document download links. */
export function linkSecret(seed: string): Promise<CryptoKey> {
  return cached(`links:${seed}`, () =>
    crypto.subtle.importKey(
      'raw',
      hexBytes(
        sha256Hex(new TextEncoder().encode(`goskit:gospochta:links\u0000${seed}`)),
      ) as Uint8Array<ArrayBuffer>,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    ),
  );
}
