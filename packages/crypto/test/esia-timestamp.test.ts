import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CryptoError, esiaTimestamp, parseEsiaTimestamp } from '../src/index.js';

describe('esiaTimestamp', () => {
  const instant = new Date(Date.UTC(2025, 8, 2, 10, 0, 29));

  it('formats yyyy.MM.dd HH:mm:ss +hhmm in Moscow time by default', () => {
    expect(esiaTimestamp(instant)).toBe('2025.09.02 13:00:29 +0300');
  });

  it('honours an explicit offset, including negative and UTC', () => {
    expect(esiaTimestamp(instant, { offsetMinutes: 0 })).toBe('2025.09.02 10:00:29 +0000');
    expect(esiaTimestamp(instant, { offsetMinutes: -150 })).toBe('2025.09.02 07:30:29 -0230');
    expect(esiaTimestamp(new Date(Date.UTC(2025, 11, 31, 22, 30)), { offsetMinutes: 180 })).toBe(
      '2026.01.01 01:30:00 +0300',
    );
  });

  it('uses the machine offset with "local"', () => {
    const expectedOffset = 0 - instant.getTimezoneOffset();
    expect(parseEsiaTimestamp(esiaTimestamp(instant, { offsetMinutes: 'local' })).offsetMinutes).toBe(
      expectedOffset,
    );
  });

  it('rejects invalid dates and offsets', () => {
    expect(() => esiaTimestamp(new Date(Number.NaN))).toThrow(CryptoError);
    expect(() => esiaTimestamp(instant, { offsetMinutes: 15 * 60 })).toThrow(CryptoError);
  });
});

describe('parseEsiaTimestamp', () => {
  it('round-trips any instant and offset (whole seconds)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2090, 0, 1) / 1000 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (seconds, offsetMinutes) => {
          const date = new Date(seconds * 1000);
          const parsed = parseEsiaTimestamp(esiaTimestamp(date, { offsetMinutes }));
          expect(parsed.date.getTime()).toBe(date.getTime());
          expect(parsed.offsetMinutes).toBe(offsetMinutes);
        },
      ),
    );
  });

  it('rejects malformed and impossible values', () => {
    for (const bad of [
      '2025-09-02 13:00:29 +0300',
      '2025.09.02 13:00:29',
      '2025.09.02T13:00:29 +0300',
      '2025.02.30 13:00:29 +0300',
      '2025.09.02 24:00:00 +0300',
      '2025.09.02 13:00:29 +0360',
      '2025.09.02 13:00:29 +1500',
      ' 2025.09.02 13:00:29 +0300',
    ]) {
      expect(() => parseEsiaTimestamp(bad), bad).toThrow(CryptoError);
    }
  });

  it('only throws CryptoError on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          parseEsiaTimestamp(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CryptoError);
        }
      }),
    );
  });
});
