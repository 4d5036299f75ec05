import { CryptoError } from '../errors.js';
import { type Asn1Node, TAG } from './node.js';

/** Typed readers for decoded nodes. Each checks the tag and throws CryptoError('MALFORMED_DER'). */

function fail(message: string, node: Asn1Node): never {
  throw new CryptoError('MALFORMED_DER', `Malformed DER at byte ${node.offset}: ${message}`);
}

export function isUniversal(node: Asn1Node, tag: number): boolean {
  return node.tagClass === 'universal' && node.tag === tag;
}

export function expectUniversal(node: Asn1Node | undefined, tag: number, what: string): Asn1Node {
  if (!node) {
    throw new CryptoError('MALFORMED_DER', `Malformed DER: missing ${what}`);
  }
  if (!isUniversal(node, tag)) {
    fail(`expected ${what}`, node);
  }
  return node;
}

export function expectSequence(node: Asn1Node | undefined, what: string, minChildren = 0): Asn1Node {
  const seq = expectUniversal(node, TAG.SEQUENCE, what);
  if (seq.children.length < minChildren) {
    fail(`${what} has too few elements`, seq);
  }
  return seq;
}

export function expectContext(node: Asn1Node | undefined, tag: number, what: string): Asn1Node {
  if (!node) {
    throw new CryptoError('MALFORMED_DER', `Malformed DER: missing ${what}`);
  }
  if (node.tagClass !== 'context' || node.tag !== tag) {
    fail(`expected [${tag}] ${what}`, node);
  }
  return node;
}

export function oidToString(node: Asn1Node): string {
  if (!isUniversal(node, TAG.OID)) {
    fail('expected OBJECT IDENTIFIER', node);
  }
  const arcs: bigint[] = [];
  let value = 0n;
  let fresh = true;
  for (const byte of node.value) {
    if (fresh && byte === 0x80) {
      fail('non-minimal OID arc', node);
    }
    value = (value << 7n) | BigInt(byte & 0x7f);
    fresh = (byte & 0x80) === 0;
    if (fresh) {
      arcs.push(value);
      value = 0n;
    }
  }
  if (!fresh || arcs.length === 0) {
    fail('truncated OID', node);
  }
  const first = arcs[0] as bigint;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].map(String).join('.');
}

/** INTEGER as a signed bigint. */
export function readInteger(node: Asn1Node): bigint {
  if (!isUniversal(node, TAG.INTEGER)) {
    fail('expected INTEGER', node);
  }
  let value = 0n;
  for (const byte of node.value) {
    value = (value << 8n) | BigInt(byte);
  }
  if (((node.value[0] as number) & 0x80) !== 0) {
    value -= 1n << BigInt(8 * node.value.length);
  }
  return value;
}

/** INTEGER's magnitude as hex (lowercase, at least two digits), the way certificates show serials. */
export function readIntegerHex(node: Asn1Node): string {
  if (!isUniversal(node, TAG.INTEGER)) {
    fail('expected INTEGER', node);
  }
  let bytes = node.value;
  if (bytes.length > 1 && bytes[0] === 0) {
    bytes = bytes.subarray(1);
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function readOctetString(node: Asn1Node): Uint8Array {
  if (!isUniversal(node, TAG.OCTET_STRING)) {
    fail('expected OCTET STRING', node);
  }
  return node.value;
}

/** BIT STRING content; only whole-byte strings (unused bits = 0), which is what keys and signatures use. */
export function readBitString(node: Asn1Node): Uint8Array {
  if (!isUniversal(node, TAG.BIT_STRING)) {
    fail('expected BIT STRING', node);
  }
  if (node.value[0] !== 0) {
    fail('BIT STRING with unused bits where whole bytes are expected', node);
  }
  return node.value.subarray(1);
}

export function readBoolean(node: Asn1Node): boolean {
  if (!isUniversal(node, TAG.BOOLEAN)) {
    fail('expected BOOLEAN', node);
  }
  return node.value[0] === 0xff;
}

/** Any of the ASN.1 character string types a certificate name may use. */
export function readString(node: Asn1Node): string {
  if (node.tagClass !== 'universal') {
    fail('expected a string', node);
  }
  const bytes = node.value;
  switch (node.tag) {
    case TAG.UTF8_STRING:
      return decodeUtf8(bytes, node);
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.NUMERIC_STRING:
    case TAG.TELETEX_STRING:
      // Teletex is read as Latin-1: the common practice for certificates
      return latin1(bytes);
    case TAG.BMP_STRING: {
      if (bytes.length % 2 !== 0) {
        fail('odd-length BMPString', node);
      }
      let text = '';
      for (let i = 0; i < bytes.length; i += 2) {
        text += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
      }
      return text;
    }
    case TAG.UNIVERSAL_STRING: {
      if (bytes.length % 4 !== 0) {
        fail('bad UniversalString length', node);
      }
      let text = '';
      for (let i = 0; i < bytes.length; i += 4) {
        const cp =
          (((bytes[i] as number) << 24) |
            ((bytes[i + 1] as number) << 16) |
            ((bytes[i + 2] as number) << 8) |
            (bytes[i + 3] as number)) >>>
          0;
        if (cp > 0x10ffff) {
          fail('bad UniversalString code point', node);
        }
        text += String.fromCodePoint(cp);
      }
      return text;
    }
    default:
      return fail('expected a string', node);
  }
}

/** Bytes as code points 0–255, without spreading (large inputs would overflow the call stack). */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    text += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 4096)));
  }
  return text;
}

function decodeUtf8(bytes: Uint8Array, node: Asn1Node): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('invalid UTF-8', node);
  }
}

/** UTCTime or GeneralizedTime (DER form: seconds present, "Z"). */
export function readTime(node: Asn1Node): Date {
  const text = latin1(node.value);
  let match: RegExpExecArray | null = null;
  let year: number;
  if (isUniversal(node, TAG.UTC_TIME)) {
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!match) {
      fail('bad UTCTime', node);
    }
    const yy = Number(match[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (isUniversal(node, TAG.GENERALIZED_TIME)) {
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d*[1-9])?Z$/.exec(text);
    if (!match) {
      fail('bad GeneralizedTime', node);
    }
    year = Number(match[1]);
  } else {
    return fail('expected a time', node);
  }
  const [month, day, hour, minute, second] = match.slice(2, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (month < 1 || month > 12 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    fail('time out of range', node);
  }
  if (year < 100) {
    date.setUTCFullYear(year);
  }
  return date;
}
