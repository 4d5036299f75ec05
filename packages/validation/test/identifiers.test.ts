import {
  checkInn,
  checkKpp,
  checkOgrn,
  checkOgrnip,
  checkPassport,
  isValidKpp,
  normalizeKpp,
  VALIDATION_MESSAGES,
} from '@goskit/validation';
import { describe, expect, it } from 'vitest';

describe('format errors name the rule', () => {
  it('ИНН: non-digits vs wrong length', () => {
    expect(checkInn('77070838a3')).toMatchObject({ ok: false, issues: [{ code: 'INN_FORMAT' }] });
    expect(checkInn('')).toMatchObject({ ok: false, issues: [{ code: 'INN_FORMAT' }] });
    expect(checkInn('77070838931')).toMatchObject({ ok: false, issues: [{ code: 'INN_LENGTH' }] });
    expect(checkInn('500100732259', 'inn10')).toMatchObject({ ok: false, issues: [{ code: 'INN_LENGTH' }] });
  });

  it('ОГРН / ОГРНИП: length and digits', () => {
    expect(checkOgrn('102770013219')).toMatchObject({ ok: false, issues: [{ code: 'OGRN_FORMAT' }] });
    expect(checkOgrn('304500116000157')).toMatchObject({ ok: false, issues: [{ code: 'OGRN_FORMAT' }] });
    expect(checkOgrnip('1027700132195')).toMatchObject({ ok: false, issues: [{ code: 'OGRNIP_FORMAT' }] });
    expect(checkOgrnip('30450011600015x')).toMatchObject({ ok: false, issues: [{ code: 'OGRNIP_FORMAT' }] });
  });

  it('КПП: 4 digits, 2 digits or Latin capitals, 3 digits', () => {
    expect(normalizeKpp(' 773601001 ')).toBe('773601001');
    expect(isValidKpp('7736AB001')).toBe(true);
    for (const bad of ['77360100', '7736010011', '7736АБ001', 'A73601001', '773601A01']) {
      expect(checkKpp(bad), bad).toMatchObject({ ok: false, issues: [{ code: 'KPP_FORMAT' }] });
    }
  });

  it('passport: string forms and per-field issues', () => {
    for (const input of ['4508 123456', '45 08 123456', '4508123456', '45 08 № 123456']) {
      expect(checkPassport(input)).toEqual({ ok: true, value: { series: '4508', number: '123456' } });
    }
    expect(checkPassport({ series: '4508', number: '12345' })).toEqual({
      ok: false,
      issues: [{ code: 'PASSPORT_NUMBER', message: VALIDATION_MESSAGES.PASSPORT_NUMBER, path: ['number'] }],
    });
    expect(checkPassport({ number: '123456' })).toMatchObject({
      ok: false,
      issues: [{ code: 'PASSPORT_SERIES' }],
    });
    expect(checkPassport('4508 12345')).toMatchObject({ ok: false });
    expect(checkPassport(4508123456)).toMatchObject({ ok: false, issues: [{ code: 'VALUE_TYPE' }] });
  });
});

describe('messages table', () => {
  it('has non-empty, distinct Russian and English text for every code', () => {
    for (const [code, text] of Object.entries(VALIDATION_MESSAGES)) {
      expect(code).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
      expect(text.ru.length, code).toBeGreaterThan(5);
      expect(text.en.length, code).toBeGreaterThan(5);
      expect(text.ru).toMatch(/[а-яё]/i);
      expect(text.en).not.toMatch(/[а-яё]{4,}/i);
    }
  });
});
