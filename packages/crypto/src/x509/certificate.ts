import {
  type Asn1Node,
  expectContext,
  expectSequence,
  isUniversal,
  oidToString,
  parseDer,
  readBitString,
  readInteger,
  readIntegerHex,
  readTime,
  TAG,
} from '../asn1/index.js';
import { CryptoError, isCryptoError } from '../errors.js';
import { GOST_OIDS } from '../gost/params.js';
import type { GostPublicKey } from '../gost/sign.js';
import { decodeSubjectPublicKeyInfo } from '../keys/public-key.js';
import { loadCertificateDer } from './load.js';
import { formatName } from './names.js';

export interface CertificateExtension {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
}

export interface Certificate {
  readonly der: Uint8Array;
  readonly tbsDer: Uint8Array;
  /** 1, 2 or 3. */
  readonly version: number;
  /** Serial number magnitude as lowercase hex. */
  readonly serialNumber: string;
  /** "CN=…,O=…" in encoding order. */
  readonly subject: string;
  readonly issuer: string;
  readonly subjectDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** OID of the SubjectPublicKeyInfo algorithm. */
  readonly publicKeyAlgorithm: string;
  /** SubjectPublicKeyInfo DER. */
  readonly spki: Uint8Array;
  /** Present when the key is GOST R 34.10-2012 256-bit on a supported parameter set. */
  readonly gostPublicKey?: GostPublicKey;
  /** OID of the outer signature algorithm. */
  readonly signatureAlgorithm: string;
  /** The signature BIT STRING content (64 bytes s ‖ r for GOST). */
  readonly signatureValue: Uint8Array;
  readonly extensions: readonly CertificateExtension[];
}

function invalid(message: string, cause?: unknown): never {
  throw new CryptoError('INVALID_CERTIFICATE', message, cause === undefined ? undefined : { cause });
}

function readExtensions(node: Asn1Node | undefined): CertificateExtension[] {
  if (!node) {
    return [];
  }
  const list = expectSequence(node.children[0], 'Extensions', 1);
  if (node.children.length !== 1) {
    invalid('Extensions wrapper must hold one SEQUENCE');
  }
  return list.children.map((ext) => {
    const seq = expectSequence(ext, 'Extension', 2);
    const oid = oidToString(seq.children[0] as Asn1Node);
    const hasCritical = seq.children.length === 3;
    const critical = hasCritical ? (seq.children[1] as Asn1Node).value[0] === 0xff : false;
    if (hasCritical && !isUniversal(seq.children[1] as Asn1Node, TAG.BOOLEAN)) {
      invalid('Extension critical flag must be BOOLEAN');
    }
    const valueNode = seq.children[hasCritical ? 2 : 1] as Asn1Node;
    if (!isUniversal(valueNode, TAG.OCTET_STRING) || seq.children.length > 3) {
      invalid('Extension value must be an OCTET STRING');
    }
    return { oid, critical, value: valueNode.value };
  });
}

/** A GOST key on a parameter set we do not support leaves gostPublicKey unset; a broken key fails. */
function readGostKey(spki: Asn1Node): GostPublicKey | undefined {
  try {
    return decodeSubjectPublicKeyInfo(spki);
  } catch (error) {
    if (isCryptoError(error) && error.code === 'UNSUPPORTED_PARAM_SET') {
      return undefined;
    }
    throw error;
  }
}

function algorithmOid(node: Asn1Node | undefined, what: string): string {
  const seq = expectSequence(node, what, 1);
  return oidToString(seq.children[0] as Asn1Node);
}

/** Parses an X.509 certificate given as PEM text or DER bytes. */
export function parseCertificate(input: Uint8Array | string): Certificate {
  const der = loadCertificateDer(input);
  try {
    return decodeCertificate(der);
  } catch (error) {
    if (isCryptoError(error) && error.code !== 'MALFORMED_DER') {
      throw error;
    }
    return invalid('Not a well-formed X.509 certificate', error);
  }
}

function decodeCertificate(der: Uint8Array): Certificate {
  const root = expectSequence(parseDer(der), 'Certificate', 3);
  if (root.children.length !== 3) {
    invalid('Certificate must have exactly three elements');
  }
  const tbs = expectSequence(root.children[0], 'TBSCertificate', 6);
  const fields = [...tbs.children];
  let version = 1;
  const first = fields[0] as Asn1Node;
  if (first.tagClass === 'context' && first.tag === 0) {
    const versionNode = expectContext(first, 0, 'version');
    version = Number(readInteger(versionNode.children[0] as Asn1Node)) + 1;
    if (versionNode.children.length !== 1 || version < 1 || version > 3) {
      invalid('Unsupported certificate version');
    }
    fields.shift();
  }
  const [serial, innerAlgorithm, issuer, validity, subject, spki, ...rest] = fields;
  if (!serial || !spki) {
    invalid('TBSCertificate is missing fields');
  }
  const serialNumber = readIntegerHex(serial);
  algorithmOid(innerAlgorithm, 'TBSCertificate.signature');
  const validitySeq = expectSequence(validity, 'Validity', 2);
  const extensionsNode = rest.find((node) => node.tagClass === 'context' && node.tag === 3);
  const signatureAlgorithm = algorithmOid(root.children[1], 'signatureAlgorithm');
  if (algorithmOid(innerAlgorithm, 'TBSCertificate.signature') !== signatureAlgorithm) {
    invalid('Inner and outer signature algorithms differ');
  }
  const spkiSeq = expectSequence(spki, 'SubjectPublicKeyInfo', 2);
  const publicKeyAlgorithm = algorithmOid(spkiSeq.children[0], 'SubjectPublicKeyInfo.algorithm');
  let gostPublicKey: GostPublicKey | undefined;
  if (publicKeyAlgorithm === GOST_OIDS.gost3410_2012_256) {
    gostPublicKey = readGostKey(spkiSeq);
  }
  const issuerNode = expectSequence(issuer, 'issuer');
  const subjectNode = expectSequence(subject, 'subject');
  const certificate: Certificate = {
    der,
    tbsDer: tbs.raw,
    version,
    serialNumber,
    subject: formatName(subjectNode),
    issuer: formatName(issuerNode),
    subjectDer: subjectNode.raw,
    issuerDer: issuerNode.raw,
    notBefore: readTime(validitySeq.children[0] as Asn1Node),
    notAfter: readTime(validitySeq.children[1] as Asn1Node),
    publicKeyAlgorithm,
    spki: spkiSeq.raw,
    signatureAlgorithm,
    signatureValue: readBitString(root.children[2] as Asn1Node),
    extensions: readExtensions(extensionsNode),
    ...(gostPublicKey ? { gostPublicKey } : {}),
  };
  return certificate;
}
