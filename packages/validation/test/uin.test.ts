import {
  checkUin,
  generateUin,
  isValidUin,
  UIN_CHAR_ORDINALS,
  uinCharValue,
  uinCheckDigitDetailed,
  uinSchema,
} from '@goskit/validation';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';

/** Reference sum written from the specification text, independent of the implementation. */
function referenceSum(body: string, shift: number): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    sum += Number(body[i]) * (((i + shift) % 10) + 1);
  }
  return sum % 11;
}

/** Digit-only bodies, walked deterministically, until `wanted` pass produced the check digit. */
function findBody(length: number, wanted: 'first' | 'second' | 'zero'): string {
  const random = seededRandom(2024);
  for (let i = 0; i < 200_000; i++) {
    const body = generateUin(random, length as 20 | 25).slice(0, -1);
    if (uinCheckDigitDetailed(body)?.pass === wanted) {
      return body;
    }
  }
  throw new Error(`no ${wanted} body found`);
}

describe('УИН check digit (ГИС ГМП)', () => {
  it('matches the published test vectors (ДИТ Москвы spec examples)', () => {
    // First pass gives 10, the second pass 5 (Cyrillic М = 12 → 2).
    expect(uinCheckDigitDetailed('М00007229740048364Z')).toEqual({ digit: 5, pass: 'second' });
    // Latin M shares the value of Cyrillic М; first pass gives 9.
    expect(uinCheckDigitDetailed('M00007229730048364Z')).toEqual({ digit: 9, pass: 'first' });
  });

  it('letters count as ordinal mod 10, with Latin look-alikes equal to Cyrillic', () => {
    expect(uinCharValue('Л')).toBe(1); // 11 mod 10
    expect(uinCharValue('О')).toBe(4); // Cyrillic О = 14
    expect(uinCharValue('O')).toBe(4); // Latin O shares it
    expect(uinCharValue('Я')).toBe(8);
    expect(uinCharValue('Z')).toBe(2);
    expect(uinCharValue('Ё')).toBeUndefined();
    expect(uinCharValue('#')).toBeUndefined();
  });

  for (const length of [20, 25] as const) {
    it(`first pass, second pass and zero rule (${length} chars)`, () => {
      const first = findBody(length, 'first');
      expect(referenceSum(first, 0)).not.toBe(10);
      expect(isValidUin(first + referenceSum(first, 0))).toBe(true);

      const second = findBody(length, 'second');
      expect(referenceSum(second, 0)).toBe(10);
      expect(referenceSum(second, 2)).not.toBe(10);
      const secondDigit = referenceSum(second, 2);
      expect(isValidUin(second + secondDigit)).toBe(true);
      // The naive "10 → 0" shortcut would be wrong here unless the second pass happens to give 0.
      if (secondDigit !== 0) {
        expect(checkUin(`${second}0`)).toMatchObject({ ok: false, issues: [{ code: 'UIN_CHECK_DIGIT' }] });
      }

      const zero = findBody(length, 'zero');
      expect(referenceSum(zero, 0)).toBe(10);
      expect(referenceSum(zero, 2)).toBe(10);
      expect(isValidUin(`${zero}0`)).toBe(true);
      for (let d = 1; d <= 9; d++) {
        expect(isValidUin(zero + d)).toBe(false);
      }
    });
  }

  it('rejects wrong lengths, unknown characters, and treats "0" as absent', () => {
    expect(checkUin('0')).toMatchObject({ ok: false, issues: [{ code: 'UIN_ABSENT' }] });
    expect(checkUin('0'.repeat(20))).toMatchObject({ ok: false, issues: [{ code: 'UIN_ABSENT' }] });
    expect(checkUin('1'.repeat(21))).toMatchObject({ ok: false, issues: [{ code: 'UIN_FORMAT' }] });
    expect(checkUin(`1881${'#'.repeat(15)}0`)).toMatchObject({ ok: false, issues: [{ code: 'UIN_FORMAT' }] });
    expect(checkUin(`${'1'.repeat(19)}X`)).toMatchObject({ ok: false, issues: [{ code: 'UIN_FORMAT' }] });
  });

  it('upper-cases letters, so a lower-case UIN with letters validates', () => {
    const body = 'м00007229740048364z';
    expect(uinSchema.parse(` ${body}5 `)).toBe('М00007229740048364Z5');
  });
});

describe('УИН letter table', () => {
  it('has the documented ordinals', () => {
    const expected: Record<string, number> = {
      А: 1,
      Б: 2,
      И: 9,
      К: 10,
      Л: 11,
      О: 14,
      Я: 28,
      Ъ: 33,
      Ы: 36,
      Ь: 42,
      A: 1,
      B: 3,
      E: 6,
      K: 10,
      M: 12,
      H: 13,
      O: 14,
      P: 16,
      C: 17,
      T: 18,
      Y: 19,
      X: 21,
      D: 29,
      F: 30,
      G: 31,
      I: 32,
      J: 33,
      L: 34,
      N: 35,
      Q: 36,
      R: 37,
      S: 38,
      U: 39,
      V: 40,
      W: 41,
      Z: 42,
    };
    for (const [ch, ordinal] of Object.entries(expected)) {
      expect(UIN_CHAR_ORDINALS.get(ch), ch).toBe(ordinal);
    }
    // 10 digits + 28 + 3 Cyrillic + 26 Latin.
    expect(UIN_CHAR_ORDINALS.size).toBe(67);
  });
});
