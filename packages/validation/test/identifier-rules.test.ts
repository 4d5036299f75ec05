/**
 * One test per refusal rule of the identifier checks, written where mutation testing
 * (`pnpm mutation validation`) showed that deleting or weakening the rule broke no other test.
 */
import {
  assertEmail,
  assertKpp,
  assertOgrn,
  assertOgrnip,
  assertPhone,
  assertUin,
  checkEmail,
  checkInn,
  checkInn10,
  checkInn12,
  checkOgrn,
  checkOgrnip,
  checkPassport,
  checkPhone,
  checkSnils,
  checkUin,
  isValidEmail,
  isValidPassport,
  isValidUin,
  snilsCheckNumber,
  ValidationError,
} from '@goskit/validation';
import { describe, expect, it } from 'vitest';

/** The issue codes an assert helper throws with, or 'no error'. */
function thrownCodes(assertion: () => unknown): string[] | 'no error' {
  try {
    assertion();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => issue.code);
  }
  return 'no error';
}

const codesOf = (result: { ok: boolean; issues?: ReadonlyArray<{ code: string }> }) =>
  result.ok ? 'ok' : (result.issues ?? []).map((issue) => issue.code).join(',');

describe('digits-only fields accept ASCII digits and nothing next to them in the table', () => {
  // '/' (0x2F) sits just below '0' and ':' (0x3A) just above '9'; space, '-' and '.' lie below too.
  const intruders = [' ', '-', '.', '/', ':'];

  it('ИНН with a space, dash, dot, slash or colon in place of a digit is a format error', () => {
    for (const c of intruders) {
      expect(codesOf(checkInn(`7707${c}83893`)), JSON.stringify(c)).toBe('INN_FORMAT');
      expect(codesOf(checkInn(`5001007322${c}9`)), JSON.stringify(c)).toBe('INN_FORMAT');
    }
  });

  it('ОГРН, ОГРНИП and passport digits refuse the same characters', () => {
    for (const c of intruders) {
      expect(codesOf(checkOgrn(`102770013219${c}`)), JSON.stringify(c)).toBe('OGRN_FORMAT');
      expect(codesOf(checkOgrnip(`3045001160001${c}7`)), JSON.stringify(c)).toBe('OGRNIP_FORMAT');
    }
    for (const c of ['.', '/', ':']) {
      expect(checkPassport({ series: `45${c}8`, number: '123456' }).ok, c).toBe(false);
    }
  });
});

describe('ИНН kinds', () => {
  it('checkInn12 refuses a valid 10-digit ИНН and checkInn10 a valid 12-digit one, by length', () => {
    expect(codesOf(checkInn12('7707083893'))).toBe('INN_LENGTH');
    expect(codesOf(checkInn10('500100732259'))).toBe('INN_LENGTH');
    expect(checkInn12('500100732259')).toEqual({ ok: true, value: '500100732259' });
    expect(checkInn10('7707083893')).toEqual({ ok: true, value: '7707083893' });
  });

  it('the 12th digit is checked on its own (11th right, 12th wrong)', () => {
    expect(codesOf(checkInn('500100732250'))).toBe('INN_CHECKSUM');
  });
});

describe('ОГРН / ОГРНИП', () => {
  it('surrounding whitespace is trimmed before the length check', () => {
    expect(checkOgrn(' 1027700132195\n')).toEqual({ ok: true, value: '1027700132195' });
    expect(checkOgrnip('\t304500116000157 ')).toEqual({ ok: true, value: '304500116000157' });
  });
});

describe('assert helpers throw instead of returning', () => {
  it('assertKpp', () => {
    expect(assertKpp(' 7736ab001 ')).toBe('7736AB001');
    expect(thrownCodes(() => assertKpp('7736-01001'))).toEqual(['KPP_FORMAT']);
  });

  it('assertOgrn and assertOgrnip', () => {
    expect(assertOgrn('1027700132195')).toBe('1027700132195');
    expect(thrownCodes(() => assertOgrn('1027700132194'))).toEqual(['OGRN_CHECKSUM']);
    expect(assertOgrnip('304500116000157')).toBe('304500116000157');
    expect(thrownCodes(() => assertOgrnip('304500116000158'))).toEqual(['OGRNIP_CHECKSUM']);
  });

  it('assertUin', () => {
    expect(assertUin(' 01234567890123456789 ')).toBe('01234567890123456789');
    expect(thrownCodes(() => assertUin('01234567890123456788'))).toEqual(['UIN_CHECK_DIGIT']);
    expect(thrownCodes(() => assertUin('0'))).toEqual(['UIN_ABSENT']);
  });
});

describe('УИН', () => {
  it('a valid УИН may start with zeros: only an all-zero value means "no УИН"', () => {
    expect(isValidUin('01234567890123456789')).toBe(true);
    expect(isValidUin('00000000000000000019')).toBe(true);
    expect(codesOf(checkUin('00000000000000000000'))).toBe('UIN_ABSENT');
    expect(codesOf(checkUin(' 0 '))).toBe('UIN_ABSENT');
  });

  it('a last character that is not a digit is a format error, on either side of the digits', () => {
    // Bodies whose computed check digit is 9: a wrong digit would be UIN_CHECK_DIGIT instead.
    for (const last of ['/', '-', 'A', ':']) {
      expect(codesOf(checkUin(`0123456789012345678${last}`)), last).toBe('UIN_FORMAT');
    }
  });
});

