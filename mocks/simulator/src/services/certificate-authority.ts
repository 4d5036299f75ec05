/**
 * A TLS certificate authority per seed and name: an ECDSA P-256 root whose key is derived from the
 * seed (the same seed gives the same key, so a CA certificate saved from one run still anchors the
 * next), a server certificate for the listener's addresses, and client certificates issued on demand
 * (random keys). Built with WebCrypto and @goskit/crypto's DER encoder — no openssl at run time.
 * Cached per process like ESIA's signing keys; what a portal issued is the portal's state.
 */
import { der, derToPem, toHex } from '@goskit/crypto';
import { buildCertificate, keyIdentifier, nameDer, OID } from './x509-builder.js';

/** The curve order n of P-256 (FIPS 186-4 D.1.2.3). */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
/** CA and server certificates outlive any run: TLS stacks judge validity on the real clock. */
const LONG_NOT_BEFORE = new Date('2020-01-01T00:00:00Z');
const LONG_NOT_AFTER = new Date('2049-12-31T23:59:59Z');

export interface IssuedClientCertificate {
  certificatePem: string;
  /** PKCS#8 PEM, unencrypted. */
  privateKeyPem: string;
  /** Lowercase hex, as node's `X509Certificate.serialNumber` prints it (uppercase there). */
  serialNumber: string;
  /** SHA-256 of the DER, uppercase hex with colons (node's `fingerprint256`). */
  fingerprint256: string;
  subject: string;
  notBefore: string;
  notAfter: string;
}

export interface ClientCertificateRequest {
  /** The CN, e.g. a system's client id. */
  commonName: string;
  organisation?: string;
  /** Default: one hour before the real now (TLS checks validity on the real clock). */
  notBefore?: Date;
  /** Default: notBefore + 365 days. */
  notAfter?: Date;
}

export interface CertificateAuthority {
  /** 'CN=goskit simulator CA (gospochta),O=goskit' */
  readonly subject: string;
  readonly certificatePem: string;
  readonly certificateDer: Uint8Array;
  /** SHA-256 of the CA DER, uppercase hex with colons. */
  readonly fingerprint256: string;
  /** The listener's certificate and key for these names (DNS names and IP addresses); cached. */
  serverCertificate(hosts: readonly string[]): Promise<{ certificatePem: string; privateKeyPem: string }>;
  issueClientCertificate(request: ClientCertificateRequest): Promise<IssuedClientCertificate>;
}

const authorities = new Map<string, Promise<CertificateAuthority>>();

/** The CA named `name` for `seed`; the same pair gives the same key in any process. */
export function certificateAuthority(seed: string, name: string): Promise<CertificateAuthority> {
  const key = `${name}\u0000${seed}`;
  let found = authorities.get(key);
  if (found === undefined) {
    found = createAuthority(seed, name);
    authorities.set(key, found);
    // A failed build must not poison the cache for later calls.
    found.catch(() => authorities.delete(key));
  }
  return found;
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

function fingerprint(digest: Uint8Array): string {
  return toHex(digest).toUpperCase().match(/.{2}/g)?.join(':') ?? '';
}

/** A P-256 key pair whose private scalar comes from SHA-256(label ‖ seed) (a PKCS#8 WebCrypto import). */
export async function seededP256KeyPair(seed: string, label: string): Promise<CryptoKeyPair> {
  const digest = await sha256(new TextEncoder().encode(`goskit:p256:${label}\u0000${seed}`));
  const scalar = (BigInt(`0x${toHex(digest)}`) % (P256_ORDER - 1n)) + 1n;
  const d = new Uint8Array(32);
  let rest = scalar;
  for (let index = 31; index >= 0; index -= 1) {
    d[index] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  const pkcs8 = der.sequence(
    der.integer(0n),
    der.sequence(der.oid(OID.ecPublicKey), der.oid(OID.prime256v1)),
    der.octetString(der.sequence(der.integer(1n), der.octetString(d))),
  );
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  const privateKey = await crypto.subtle.importKey(
    'pkcs8',
    pkcs8 as Uint8Array<ArrayBuffer>,
    algorithm,
    true,
    ['sign'],
  );
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const publicJwk: JsonWebKey = { kty: 'EC', crv: 'P-256', ext: true };
  if (jwk.x !== undefined && jwk.y !== undefined) {
    publicJwk.x = jwk.x;
    publicJwk.y = jwk.y;
  }
  const publicKey = await crypto.subtle.importKey('jwk', publicJwk, algorithm, true, ['verify']);
  return { privateKey, publicKey };
}

async function spkiOf(publicKey: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
}

async function pkcs8Pem(privateKey: CryptoKey): Promise<string> {
  return derToPem(new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey)), 'PRIVATE KEY');
}

