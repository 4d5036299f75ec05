import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  der,
  derToPem,
  oidToString,
  parseDer,
  pemToDer,
  readBitString,
  readBoolean,
  readInteger,
  readString,
  readTime,
} from '../src/asn1/index.js';
import { codeOf } from './helpers/error-code.js';

const bytes = (hex: string): Uint8Array =>
  Uint8Array.from(hex.replace(/\s/g, '').match(/../g) ?? [], (h) => Number.parseInt(h, 16));
const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('DER encoding', () => {
  it('encodes integers in minimal two’s complement', () => {
    const cases: [bigint, string][] = [
      [0n, '020100'],
      [127n, '02017f'],
      [128n, '02020080'],
      [256n, '02020100'],
      [-1n, '0201ff'],
      [-128n, '020180'],
      [-129n, '0202ff7f'],
    ];
    for (const [value, encoded] of cases) {
      expect(hex(der.integer(value))).toBe(encoded);
      expect(readInteger(parseDer(der.integer(value)))).toBe(value);
    }
    expect(hex(der.integer(Uint8Array.of(0, 0, 0x80)))).toBe('02020080');
  });

  it('integers round-trip for any bigint', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }),
        (v) => readInteger(parseDer(der.integer(v))) === v,
      ),
    );
  });

  it('encodes OIDs and reads them back', () => {
    expect(hex(der.oid('1.2.643.7.1.1.1.1'))).toBe('06082a850307010101 01'.replace(' ', ''));
    for (const oid of ['1.2.643.7.1.2.1.1.1', '2.5.29.19', '1.2.840.113549.1.9.1', '2.999.3', '0.39']) {
      expect(oidToString(parseDer(der.oid(oid)))).toBe(oid);
    }
    expect(codeOf(() => der.oid('1.40'))).toBe('INVALID_INPUT');
    expect(codeOf(() => der.oid('nope'))).toBe('INVALID_INPUT');
  });

  it('long lengths use the minimal long form', () => {
    const content = new Uint8Array(300);
    expect(hex(der.octetString(content).subarray(0, 4))).toBe('0482012c');
    expect(parseDer(der.octetString(content)).value.length).toBe(300);
  });

  it('SET is DER-sorted', () => {
    const set = der.set(der.integer(5n), der.integer(1n), der.boolean(true));
    expect(parseDer(set).children.map((c) => hex(c.raw))).toEqual(['0101ff', '020101', '020105']);
  });

  it('times: UTCTime before 2050, GeneralizedTime otherwise', () => {
    const date = new Date('2026-11-23T15:04:05Z');
    expect(new TextDecoder().decode(parseDer(der.utcTime(date)).value)).toBe('261123150405Z');
    expect(readTime(parseDer(der.utcTime(date))).toISOString()).toBe(date.toISOString());
    expect(readTime(parseDer(der.utcTime(new Date('1999-01-01T00:00:00Z')))).getUTCFullYear()).toBe(1999);
    const far = new Date('2051-02-03T04:05:06Z');
    expect(readTime(parseDer(der.generalizedTime(far))).toISOString()).toBe(far.toISOString());
    expect(codeOf(() => der.utcTime(far))).toBe('INVALID_INPUT');
    expect(codeOf(() => readTime(parseDer(bytes('170d3236313331333135303430355a'))))).toBe('MALFORMED_DER'); // month 13
    expect(codeOf(() => readTime(parseDer(bytes('170b323631313233313530345a'))))).toBe('MALFORMED_DER'); // no seconds
  });

  it('reads very long strings without overflowing the stack', () => {
    const long = 'A'.repeat(300_000);
    expect(readString(parseDer(der.printableString(long))).length).toBe(300_000);
    expect(codeOf(() => readTime(parseDer(der.printableString(long))))).toBe('MALFORMED_DER');
  });

  it('strings, booleans, bit strings and context tags', () => {
    expect(readString(parseDer(der.utf8String('Привет')))).toBe('Привет');
    expect(readString(parseDer(der.printableString('RU')))).toBe('RU');
    expect(readString(parseDer(bytes('1e0404100430')))).toBe('\u0410\u0430');
    expect(codeOf(() => der.printableString('ü'))).toBe('INVALID_INPUT');
    expect(codeOf(() => readString(parseDer(bytes('0c02c328'))))).toBe('MALFORMED_DER');
    expect(readBoolean(parseDer(der.boolean(false)))).toBe(false);
    expect(readBitString(parseDer(der.bitString(Uint8Array.of(1, 2))))).toEqual(Uint8Array.of(1, 2));
    expect(codeOf(() => readBitString(parseDer(der.bitString(Uint8Array.of(0x80), 7))))).toBe(
      'MALFORMED_DER',
    );
    const tagged = parseDer(der.contextSpecific(3, der.null()));
    expect([tagged.tagClass, tagged.tag, tagged.constructed, tagged.children.length]).toEqual([
      'context',
      3,
      true,
      1,
    ]);
    expect(parseDer(der.contextSpecific(1, Uint8Array.of(7), false)).constructed).toBe(false);
  });
});

