import {
  checkEmail,
  checkPhone,
  emailSchema,
  mobilePhoneSchema,
  normalizeEmail,
  normalizePhone,
} from '@goskit/validation';
import { describe, expect, it } from 'vitest';

describe('phone → E.164', () => {
  it('accepts the usual Russian spellings of one number', () => {
    for (const input of [
      '8 (912) 345-67-89',
      '+7 912 345 67 89',
      '89123456789',
      '9123456789',
      '+7(912)345-67-89',
      '7 912 345.67.89',
    ]) {
      expect(normalizePhone(input)).toBe('+79123456789');
    }
  });

  it('accepts geographic numbers, with mobileOnly rejecting them', () => {
    expect(normalizePhone('8 (812) 123-45-67')).toBe('+78121234567');
    expect(normalizePhone('+7 495 123 45 67')).toBe('+74951234567');
    expect(checkPhone('+7 495 123 45 67', { mobileOnly: true })).toMatchObject({
      ok: false,
      issues: [{ code: 'PHONE_NOT_MOBILE' }],
    });
    expect(mobilePhoneSchema.safeParse('8 800 555 35 35').success).toBe(false);
  });

  it('rejects foreign, Kazakh (+7 7xx), short, long and lettered numbers', () => {
    for (const input of [
      '+1 212 555 0100',
      '+7 701 123 45 67',
      '912345678',
      '891234567890',
      '+8 912 345 67 89',
      '8-912-ABC-67-89',
      '',
    ]) {
      expect(checkPhone(input)).toMatchObject({ ok: false, issues: [{ code: 'PHONE_FORMAT' }] });
    }
  });
});

describe('email', () => {
  it('accepts ordinary and Cyrillic-domain addresses, lower-casing the domain', () => {
    expect(normalizeEmail(' Ivan.Petrov+school@Example.RU ')).toBe('Ivan.Petrov+school@example.ru');
    expect(normalizeEmail('director@школа.рф')).toBe('director@школа.рф');
    expect(normalizeEmail('a@b-c.xn--p1ai')).toBe('a@b-c.xn--p1ai');
    expect(emailSchema.parse('x@sub.domain.org')).toBe('x@sub.domain.org');
  });

  it('rejects malformed addresses', () => {
    for (const input of [
      'plain',
      '@example.ru',
      'a@',
      'a@localhost',
      'a..b@example.ru',
      '.a@example.ru',
      'a@-example.ru',
      'a@example.r1',
      'a b@example.ru',
      `${'a'.repeat(65)}@example.ru`,
      `a@${'b'.repeat(250)}.ru`,
    ]) {
      expect(checkEmail(input), input).toMatchObject({ ok: false, issues: [{ code: 'EMAIL_FORMAT' }] });
    }
  });
});
