import {
  checkInn,
  checkOgrn,
  checkOgrnip,
  checkSnils,
  isValidInn,
  isValidOgrn,
  isValidOgrnip,
  isValidSnils,
  snilsCheckNumber,
} from '@goskit/validation';
import { describe, expect, it } from 'vitest';

// Public examples quoted in documentation of Russian registries and libraries. Each was verified by hand
// against reference §5 (see README "Known examples").
describe('known public identifiers', () => {
  it('СНИЛС 112-233-445 95 (9·1+8·1+7·2+6·2+5·3+4·3+3·4+2·4+1·5 = 95)', () => {
    expect(checkSnils('112-233-445 95')).toEqual({ ok: true, value: '112-233-445 95' });
    expect(checkSnils('11223344595')).toEqual({ ok: true, value: '112-233-445 95' });
    expect(isValidSnils('112-233-445 96')).toBe(false);
  });

  it('ИНН 7707083893 (ПАО Сбербанк) and personal ИНН 500100732259', () => {
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(checkInn('7707083893', 'inn12')).toMatchObject({ ok: false, issues: [{ code: 'INN_LENGTH' }] });
  });

  it('ОГРН 1027700132195 and ОГРНИП 304500116000157', () => {
    expect(isValidOgrn('1027700132195')).toBe(true);
    expect(isValidOgrnip('304500116000157')).toBe(true);
    expect(checkOgrn('1027700132194')).toMatchObject({ ok: false, issues: [{ code: 'OGRN_CHECKSUM' }] });
    expect(checkOgrnip('304500116000158')).toMatchObject({
      ok: false,
      issues: [{ code: 'OGRNIP_CHECKSUM' }],
    });
  });
});

describe('СНИЛС checksum rules', () => {
  it('exempts numbers up to 001-001-998 and checks from 001-001-999', () => {
    // 001-001-998: any check number passes (issued before check numbers existed).
    expect(isValidSnils('001-001-998 00')).toBe(true);
    expect(isValidSnils('001-001-998 57')).toBe(true);
    // 001-001-999: Σ = 1·7 + 1·4 + 9·3 + 9·2 + 9·1 = 65.
    expect(snilsCheckNumber('001001999')).toBe('65');
    expect(isValidSnils('001-001-999 65')).toBe(true);
    expect(checkSnils('001-001-999 00')).toMatchObject({ ok: false, issues: [{ code: 'SNILS_CHECKSUM' }] });
  });

  it('maps sums of 100 and 101 to 00 and reduces larger sums mod 101 (100 → 00)', () => {
    // Weights are 9,8,…,1 from the left; the sums below are worked out by hand.
    expect(snilsCheckNumber('000000919')).toBe('38'); // 9·3 + 1·2 + 9·1 = 38 (< 100: the sum itself)
    expect(snilsCheckNumber('920000003')).toBe('00'); // 81 + 16 + 3 = 100
    expect(snilsCheckNumber('920000004')).toBe('00'); // 81 + 16 + 4 = 101
    expect(snilsCheckNumber('999900003')).toBe('71'); // 9·30 + 3 = 273; 273 mod 101 = 71
    expect(snilsCheckNumber('999999999')).toBe('01'); // 9·45 = 405; 405 mod 101 = 1
    expect(snilsCheckNumber('988000000')).toBe('00'); // 81 + 64 + 56 = 201; 201 mod 101 = 100 → 00
  });

  it('accepts the documented formats and rejects others', () => {
    for (const input of ['112-233-445 95', '112-233-445-95', '112 233 445 95', ' 11223344595 ']) {
      expect(checkSnils(input)).toEqual({ ok: true, value: '112-233-445 95' });
    }
    for (const input of ['112-233-44595', '1122334459', '112-233-445 9a', '', 'снилс']) {
      expect(checkSnils(input)).toMatchObject({ ok: false, issues: [{ code: 'SNILS_FORMAT' }] });
    }
    expect(checkSnils(11223344595)).toMatchObject({ ok: false, issues: [{ code: 'VALUE_TYPE' }] });
    expect(checkSnils(undefined)).toMatchObject({ ok: false, issues: [{ code: 'VALUE_REQUIRED' }] });
  });
});