describe('strict DER decoding', () => {
  const malformed: [string, string][] = [
    ['empty input', ''],
    ['indefinite length', '3080020101 0000'],
    ['non-minimal short length in long form', '30810102 0100'.replace(' ', '')],
    ['length with a leading zero byte', '3082000302010 0'.replace(/ /g, '')],
    ['length beyond the input', '300502010 1'.replace(/ /g, '')],
    ['trailing bytes', '3003020101 00'.replace(' ', '')],
    ['non-minimal INTEGER', '02020001'],
    ['non-minimal negative INTEGER', '0202ff80'],
    ['empty INTEGER', '0200'],
    ['BOOLEAN other than 00/FF', '010101'],
    ['NULL with content', '050100'],
    ['constructed INTEGER', '2203020101'],
    ['primitive SEQUENCE', '1000'],
    ['BIT STRING with non-zero padding', '03020701'],
    ['BIT STRING unused bits > 7', '03020800'],
    ['OID ending mid-arc', '060281 81'.replace(' ', '')],
    ['non-minimal high tag number', '1f0100'],
    ['high tag number below 31', '1f1e00'],
    ['end-of-contents tag', '0000'],
    ['truncated tag', '1f'],
    ['missing length', '30'],
  ];
  it.each(malformed)('%s → MALFORMED_DER', (_name, input) => {
    expect(codeOf(() => parseDer(bytes(input)))).toBe('MALFORMED_DER');
  });

  it('limits nesting depth', () => {
    let nested = der.null();
    for (let i = 0; i < 40; i++) {
      nested = der.sequence(nested);
    }
    expect(codeOf(() => parseDer(nested))).toBe('MALFORMED_DER');
    expect(parseDer(nested, { maxDepth: 64 }).children.length).toBe(1);
  });

  it('accepts high tag numbers written minimally', () => {
    const node = parseDer(bytes('9f2001ff'));
    expect([node.tagClass, node.tag]).toEqual(['context', 32]);
  });

  it('refuses non-Uint8Array input', () => {
    expect(codeOf(() => parseDer('30 00' as unknown as Uint8Array))).toBe('INVALID_INPUT');
  });
});

describe('PEM and base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (data) => {
        expect(base64ToBytes(bytesToBase64(data))).toEqual(data);
        expect(pemToDer(derToPem(data, 'TEST'), 'TEST')).toEqual(data);
      }),
    );
  });

  it('matches Node’s base64', () => {
    const data = Uint8Array.from({ length: 100 }, (_, i) => (i * 37) & 255);
    expect(bytesToBase64(data)).toBe(Buffer.from(data).toString('base64'));
  });

  it('wraps at 64 columns, ignores headers and picks the labelled block', () => {
    const pem = derToPem(new Uint8Array(100), 'CERTIFICATE');
    expect(pem.split('\n')[1]?.length).toBe(64);
    const two = `junk\n${derToPem(Uint8Array.of(1), 'A')}${derToPem(Uint8Array.of(2), 'B')}`;
    expect(pemToDer(two, 'B')).toEqual(Uint8Array.of(2));
    expect(pemToDer(two)).toEqual(Uint8Array.of(1));
  });

  it('refuses broken PEM', () => {
    expect(codeOf(() => pemToDer('-----BEGIN A-----\nAB*=\n-----END A-----'))).toBe('MALFORMED_PEM');
    expect(codeOf(() => pemToDer('-----BEGIN A-----\nABC\n-----END A-----'))).toBe('MALFORMED_PEM');
    expect(codeOf(() => pemToDer('nothing'))).toBe('MALFORMED_PEM');
    expect(codeOf(() => pemToDer(derToPem(Uint8Array.of(1), 'A'), 'B'))).toBe('MALFORMED_PEM');
  });
});
