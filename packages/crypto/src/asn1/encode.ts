import { CryptoError } from '../errors.js';
import { concatBytes } from '../integrity/bytes.js';
import { TAG } from './node.js';

/** DER encoders. Each returns the complete TLV bytes. */

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) {
    return Uint8Array.of(length);
  }
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) {
    bytes.unshift(n & 0xff);
  }
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** TLV with a low tag number (< 31) and the given identifier bits. */
export function tlv(identifier: number, content: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(identifier), encodeLength(content.length), content);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      return (a[i] as number) - (b[i] as number);
    }
  }
  return a.length - b.length;
}

function encodeOid(dotted: string): Uint8Array {
  if (!/^[0-2](\.(0|[1-9]\d*))+$/.test(dotted)) {
    throw new CryptoError('INVALID_INPUT', `Not a dotted OID: ${dotted}`);
  }
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  const [first, second, ...rest] = arcs as [bigint, bigint, ...bigint[]];
  if (first < 2n && second > 39n) {
    throw new CryptoError('INVALID_INPUT', `Invalid OID second arc: ${dotted}`);
  }
  const out: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) {
      chunk.unshift(Number(v & 0x7fn) | 0x80);
    }
    out.push(...chunk);
  }
  return Uint8Array.from(out);
}

function encodeIntegerContent(value: bigint | Uint8Array): Uint8Array {
  if (value instanceof Uint8Array) {
    // unsigned big-endian magnitude: strip leading zeros, add one if the top bit is set
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) {
      start++;
    }
    const trimmed = value.subarray(start);
    if (trimmed.length === 0) {
      return Uint8Array.of(0);
    }
    return ((trimmed[0] as number) & 0x80) !== 0 ? concatBytes(Uint8Array.of(0), trimmed) : trimmed.slice();
  }
  // two's complement in the fewest bytes that hold the value
  let length = 1;
  while (value >= 1n << BigInt(8 * length - 1) || value < -(1n << BigInt(8 * length - 1))) {
    length++;
  }
  let v = value < 0n ? (1n << BigInt(8 * length)) + value : value;
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function timeDigits(date: Date): string {
  if (Number.isNaN(date.getTime())) {
    throw new CryptoError('INVALID_INPUT', 'Invalid date');
  }
  return `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

export const der = {
  sequence: (...children: Uint8Array[]): Uint8Array => tlv(0x30, concatBytes(...children)),
  /** SET OF with elements sorted by their encodings, as DER demands. */
  set: (...children: Uint8Array[]): Uint8Array => tlv(0x31, concatBytes(...[...children].sort(compareBytes))),
  oid: (dotted: string): Uint8Array => tlv(TAG.OID, encodeOid(dotted)),
  /** bigint: two's complement; Uint8Array: an unsigned big-endian magnitude. */
  integer: (value: bigint | Uint8Array): Uint8Array => tlv(TAG.INTEGER, encodeIntegerContent(value)),
  octetString: (bytes: Uint8Array): Uint8Array => tlv(TAG.OCTET_STRING, bytes),
  bitString: (bytes: Uint8Array, unusedBits = 0): Uint8Array => {
    if (
      !Number.isInteger(unusedBits) ||
      unusedBits < 0 ||
      unusedBits > 7 ||
      (bytes.length === 0 && unusedBits !== 0)
    ) {
      throw new CryptoError('INVALID_INPUT', 'BIT STRING unused bits must be 0…7');
    }
    return tlv(TAG.BIT_STRING, concatBytes(Uint8Array.of(unusedBits), bytes));
  },
  null: (): Uint8Array => Uint8Array.of(TAG.NULL, 0),
  boolean: (value: boolean): Uint8Array => Uint8Array.of(TAG.BOOLEAN, 1, value ? 0xff : 0),
  utf8String: (text: string): Uint8Array => tlv(TAG.UTF8_STRING, new TextEncoder().encode(text)),
  printableString: (text: string): Uint8Array => {
    if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text)) {
      throw new CryptoError(
        'INVALID_INPUT',
        "PrintableString allows only A–Z a–z 0–9 and ' ( ) + , - . / : = ? space",
      );
    }
    return tlv(TAG.PRINTABLE_STRING, ascii(text));
  },
  ia5String: (text: string): Uint8Array => {
    if ([...text].some((ch) => ch.charCodeAt(0) > 0x7f)) {
      throw new CryptoError('INVALID_INPUT', 'IA5String allows ASCII only');
    }
    return tlv(TAG.IA5_STRING, ascii(text));
  },
  /** UTCTime YYMMDDHHMMSSZ; only years 1950–2049 fit. */
  utcTime: (date: Date): Uint8Array => {
    const year = date.getUTCFullYear();
    if (year < 1950 || year > 2049) {
      throw new CryptoError('INVALID_INPUT', 'UTCTime covers years 1950–2049 only');
    }
    return tlv(TAG.UTC_TIME, ascii(pad(year % 100) + timeDigits(date)));
  },
  generalizedTime: (date: Date): Uint8Array => {
    const year = date.getUTCFullYear();
    if (year < 0 || year > 9999) {
      throw new CryptoError('INVALID_INPUT', 'GeneralizedTime year out of range');
    }
    return tlv(TAG.GENERALIZED_TIME, ascii(pad(year, 4) + timeDigits(date)));
  },
  /** [tag] content: constructed (explicit tagging, the default) or primitive (implicit). */
  contextSpecific: (tag: number, content: Uint8Array, constructed = true): Uint8Array => {
    if (!Number.isInteger(tag) || tag < 0 || tag > 30) {
      throw new CryptoError('INVALID_INPUT', 'Context tag must be 0…30');
    }
    return tlv(0x80 | (constructed ? 0x20 : 0) | tag, content);
  },
  /** Already encoded elements joined, e.g. for SEQUENCE OF content. */
  concat: (...parts: Uint8Array[]): Uint8Array => concatBytes(...parts),
};