function randomSerial(): bigint {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] as number) & 0x7f) | 0x10;
  return BigInt(`0x${toHex(bytes)}`);
}

/** A seed-derived positive serial, so the CA and server certificates keep their serials across runs. */
async function seededSerial(seed: string, label: string): Promise<bigint> {
  const digest = (await sha256(new TextEncoder().encode(`goskit:serial:${label}\u0000${seed}`))).slice(0, 12);
  digest[0] = ((digest[0] as number) & 0x7f) | 0x10;
  return BigInt(`0x${toHex(digest)}`);
}

async function createAuthority(seed: string, name: string): Promise<CertificateAuthority> {
  const subject = `CN=goskit simulator CA (${name.replace(/[^A-Za-z0-9 ._-]/g, '')}),O=goskit`;
  const keys = await seededP256KeyPair(seed, `${name}/ca`);
  const caSpki = await spkiOf(keys.publicKey);
  const caKeyId = await keyIdentifier(caSpki);
  const ca = await buildCertificate(
    {
      subject,
      serialNumber: await seededSerial(seed, `${name}/ca`),
      notBefore: LONG_NOT_BEFORE,
      notAfter: LONG_NOT_AFTER,
      spki: caSpki,
      ca: true,
      keyUsage: ['keyCertSign', 'cRLSign', 'digitalSignature'],
    },
    { privateKey: keys.privateKey },
  );
  const issuerDer = nameDer(subject);
  const servers = new Map<string, Promise<{ certificatePem: string; privateKeyPem: string }>>();

  const serverCertificate = async (hosts: readonly string[]) => {
    const names = [...new Set(['localhost', '127.0.0.1', '::1', ...hosts])].sort();
    const serverKeys = await seededP256KeyPair(seed, `${name}/server`);
    const spki = await spkiOf(serverKeys.publicKey);
    const certificate = await buildCertificate(
      {
        subject: `CN=${names.includes('localhost') ? 'localhost' : names[0]},O=goskit simulator`,
        issuerDer,
        serialNumber: await seededSerial(seed, `${name}/server/${names.join(',')}`),
        notBefore: LONG_NOT_BEFORE,
        notAfter: LONG_NOT_AFTER,
        spki,
        keyUsage: ['digitalSignature'],
        extendedKeyUsage: [OID.serverAuth],
        altNames: {
          dns: names.filter((host) => /^[A-Za-z0-9.-]+$/.test(host) && !/^[\d.]+$/.test(host)),
          ip: names.filter((host) => /^[\d.]+$/.test(host) || host.includes(':')),
        },
        authorityKeyId: caKeyId,
      },
      { privateKey: keys.privateKey },
    );
    return { certificatePem: certificate.pem, privateKeyPem: await pkcs8Pem(serverKeys.privateKey) };
  };

  return {
    subject,
    certificatePem: ca.pem,
    certificateDer: ca.der,
    fingerprint256: fingerprint(await sha256(ca.der)),
    serverCertificate(hosts) {
      const cacheKey = [...hosts].sort().join(',');
      let found = servers.get(cacheKey);
      if (found === undefined) {
        found = serverCertificate(hosts);
        servers.set(cacheKey, found);
        found.catch(() => servers.delete(cacheKey));
      }
      return found;
    },
    async issueClientCertificate(request) {
      const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
        'sign',
        'verify',
      ])) as CryptoKeyPair;
      const notBefore = request.notBefore ?? new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
      const notAfter = request.notAfter ?? new Date(notBefore.getTime() + 365 * 86_400_000);
      const escapeDn = (value: string) => value.replace(/[\\,+="<>;]/g, (ch) => `\\${ch}`);
      const subject = `CN=${escapeDn(request.commonName)}${request.organisation ? `,O=${escapeDn(request.organisation)}` : ''}`;
      const serialNumber = randomSerial();
      const certificate = await buildCertificate(
        {
          subject,
          issuerDer,
          serialNumber,
          notBefore,
          notAfter,
          spki: await spkiOf(pair.publicKey),
          keyUsage: ['digitalSignature'],
          extendedKeyUsage: [OID.clientAuth],
          authorityKeyId: caKeyId,
        },
        { privateKey: keys.privateKey },
      );
      return {
        certificatePem: certificate.pem,
        privateKeyPem: await pkcs8Pem(pair.privateKey),
        serialNumber: serialNumber.toString(16),
        fingerprint256: fingerprint(await sha256(certificate.der)),
        subject,
        notBefore: notBefore.toISOString(),
        notAfter: notAfter.toISOString(),
      };
    },
  };
}
