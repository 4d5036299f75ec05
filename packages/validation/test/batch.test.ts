import { REDACTED } from '@goskit/core';
import {
  generateSchoolRecord,
  hashKey,
  normalizeSnils,
  type SchoolRecordInput,
  schoolRecordSchema,
  snilsSchema,
  validateBatch,
  validateStream,
} from '@goskit/validation';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seededRandom } from './seeded-random.js';

function records(count: number, seed = 1): SchoolRecordInput[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => generateSchoolRecord(random, { marks: 3 }));
}

const bySnils = { duplicateKey: (r: SchoolRecordInput) => normalizeSnils(r.snils) };

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

describe('validateBatch', () => {
  it('passes generated school records', async () => {
    const report = await validateBatch(records(500), schoolRecordSchema, bySnils);
    expect(report).toMatchObject({ total: 500, valid: 500, invalid: 0, issueCount: 0, truncated: false });
    expect(report.issues).toEqual([]);
    expect(report.duplicates).toEqual([]);
  });

  it('reports every issue with index, path, code and ru/en text — never stopping at the first', async () => {
    const input = records(6);
    (input[1] as { snils: string }).snils = '112-233-445 96';
    (input[3] as { className: string }).className = '12А';
    (input[3]?.marks[1] as { mark: unknown }).mark = 7;
    (input[5] as { birthDate: string }).birthDate = '31.02.2015';
    const report = await validateBatch(input, schoolRecordSchema);
    expect(report).toMatchObject({ total: 6, valid: 3, invalid: 3, issueCount: 4 });
    expect(report.issues.map(({ index, path, code }) => ({ index, path, code }))).toEqual([
      { index: 1, path: ['snils'], code: 'SNILS_CHECKSUM' },
      { index: 3, path: ['className'], code: 'CLASS_NAME' },
      { index: 3, path: ['marks', 1, 'mark'], code: 'MARK_RANGE' },
      { index: 5, path: ['birthDate'], code: 'DATE_CALENDAR' },
    ]);
    expect(report.issues[0]?.message.ru).toBe('Контрольное число СНИЛС не совпадает');
    expect(JSON.stringify(report)).not.toContain('112-233-445');
  });

  it('finds duplicates across spellings of the key and redacts the key', async () => {
    const input = records(10);
    const first = input[2]?.snils ?? '';
    (input[5] as { snils: string }).snils = first.replace(/\D/g, ''); // same СНИЛС as 11 digits
    (input[8] as { snils: string }).snils = first;
    const report = await validateBatch(input, schoolRecordSchema, bySnils);
    expect(report.duplicates).toEqual([{ key: REDACTED, indexes: [2, 5, 8] }]);
    expect(report).toMatchObject({ total: 10, valid: 8, invalid: 2 });
    expect(report.issues.map((i) => [i.index, i.code])).toEqual([
      [5, 'DUPLICATE_KEY'],
      [8, 'DUPLICATE_KEY'],
    ]);
    expect(JSON.stringify(report)).not.toContain(first.slice(0, 7));
  });

  it('can show non-personal keys', async () => {
    const report = await validateBatch(['a', 'b', 'a'], z.string(), {
      duplicateKey: (s) => s,
      redactKey: (k) => k,
    });
    expect(report.duplicates).toEqual([{ key: 'a', indexes: [0, 2] }]);
  });

  it('caps stored issues but keeps counting, and calls onIssue for all', async () => {
    const seen: number[] = [];
    const bad = Array.from({ length: 250 }, () => ({ snils: 'x' }));
    const report = await validateBatch(bad, z.object({ snils: snilsSchema }), {
      maxIssues: 20,
      onIssue: (issue) => seen.push(issue.index),
    });
    expect(report).toMatchObject({ total: 250, valid: 0, invalid: 250, issueCount: 250, truncated: true });
    expect(report.issues).toHaveLength(20);
    expect(report.issues.at(-1)?.index).toBe(19);
    expect(seen).toHaveLength(250);
  });

  it('caps duplicate groups and indexes per key', async () => {
    const keys = [
      ...Array.from({ length: 30 }, (_, i) => `k${i % 10}`),
      ...Array.from({ length: 20 }, () => 'k0'),
    ];
    const report = await validateBatch(keys, z.string(), {
      duplicateKey: (s) => s,
      maxIssues: 3,
      maxIndexesPerKey: 4,
    });
    expect(report.duplicates).toHaveLength(3);
    expect(report.duplicates[0]?.indexes).toEqual([0, 10, 20, 30]);
    expect(report.truncated).toBe(true);
    expect(report.invalid).toBe(40);
  });

  it('reads async iterables and async schemas', async () => {
    const schema = z.string().refine(async (s) => s !== 'bad', { message: 'bad' });
    const report = await validateBatch(slowly(['ok', 'bad', 'ok']), schema);
    expect(report).toMatchObject({ total: 3, valid: 2, invalid: 1 });
    expect(report.issues).toEqual([expect.objectContaining({ index: 1, path: [], code: 'VALUE_INVALID' })]);
  });

  it('hands valid parsed values to onValid and keeps none itself', async () => {
    const values: string[] = [];
    await validateBatch(['11223344595', 'x'], snilsSchema, { onValid: (v) => values.push(v) });
    expect(values).toEqual(['112-233-445 95']);
  });
});

describe('validateStream', () => {
  it('yields issues as it goes and returns the report', async () => {
    const input = records(4);
    (input[2] as { className: string }).className = '0Я';
    const stream = validateStream(slowly(input), schoolRecordSchema, bySnils);
    const yielded: string[] = [];
    let step = await stream.next();
    while (!step.done) {
      yielded.push(`${step.value.index}:${step.value.code}`);
      step = await stream.next();
    }
    expect(yielded).toEqual(['2:CLASS_NAME']);
    expect(step.value).toMatchObject({ total: 4, valid: 3, invalid: 1 });
  });
});

describe('hashKey', () => {
  it('is deterministic, spreads similar keys, and stays within safe integers', () => {
    expect(hashKey('112-233-445 95')).toBe(hashKey('112-233-445 95'));
    const hashes = new Set(Array.from({ length: 20_000 }, (_, i) => hashKey(String(i).padStart(11, '0'))));
    expect(hashes.size).toBe(20_000);
    for (const h of hashes) {
      expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
    }
  });
});
