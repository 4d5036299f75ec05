/**
 * X.509 v3 certificates for TLS, built with @goskit/crypto's DER encoder and signed with WebCrypto
 * (ECDSA P-256 / SHA-256, or RSASSA-PKCS1-v1_5 / SHA-256), so the simulator makes its own PKI in Node
 * and in a browser without the openssl CLI. RFC 5280 profile: basicConstraints, keyUsage,
 * extendedKeyUsage, subjectAltName, subject and authority key identifiers.
 */
import { der, derToPem, encodeName, tlv } from '@goskit/crypto';

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

/** keyUsage bits (RFC 5280 §4.2.1.3), numbered from the most significant bit of the first byte. */
export const KEY_USAGE = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
} as const;

export type KeyUsageName = keyof typeof KEY_USAGE;

export interface SubjectAltNames {
  dns?: readonly string[];
  /** IPv4 dotted or IPv6 text. */
  ip?: readonly string[];
}

export interface CertificateSpec {
  /** "CN=…,O=…" in encoding order. */
  subject: string;
  /** The issuer's Name DER (a self-signed certificate passes its own subject). */
  issuerDer?: Uint8Array;
  serialNumber: bigint;
  notBefore: Date;
  notAfter: Date;
  /** SubjectPublicKeyInfo DER of the certified key. */
  spki: Uint8Array;
  ca?: boolean;
  keyUsage: readonly KeyUsageName[];
  extendedKeyUsage?: readonly string[];
  altNames?: SubjectAltNames;
  /** The issuer's key identifier (its subjectKeyIdentifier); omitted for a self-signed root. */
  authorityKeyId?: Uint8Array;
}

export interface IssuerKey {
  /** 'ECDSA' (P-256) or 'RSASSA-PKCS1-v1_5' private key, SHA-256. */
  privateKey: CryptoKey;
}

/** RFC 7093 method 1: the leftmost 160 bits of SHA-256 over the subjectPublicKey bits. */
export async function keyIdentifier(spki: Uint8Array): Promise<Uint8Array> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki as Uint8Array<ArrayBuffer>));
  return digest.subarray(0, 20);
}

/** UTCTime up to 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function encodeTime(date: Date): Uint8Array {
  return date.getUTCFullYear() < 2050 ? der.utcTime(date) : der.generalizedTime(date);
}

function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical
    ? der.sequence(der.oid(oid), der.boolean(true), der.octetString(value))
    : der.sequence(der.oid(oid), der.octetString(value));
}

function keyUsageBits(names: readonly KeyUsageName[]): Uint8Array {
  let bits = 0;
  let highest = 0;
  for (const name of names) {
    const bit = KEY_USAGE[name];
    bits |= 0x8000 >> bit;
    highest = Math.max(highest, bit);
  }
  const bytes = highest < 8 ? Uint8Array.of(bits >> 8) : Uint8Array.of(bits >> 8, bits & 0xff);
  // DER: the unused bits are those after the last set bit.
  const lastByte = bytes[bytes.length - 1] as number;
  let unused = 0;
  while (unused < 7 && (lastByte & (1 << unused)) === 0) {
    unused += 1;
  }
  return der.bitString(bytes, unused);
}

/** '127.0.0.1' → 4 bytes, '::1' → 16 bytes; undefined for anything else. */
export function ipBytes(address: string): Uint8Array | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    return parts.every((part) => part <= 255) ? Uint8Array.from(parts) : undefined;
  }
  if (!/^[0-9a-fA-F:]+$/.test(address) || !address.includes(':')) {
    return undefined;
  }
  const [head = '', tail] = address.split('::');
  const groups = (text: string) => (text === '' ? [] : text.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0) || address.split('::').length > 2) {
    return undefined;
  }
  const all = [...left, ...Array<string>(missing).fill('0'), ...right];
  const out = new Uint8Array(16);
  for (const [index, group] of all.entries()) {
    if (group.length > 4) {
      return undefined;
    }
    const value = Number.parseInt(group, 16);
    out[index * 2] = value >> 8;
    out[index * 2 + 1] = value & 0xff;
  }
  return out;
}

function subjectAltName(names: SubjectAltNames): Uint8Array {
  const general: Uint8Array[] = [];
  for (const dns of names.dns ?? []) {
    general.push(tlv(0x82, new TextEncoder().encode(dns)));
  }
  for (const ip of names.ip ?? []) {
    const bytes = ipBytes(ip);
    if (bytes !== undefined) {
      general.push(tlv(0x87, bytes));
    }
  }
  return der.sequence(...general);
}

/** P1363 r‖s (WebCrypto's ECDSA output) → the DER Ecdsa-Sig-Value X.509 carries. */
function ecdsaDer(signature: Uint8Array): Uint8Array {
  const half = signature.length / 2;
  return der.sequence(der.integer(signature.subarray(0, half)), der.integer(signature.subarray(half)));
}

/** Builds and signs one certificate; returns its DER and PEM. */
export async function buildCertificate(
  spec: CertificateSpec,
  issuer: IssuerKey,
): Promise<{ der: Uint8Array; pem: string }> {
  const ecdsa = issuer.privateKey.algorithm.name === 'ECDSA';
  const algorithm = ecdsa
    ? der.sequence(der.oid(OID.ecdsaWithSha256))
    : der.sequence(der.oid(OID.sha256WithRsa), der.null());
  const subject = encodeName(spec.subject);
  const subjectKeyId = await keyIdentifier(spec.spki);
  const extensions: Uint8Array[] = [
    extension('2.5.29.19', true, spec.ca ? der.sequence(der.boolean(true)) : der.sequence()),
    extension('2.5.29.15', true, keyUsageBits(spec.keyUsage)),
    extension('2.5.29.14', false, der.octetString(subjectKeyId)),
  ];
  if (spec.authorityKeyId !== undefined) {
    extensions.push(
      extension('2.5.29.35', false, der.sequence(der.contextSpecific(0, spec.authorityKeyId, false))),
    );
  }
  if (spec.extendedKeyUsage !== undefined && spec.extendedKeyUsage.length > 0) {
    extensions.push(
      extension('2.5.29.37', false, der.sequence(...spec.extendedKeyUsage.map((oid) => der.oid(oid)))),
    );
  }
  if (spec.altNames !== undefined) {
    extensions.push(extension('2.5.29.17', false, subjectAltName(spec.altNames)));
  }
  const tbs = der.sequence(
    der.contextSpecific(0, der.integer(2n)),
    der.integer(spec.serialNumber),
    algorithm,
    spec.issuerDer ?? subject,
    der.sequence(encodeTime(spec.notBefore), encodeTime(spec.notAfter)),
    subject,
    spec.spki,
    der.contextSpecific(3, der.sequence(...extensions)),
  );
  const raw = new Uint8Array(
    await crypto.subtle.sign(
      ecdsa ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' },
      issuer.privateKey,
      tbs as Uint8Array<ArrayBuffer>,
    ),
  );
  const certificate = der.sequence(tbs, algorithm, der.bitString(ecdsa ? ecdsaDer(raw) : raw));
  return { der: certificate, pem: derToPem(certificate, 'CERTIFICATE') };
}

/** The Name DER of a subject string, for `issuerDer`. */
export function nameDer(subject: string): Uint8Array {
  return encodeName(subject);
}