describe('СНИЛС', () => {
  it('the formatted form is anchored: nothing may come before or after it', () => {
    for (const input of [
      'x112-233-445 95',
      '112-233-445 95x',
      '1112-233-445 95',
      '112-233-445 950',
      '112-233-445 95 1',
    ]) {
      expect(codesOf(checkSnils(input)), input).toBe('SNILS_FORMAT');
    }
    expect(checkSnils(' 112 233 445-95 ')).toEqual({ ok: true, value: '112-233-445 95' });
  });

  it('check number: Σ < 100 as is, 100 and 101 → 00, otherwise Σ mod 101 with 100 → 00', () => {
    expect(snilsCheckNumber('100582052')).toBe('99'); // Σ = 99
    expect(snilsCheckNumber('050234316')).toBe('00'); // Σ = 100
    expect(snilsCheckNumber('016103396')).toBe('00'); // Σ = 101
    expect(snilsCheckNumber('030922136')).toBe('10'); // Σ = 111 → 10, two digits, no padding
    expect(snilsCheckNumber('820981233')).toBe('00'); // Σ = 201 → 100 → 00
    expect(checkSnils('050-234-316 00')).toEqual({ ok: true, value: '050-234-316 00' });
    expect(codesOf(checkSnils('820-981-233 100'))).toBe('SNILS_FORMAT');
  });
});

describe('passport', () => {
  it('a string that is not 10 digits names both fields, without a path', () => {
    expect(checkPassport('4508 12345')).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({ code: 'PASSPORT_SERIES' }),
        expect.objectContaining({ code: 'PASSPORT_NUMBER' }),
      ],
    });
    const result = checkPassport('4508-1234567');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.every((issue) => issue.path === undefined)).toBe(true);
    }
  });

  it('null and non-string fields are refused, each field named', () => {
    expect(codesOf(checkPassport(null))).toBe('VALUE_REQUIRED');
    expect(checkPassport({ series: 4508, number: '123456' })).toMatchObject({
      ok: false,
      issues: [{ code: 'PASSPORT_SERIES', path: ['series'] }],
    });
    expect(checkPassport({ series: '45 08', number: 123456 })).toMatchObject({
      ok: false,
      issues: [{ code: 'PASSPORT_NUMBER', path: ['number'] }],
    });
    expect(checkPassport({ series: '45 08', number: '№ 123456' })).toEqual({
      ok: true,
      value: { series: '4508', number: '123456' },
    });
  });
});

describe('email limits', () => {
  const local64 = 'a'.repeat(64);

  it('local part: 64 characters at most, at least one', () => {
    expect(checkEmail(`${local64}@school.ru`).ok).toBe(true);
    expect(codesOf(checkEmail(`a${local64}@school.ru`))).toBe('EMAIL_FORMAT');
    expect(codesOf(checkEmail('@school.ru'))).toBe('EMAIL_FORMAT');
    expect(codesOf(checkEmail('user.school.ru'))).toBe('EMAIL_FORMAT');
  });

  it('whole address: 254 characters at most', () => {
    const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(62)}.ru`; // 193 characters
    const at254 = `${'b'.repeat(254 - 1 - domain.length)}@${domain}`;
    expect(at254).toHaveLength(254);
    expect(checkEmail(at254).ok).toBe(true);
    expect(codesOf(checkEmail(`b${at254}`))).toBe('EMAIL_FORMAT');
  });

  it('every label starts and ends with a letter or digit, may be one character long', () => {
    for (const bad of ['user@school-.ru', 'user@-school.ru', 'user@sch_ool.ru', 'user@school..ru']) {
      expect(codesOf(checkEmail(bad)), bad).toBe('EMAIL_FORMAT');
    }
    for (const good of ['user@x.school.ru', 'user@school1.ru', 'user@1-2.ru', 'user@школа.рф']) {
      expect(checkEmail(good).ok, good).toBe(true);
    }
  });

  it('the top-level label is letters only, to its end', () => {
    expect(codesOf(checkEmail('user@school.ru1'))).toBe('EMAIL_FORMAT');
    expect(codesOf(checkEmail('user@school.1ru'))).toBe('EMAIL_FORMAT');
    expect(checkEmail('user@xn--80a1acny.xn--p1ai').ok).toBe(true);
  });
});

describe('the boolean and throwing forms agree with the check', () => {
  it('isValidEmail, assertEmail', () => {
    expect(isValidEmail('User@School.RU')).toBe(true);
    expect(isValidEmail('user@school')).toBe(false);
    expect(assertEmail(' User@School.RU ')).toBe('User@school.ru');
    expect(thrownCodes(() => assertEmail('user@school'))).toEqual(['EMAIL_FORMAT']);
  });

  it('isValidPassport, assertPhone', () => {
    expect(isValidPassport('4508 123456')).toBe(true);
    expect(isValidPassport('4508 12345')).toBe(false);
    expect(assertPhone('8 (912) 345-67-89')).toBe('+79123456789');
    expect(thrownCodes(() => assertPhone('+7 612 345-67-89'))).toEqual(['PHONE_FORMAT']);
  });
});

describe('phone', () => {
  it('surrounding whitespace of any kind is dropped with the punctuation', () => {
    expect(checkPhone('\n +7 (912) 345-67-89\t')).toEqual({ ok: true, value: '+79123456789' });
  });
});
