import { CryptoError } from '../errors.js';
import { type Asn1Node, TAG } from './node.js';

export interface ParseDerOptions {
  /** Maximum nesting depth; deeper input is rejected (default 32). */
  readonly maxDepth?: number;
}

const CLASSES = ['universal', 'application', 'context', 'private'] as const;
/** Universal types that DER requires to be primitive / constructed. */
const MUST_BE_PRIMITIVE = new Set<number>([
  TAG.BOOLEAN,
  TAG.INTEGER,
  TAG.BIT_STRING,
  TAG.OCTET_STRING,
  TAG.NULL,
  TAG.OID,
  TAG.UTF8_STRING,
  TAG.NUMERIC_STRING,
  TAG.PRINTABLE_STRING,
  TAG.TELETEX_STRING,
  TAG.IA5_STRING,
  TAG.UTC_TIME,
  TAG.GENERALIZED_TIME,
  TAG.UNIVERSAL_STRING,
  TAG.BMP_STRING,
]);
const MUST_BE_CONSTRUCTED = new Set<number>([TAG.SEQUENCE, TAG.SET]);

function fail(message: string, offset: number): never {
  throw new CryptoError('MALFORMED_DER', `Malformed DER at byte ${offset}: ${message}`);
}

/**
 * Strict DER decoder: definite minimal lengths, minimal tag numbers, the whole input must be one
 * element, DER rules for BOOLEAN/INTEGER/NULL/BIT STRING, and a nesting limit. Every violation is a
 * CryptoError('MALFORMED_DER') that names the offset, never the content.
 */
export function parseDer(bytes: Uint8Array, options: ParseDerOptions = {}): Asn1Node {
  if (!(bytes instanceof Uint8Array)) {
    throw new CryptoError('INVALID_INPUT', 'parseDer expects a Uint8Array');
  }
  if (bytes.length === 0) {
    fail('empty input', 0);
  }
  const maxDepth = options.maxDepth ?? 32;
  const node = parseElement(bytes, 0, bytes.length, 0, maxDepth);
  if (node.offset + node.raw.length !== bytes.length) {
    fail('trailing bytes after the outer element', node.raw.length);
  }
  return node;
}

function parseElement(
  bytes: Uint8Array,
  start: number,
  end: number,
  depth: number,
  maxDepth: number,
): Asn1Node {
  if (depth > maxDepth) {
    fail(`nesting deeper than ${maxDepth}`, start);
  }
  let pos = start;
  if (pos >= end) {
    fail('missing tag', pos);
  }
  const first = bytes[pos++] as number;
  const tagClass = CLASSES[first >> 6] as Asn1Node['tagClass'];
  const constructed = (first & 0x20) !== 0;
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    let count = 0;
    for (;;) {
      if (pos >= end) {
        fail('truncated tag', pos);
      }
      const byte = bytes[pos++] as number;
      if (count === 0 && byte === 0x80) {
        fail('non-minimal tag number', pos - 1);
      }
      tag = tag * 128 + (byte & 0x7f);
      if (++count > 4) {
        fail('tag number too large', pos - 1);
      }
      if ((byte & 0x80) === 0) {
        break;
      }
    }
    if (tag < 0x1f) {
      fail('non-minimal tag number', start);
    }
  }
  if (pos >= end) {
    fail('missing length', pos);
  }
  const lengthByte = bytes[pos++] as number;
  let length: number;
  if (lengthByte < 0x80) {
    length = lengthByte;
  } else if (lengthByte === 0x80) {
    fail('indefinite length is not DER', pos - 1);
  } else {
    const count = lengthByte & 0x7f;
    if (count > 4) {
      fail('length too large', pos - 1);
    }
    if (pos + count > end) {
      fail('truncated length', pos);
    }
    if (bytes[pos] === 0) {
      fail('non-minimal length', pos);
    }
    length = 0;
    for (let i = 0; i < count; i++) {
      length = length * 256 + (bytes[pos++] as number);
    }
    if (length < 0x80) {
      fail('non-minimal length', pos - count - 1);
    }
  }
  const headerLength = pos - start;
  if (length > end - pos) {
    fail('length exceeds the available bytes', start);
  }
  const valueEnd = pos + length;
  const value = bytes.subarray(pos, valueEnd);
  if (tagClass === 'universal') {
    checkUniversal(tag, constructed, value, start);
  }
  const children: Asn1Node[] = [];
  if (constructed) {
    let childPos = pos;
    while (childPos < valueEnd) {
      const child = parseElement(bytes, childPos, valueEnd, depth + 1, maxDepth);
      children.push(child);
      childPos += child.raw.length;
    }
  }
  return {
    tagClass,
    tag,
    constructed,
    offset: start,
    headerLength,
    value,
    children,
    raw: bytes.subarray(start, valueEnd),
  };
}

function checkUniversal(tag: number, constructed: boolean, value: Uint8Array, offset: number): void {
  if (tag === 0) {
    fail('universal tag 0 (end-of-contents) is not DER', offset);
  }
  if (constructed && MUST_BE_PRIMITIVE.has(tag)) {
    fail(`universal type ${tag} must be primitive`, offset);
  }
  if (!constructed && MUST_BE_CONSTRUCTED.has(tag)) {
    fail(`universal type ${tag} must be constructed`, offset);
  }
  switch (tag) {
    case TAG.BOOLEAN:
      if (value.length !== 1 || (value[0] !== 0 && value[0] !== 0xff)) {
        fail('BOOLEAN must be 0x00 or 0xFF', offset);
      }
      break;
    case TAG.INTEGER:
      if (value.length === 0) {
        fail('empty INTEGER', offset);
      }
      if (
        value.length > 1 &&
        ((value[0] === 0 && ((value[1] as number) & 0x80) === 0) ||
          (value[0] === 0xff && ((value[1] as number) & 0x80) !== 0))
      ) {
        fail('non-minimal INTEGER', offset);
      }
      break;
    case TAG.NULL:
      if (value.length !== 0) {
        fail('NULL with content', offset);
      }
      break;
    case TAG.BIT_STRING: {
      if (value.length === 0) {
        fail('empty BIT STRING', offset);
      }
      const unused = value[0] as number;
      if (unused > 7 || (value.length === 1 && unused !== 0)) {
        fail('bad BIT STRING padding', offset);
      }
      if (unused > 0 && ((value[value.length - 1] as number) & ((1 << unused) - 1)) !== 0) {
        fail('BIT STRING padding bits must be zero', offset);
      }
      break;
    }
    case TAG.OID:
      if (value.length === 0 || ((value[value.length - 1] as number) & 0x80) !== 0) {
        fail('malformed OID', offset);
      }
      break;
    default:
      break;
  }
}
