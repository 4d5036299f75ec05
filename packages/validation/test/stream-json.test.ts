/**
 * The JSON record reader: records and header members from any chunking (property-tested against
 * JSON.parse of the whole text), the line each starts on, and typed FormatErrors for malformed,
 * truncated, oversized and misshapen documents.
 */
import { FormatError, JsonRecordReader } from '@goskit/validation/stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

interface Read {
  members: [string, unknown, number][];
  records: [unknown, number, number][];
}

function read(text: string, cuts: number[] = [], limits = {}): Read {
  const out: Read = { members: [], records: [] };
  const reader = new JsonRecordReader(
    {
      member: (key, value, line) => out.members.push([key, value, line]),
      record: (value, index, line) => out.records.push([value, index, line]),
    },
    { recordsKey: 'records', limits },
  );
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.write(text.slice(from, cut));
    from = cut;
  }
  reader.write(text.slice(from));
  reader.end();
  return out;
}

const failure = (text: string, limits = {}): FormatError => {
  try {
    read(text, [], limits);
  } catch (error) {
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
};

describe('JsonRecordReader', () => {
  it('reads header members and records with the line each starts on', () => {
    const text = `{
  "format": "goskit-ediary",
  "kind": "marks",
  "records": [
    {"id": "m1", "value": 5},
    {"id": "m\\"2", "text": "строка с } и ] и \\\\", "nested": {"a": [1, {"b": 2}]}},
    "scalar", 42, null, true
  ],
  "count": 6
}`;
    const { members, records } = read(text);
    expect(members).toEqual([
      ['format', 'goskit-ediary', 2],
      ['kind', 'marks', 3],
      ['count', 6, 9],
    ]);
    expect(records.map(([value, index, line]) => [index, line, value])).toEqual([
      [0, 5, { id: 'm1', value: 5 }],
      [1, 6, { id: 'm"2', text: 'строка с } и ] и \\', nested: { a: [1, { b: 2 }] } }],
      [2, 7, 'scalar'],
      [3, 7, 42],
      [4, 7, null],
      [5, 7, true],
    ]);
  });

  it('gives the same result for every way of cutting the text into chunks', () => {
    const record = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.oneof(
        fc.string(),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
      ),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 8 }),
        fc.string(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, title, rawCuts) => {
          const text = JSON.stringify(
            { title, records, tail: [1, 2] },
            null,
            records.length % 2 === 0 ? 2 : 0,
          );
          const cuts = rawCuts.map((cut) => cut % (text.length + 1));
          const { members, records: got } = read(text, cuts);
          expect(got.map(([value]) => value)).toEqual(JSON.parse(text).records);
          expect(members.map(([key, value]) => [key, value])).toEqual([
            ['title', title],
            ['tail', [1, 2]],
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses what is not the expected document, naming the line', () => {
    expect(failure('[1, 2]')).toMatchObject({ code: 'JSON_SHAPE', line: 1 });
    expect(failure('{"records": {"a": 1}}')).toMatchObject({ code: 'JSON_SHAPE' });
    expect(failure('{"records": [], "records": []}')).toMatchObject({ code: 'JSON_SHAPE' });
    expect(failure('{\n"records": [\n{"a": 1},\n{"a": }\n]}')).toMatchObject({
      code: 'JSON_MALFORMED',
      line: 4,
    });
    expect(failure('{"records": [{"a": 1},]}')).toMatchObject({ code: 'JSON_MALFORMED' });
    expect(failure('{"a": 1,}')).toMatchObject({ code: 'JSON_MALFORMED' });
    expect(failure('{"a" 1}')).toMatchObject({ code: 'JSON_MALFORMED' });
    expect(failure('{"records": [{"a": 1}')).toMatchObject({ code: 'JSON_UNEXPECTED_END' });
    expect(failure('{"records": [{"a": "x')).toMatchObject({ code: 'JSON_UNEXPECTED_END' });
    expect(failure('{"a": 1} trailing')).toMatchObject({ code: 'JSON_MALFORMED' });
    expect(failure('{"a": tru}')).toMatchObject({ code: 'JSON_MALFORMED' });
  });

  it('bounds records, header members and nesting', () => {
    const deep = `{"records": [${'['.repeat(100)}${']'.repeat(100)}]}`;
    expect(failure(deep)).toMatchObject({ code: 'JSON_DEPTH_LIMIT', limit: 64 });
    const big = `{"records": [{"a": "${'x'.repeat(5000)}"}]}`;
    expect(failure(big, { maxRecordChars: 1000 })).toMatchObject({ code: 'JSON_VALUE_LIMIT', limit: 1000 });
    const header = `{"note": "${'x'.repeat(5000)}", "records": []}`;
    expect(failure(header, { maxMemberChars: 1000 })).toMatchObject({ code: 'JSON_VALUE_LIMIT' });
    // An unterminated string fed in chunks is refused once it passes the bound, not buffered forever.
    const reader = new JsonRecordReader(
      { member() {}, record() {} },
      { recordsKey: 'records', limits: { maxRecordChars: 100 } },
    );
    reader.write('{"records": ["');
    expect(() => {
      for (let i = 0; i < 100; i++) {
        reader.write('xxxxxxxxxx');
      }
    }).toThrow(FormatError);
  });

  it('messages carry the rule in Russian and English and never the value', () => {
    const error = failure('{"records": [{"snils": "112-233-445 95" "x": 1}]}');
    expect(error.rule.ru).toContain('JSON');
    expect(error.rule.en).toContain('JSON');
    expect(error.message).not.toContain('112-233');
  });
});
