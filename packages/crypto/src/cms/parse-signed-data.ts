import { type Asn1Node, oidToString, parseDer } from '../asn1/index.js';
import { CryptoError } from '../errors.js';
import { concatBytes } from '../integrity/bytes.js';
import { CMS_OIDS } from './oids.js';

export interface ParsedSignerInfo {
  /** Raw DER of the issuer Name and serial INTEGER (IssuerAndSerialNumber), to find the certificate. */
  issuer: Uint8Array;
  serial: Uint8Array;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  signature: Uint8Array;
  /** Present when the SignerInfo has signed attributes. `der` is the SET (tag 0x31) the signature covers. */
  signedAttributes?: {
    der: Uint8Array;
    contentType?: string;
    messageDigest?: Uint8Array;
    signingTime?: Date;
  };
}

export interface ParsedSignedData {
  contentType: string;
  /** Embedded content when the SignedData is attached; undefined for detached. */
  content?: Uint8Array;
  /** DER of every certificate carried. */
  certificates: Uint8Array[];
  signerInfos: ParsedSignerInfo[];
}

const UNIVERSAL = {
  integer: 2,
  octetString: 4,
  oid: 6,
  sequence: 16,
  set: 17,
  utcTime: 23,
  generalizedTime: 24,
};

function malformed(what: string): CryptoError {
  return new CryptoError('MALFORMED_CMS', `CMS SignedData: ${what}`);
}

function expect(node: Asn1Node | undefined, tag: number, what: string): Asn1Node {
  if (node?.tagClass !== 'universal' || node.tag !== tag) {
    throw malformed(`expected ${what}`);
  }
  return node;
}

function readTime(node: Asn1Node): Date {
  const text = new TextDecoder().decode(node.value);
  const match =
    node.tag === UNIVERSAL.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) {
    throw malformed('signingTime is not a UTCTime or GeneralizedTime in UTC');
  }
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const year = node.tag === UNIVERSAL.utcTime ? (y >= 50 ? 1900 + y : 2000 + y) : y;
  return new Date(Date.UTC(year, mo - 1, d, h, mi, s));
}

function parseAttributes(node: Asn1Node): NonNullable<ParsedSignerInfo['signedAttributes']> {
  // [0] IMPLICIT SET OF Attribute: the signature covers the same content under a SET tag (0x31).
  const der = concatBytes(Uint8Array.of(0x31), node.raw.subarray(1));
  const result: NonNullable<ParsedSignerInfo['signedAttributes']> = { der };
  for (const attribute of node.children) {
    expect(attribute, UNIVERSAL.sequence, 'Attribute SEQUENCE');
    const type = oidToString(expect(attribute.children[0], UNIVERSAL.oid, 'attribute type'));
    const value = expect(attribute.children[1], UNIVERSAL.set, 'attribute values').children[0];
    if (!value) {
      throw malformed('attribute without a value');
    }
    if (type === CMS_OIDS.contentType) {
      result.contentType = oidToString(expect(value, UNIVERSAL.oid, 'contentType OID'));
    } else if (type === CMS_OIDS.messageDigest) {
      result.messageDigest = expect(value, UNIVERSAL.octetString, 'messageDigest OCTET STRING').value;
    } else if (type === CMS_OIDS.signingTime) {
      result.signingTime = readTime(value);
    }
  }
  return result;
}

function parseSignerInfo(node: Asn1Node): ParsedSignerInfo {
  const parts = expect(node, UNIVERSAL.sequence, 'SignerInfo').children;
  const sid = expect(
    parts[1],
    UNIVERSAL.sequence,
    'IssuerAndSerialNumber (subjectKeyIdentifier is not supported)',
  );
  const issuer = expect(sid.children[0], UNIVERSAL.sequence, 'issuer Name');
  const serial = expect(sid.children[1], UNIVERSAL.integer, 'serial number');
  const digestAlgorithm = oidToString(
    expect(expect(parts[2], UNIVERSAL.sequence, 'digestAlgorithm').children[0], UNIVERSAL.oid, 'digest OID'),
  );
  let index = 3;
  let signedAttributes: ParsedSignerInfo['signedAttributes'];
  const maybeAttrs = parts[index];
  if (maybeAttrs?.tagClass === 'context' && maybeAttrs.tag === 0) {
    signedAttributes = parseAttributes(maybeAttrs);
    index++;
  }
  const signatureAlgorithm = oidToString(
    expect(
      expect(parts[index], UNIVERSAL.sequence, 'signatureAlgorithm').children[0],
      UNIVERSAL.oid,
      'signature OID',
    ),
  );
  const signature = expect(parts[index + 1], UNIVERSAL.octetString, 'signature OCTET STRING').value;
  return {
    issuer: issuer.raw,
    serial: serial.raw,
    digestAlgorithm,
    signatureAlgorithm,
    signature,
    ...(signedAttributes ? { signedAttributes } : {}),
  };
}

/** Parses a DER ContentInfo holding SignedData. Structural problems → CryptoError('MALFORMED_CMS'). */
export function parseSignedData(input: Uint8Array): ParsedSignedData {
  let root: Asn1Node;
  try {
    root = parseDer(input);
  } catch (cause) {
    throw new CryptoError('MALFORMED_CMS', 'CMS SignedData is not valid DER', { cause });
  }
  const contentInfo = expect(root, UNIVERSAL.sequence, 'ContentInfo SEQUENCE');
  if (oidToString(expect(contentInfo.children[0], UNIVERSAL.oid, 'contentType')) !== CMS_OIDS.signedData) {
    throw malformed('content type is not signedData');
  }
  const explicit = contentInfo.children[1];
  if (explicit?.tagClass !== 'context' || explicit.tag !== 0) {
    throw malformed('missing [0] content');
  }
  const fields = expect(explicit.children[0], UNIVERSAL.sequence, 'SignedData SEQUENCE').children;
  const encap = expect(fields[2], UNIVERSAL.sequence, 'EncapsulatedContentInfo');
  const contentType = oidToString(expect(encap.children[0], UNIVERSAL.oid, 'eContentType'));
  const eContent = encap.children[1];
  const content = eContent
    ? expect(eContent.children[0], UNIVERSAL.octetString, 'eContent OCTET STRING').value
    : undefined;
  const certificates: Uint8Array[] = [];
  let index = 3;
  while (fields[index]?.tagClass === 'context') {
    const field = fields[index] as Asn1Node;
    if (field.tag === 0) {
      for (const certificate of field.children) {
        if (certificate.tagClass === 'universal' && certificate.tag === UNIVERSAL.sequence) {
          certificates.push(certificate.raw);
        }
      }
    }
    index++;
  }
  const signerInfos = expect(fields[index], UNIVERSAL.set, 'SignerInfos SET').children.map(parseSignerInfo);
  if (signerInfos.length === 0) {
    throw malformed('no SignerInfo');
  }
  return { contentType, ...(content ? { content } : {}), certificates, signerInfos };
}
