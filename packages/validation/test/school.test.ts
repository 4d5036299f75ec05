import {
  academicYearOf,
  checkAcademicYear,
  checkClassName,
  checkIsoDate,
  checkLessonNumber,
  checkMark,
  checkRuDate,
  isoDateToRu,
  isValidMark,
  markSchema,
  parseClassName,
  ruDateSchema,
  ruDateToIso,
} from '@goskit/validation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('marks', () => {
  it('accepts 1–5 as numbers or strings and the documented text marks', () => {
    expect([1, 2, 3, 4, 5].map((n) => markSchema.parse(n))).toEqual([1, 2, 3, 4, 5]);
    expect(markSchema.parse(' 4 ')).toBe(4);
    for (const mark of ['зч', 'нз', 'н', 'б', 'уп', 'осв', 'на']) {
      expect(markSchema.parse(mark.toUpperCase())).toBe(mark);
    }
  });

  it('separates out-of-range numbers from unknown text', () => {
    for (const bad of [0, 6, 4.5, -1, '0', '10', Number.NaN]) {
      expect(checkMark(bad)).toMatchObject({ ok: false, issues: [{ code: 'MARK_RANGE' }] });
    }
    for (const bad of ['5+', 'отл', 'x', '']) {
      expect(checkMark(bad)).toMatchObject({ ok: false, issues: [{ code: 'MARK_FORMAT' }] });
    }
    expect(isValidMark(null)).toBe(false);
  });
});

describe('class names', () => {
  it('normalises spacing, case, dashes and Latin look-alikes', () => {
    const cases: Record<string, string> = {
      '5А': '5А',
      '5 А': '5А',
      '5-а': '5А',
      '10б': '10Б',
      '11 Я': '11Я',
      '7A': '7А',
      '1c': '1С',
    };
    for (const [input, expected] of Object.entries(cases)) {
      expect(checkClassName(input)).toEqual({ ok: true, value: expected });
    }
    expect(parseClassName('10 Б')).toEqual({ ok: true, value: { grade: 10, letter: 'Б', name: '10Б' } });
  });

  it('rejects grades outside 1–11, excluded letters and other shapes', () => {
    for (const bad of [
      '0А',
      '12А',
      '05А',
      '5Ё',
      '5Й',
      '5Ъ',
      '5Ы',
      '5Ь',
      '5Q',
      '5АБ',
      'А5',
      '5',
      'СОТР',
      '',
    ]) {
      expect(checkClassName(bad), bad).toMatchObject({ ok: false, issues: [{ code: 'CLASS_NAME' }] });
    }
  });
});

describe('lesson numbers', () => {
  it('accepts 1–14 only', () => {
    expect(checkLessonNumber(1)).toEqual({ ok: true, value: 1 });
    expect(checkLessonNumber('14')).toEqual({ ok: true, value: 14 });
    for (const bad of [0, 15, 2.5, '1a', '', -3]) {
      expect(checkLessonNumber(bad)).toMatchObject({ ok: false, issues: [{ code: 'LESSON_NUMBER' }] });
    }
  });
});

describe('academic years', () => {
  it('accepts consecutive years and normalises the separator', () => {
    expect(checkAcademicYear('2025/2026')).toEqual({ ok: true, value: '2025/2026' });
    expect(checkAcademicYear('2025 – 2026')).toEqual({ ok: true, value: '2025/2026' });
    expect(checkAcademicYear('2025-2026')).toEqual({ ok: true, value: '2025/2026' });
    for (const bad of ['2025/2027', '2026/2025', '2025', '25/26', '1800/1801']) {
      expect(checkAcademicYear(bad)).toMatchObject({ ok: false, issues: [{ code: 'ACADEMIC_YEAR' }] });
    }
  });

  it('turns on 1 September', () => {
    expect(academicYearOf(new Date(Date.UTC(2025, 7, 31)))).toBe('2024/2025');
    expect(academicYearOf(new Date(Date.UTC(2025, 8, 1)))).toBe('2025/2026');
  });
});

describe('dates', () => {
  it('converts dd.MM.yyyy ↔ ISO', () => {
    expect(ruDateSchema.parse('01.09.2025')).toBe('2025-09-01');
    expect(ruDateToIso('29.02.2024')).toBe('2024-02-29');
    expect(isoDateToRu('2025-12-31')).toBe('31.12.2025');
  });

  it('applies the real calendar, leap years included', () => {
    expect(checkRuDate('31.02.2025')).toMatchObject({ ok: false, issues: [{ code: 'DATE_CALENDAR' }] });
    expect(checkRuDate('29.02.2025')).toMatchObject({ ok: false, issues: [{ code: 'DATE_CALENDAR' }] });
    expect(checkRuDate('29.02.1900')).toMatchObject({ ok: false, issues: [{ code: 'DATE_CALENDAR' }] });
    expect(checkRuDate('29.02.2000').ok).toBe(true);
    expect(checkIsoDate('2025-04-31')).toMatchObject({ ok: false, issues: [{ code: 'DATE_CALENDAR' }] });
    expect(checkIsoDate('2025-13-01')).toMatchObject({ ok: false, issues: [{ code: 'DATE_CALENDAR' }] });
    for (const bad of ['1.9.2025', '2025-9-1', '01/09/2025', '2025-09-01T00:00:00Z']) {
      expect(checkRuDate(bad).ok || checkIsoDate(bad).ok, bad).toBe(false);
    }
  });

  it('agrees with the JavaScript calendar for every day of 1900–2199 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const date = new Date(Date.UTC(y, m - 1, d));
          const real = date.getUTCMonth() === m - 1;
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(checkIsoDate(iso).ok).toBe(real);
          if (real) {
            expect(ruDateToIso(isoDateToRu(iso) ?? '')).toBe(iso);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
