import {
  type Asn1Node,
  der,
  expectSequence,
  expectUniversal,
  oidToString,
  readString,
  TAG,
  tlv,
} from '../asn1/index.js';
import { CryptoError } from '../errors.js';

/*
 * Distinguished names as text: "CN=Test,O=Org". The order in the string is the encoding order
 * (as `openssl -subj /CN=Test/O=Org` writes), not RFC 4514's reversed order, so a name survives a
 * create → parse round trip unchanged. Multi-valued RDNs are joined with "+".
 */

const SHORT_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['CN', '2.5.4.3'],
  ['SN', '2.5.4.4'],
  ['SERIALNUMBER', '2.5.4.5'],
  ['C', '2.5.4.6'],
  ['L', '2.5.4.7'],
  ['ST', '2.5.4.8'],
  ['STREET', '2.5.4.9'],
  ['O', '2.5.4.10'],
  ['OU', '2.5.4.11'],
  ['T', '2.5.4.12'],
  ['GN', '2.5.4.42'],
  ['E', '1.2.840.113549.1.9.1'],
  ['OGRN', '1.2.643.100.1'],
  ['SNILS', '1.2.643.100.3'],
  ['INNLE', '1.2.643.100.4'],
  ['OGRNIP', '1.2.643.100.5'],
  ['INN', '1.2.643.3.131.1.1'],
];
const NAME_TO_OID = new Map(SHORT_NAMES.map(([name, oid]) => [name, oid]));
const OID_TO_NAME = new Map(SHORT_NAMES.map(([name, oid]) => [oid, name]));
/** Attributes whose values are PrintableString / NumericString / IA5String by their definitions. */
const PRINTABLE = new Set([
  '2.5.4.6',
  '2.5.4.5',
  '1.2.643.100.1',
  '1.2.643.100.3',
  '1.2.643.100.4',
  '1.2.643.100.5',
]);
const NUMERIC = new Set(['1.2.643.3.131.1.1']);
const IA5 = new Set(['1.2.840.113549.1.9.1']);

function escapeValue(value: string): string {
  return value
    .replace(/[\\,+="<>;]/g, (ch) => `\\${ch}`)
    .replace(/^[ #]/, (ch) => `\\${ch}`)
    .replace(/ $/, '\\ ');
}

export function formatName(name: Asn1Node): string {
  const seq = expectSequence(name, 'Name');
  return seq.children
    .map((rdn) => {
      const set = expectUniversal(rdn, TAG.SET, 'RelativeDistinguishedName');
      if (set.children.length === 0) {
        throw new CryptoError('MALFORMED_DER', 'Empty RelativeDistinguishedName');
      }
      return set.children
        .map((attr) => {
          const pair = expectSequence(attr, 'AttributeTypeAndValue', 2);
          const oid = oidToString(pair.children[0] as Asn1Node);
          return `${OID_TO_NAME.get(oid) ?? oid}=${escapeValue(readString(pair.children[1] as Asn1Node))}`;
        })
        .join('+');
    })
    .join(',');
}

/** Splits on an unescaped separator. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + (text[i + 1] as string);
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function unescapeValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

function encodeValue(oid: string, value: string): Uint8Array {
  if (NUMERIC.has(oid)) {
    if (!/^[0-9 ]*$/.test(value)) {
      throw new CryptoError('INVALID_INPUT', `Attribute ${oid} takes digits only`);
    }
    return tlv(
      TAG.NUMERIC_STRING,
      Uint8Array.from(value, (c) => c.charCodeAt(0)),
    );
  }
  if (PRINTABLE.has(oid)) {
    return der.printableString(value);
  }
  if (IA5.has(oid)) {
    return der.ia5String(value);
  }
  return der.utf8String(value);
}

/** Encodes "CN=Test,O=Org" (names as in formatName, or dotted OIDs) as a DER Name. */
export function encodeName(text: string): Uint8Array {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new CryptoError('INVALID_INPUT', 'Subject name must not be empty');
  }
  const rdns = splitUnescaped(text, ',').map((rdn) => {
    const attributes = splitUnescaped(rdn, '+').map((pair) => {
      const eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new CryptoError('INVALID_INPUT', 'Name attributes must look like "CN=value"');
      }
      const type = pair.slice(0, eq).trim();
      const oid = NAME_TO_OID.get(type.toUpperCase()) ?? (/^\d+(\.\d+)+$/.test(type) ? type : undefined);
      if (!oid) {
        throw new CryptoError('INVALID_INPUT', `Unknown name attribute "${type}"`);
      }
      return der.sequence(der.oid(oid), encodeValue(oid, unescapeValue(pair.slice(eq + 1).trim())));
    });
    return der.set(...attributes);
  });
  return der.sequence(...rdns);
}
