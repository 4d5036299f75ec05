import {
  checkPassport,
  generateInn10,
  generateInn12,
  generateKpp,
  generateOgrn,
  generateOgrnip,
  generatePassport,
  generatePhone,
  generateSnils,
  generateUin,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidOgrnip,
  isValidPhone,
  isValidSnils,
  isValidUin,
  normalizePhone,
  SNILS_CHECKSUM_THRESHOLD,
} from '@goskit/validation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';

const seeds = fc.integer({ min: 0, max: 0x7fffffff });
const runs = { numRuns: 300 };

describe('generated identifiers are valid', () => {
  it('СНИЛС: formatted, above 001-001-998, checksum holds', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const snils = generateSnils(seededRandom(seed));
        expect(snils).toMatch(/^\d{3}-\d{3}-\d{3} \d{2}$/);
        expect(Number(snils.replace(/\D/g, '').slice(0, 9))).toBeGreaterThan(SNILS_CHECKSUM_THRESHOLD);
        expect(isValidSnils(snils)).toBe(true);
        expect(isValidSnils(snils.replace(/\D/g, ''))).toBe(true);
      }),
      runs,
    );
  });

  it('ИНН-10 / ИНН-12 / ОГРН / ОГРНИП / КПП / УИН', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const random = seededRandom(seed);
        const inn10 = generateInn10(random);
        const inn12 = generateInn12(random);
        const ogrn = generateOgrn(random);
        const ogrnip = generateOgrnip(random);
        const kpp = generateKpp(random);
        const uin20 = generateUin(random);
        const uin25 = generateUin(random, 25);
        expect([inn10.length, inn12.length, ogrn.length, ogrnip.length, kpp.length]).toEqual([
          10, 12, 13, 15, 9,
        ]);
        expect([uin20.length, uin25.length]).toEqual([20, 25]);
        expect(isValidInn(inn10, 'inn10') && isValidInn(inn12, 'inn12')).toBe(true);
        expect(isValidOgrn(ogrn) && isValidOgrnip(ogrnip) && isValidKpp(kpp)).toBe(true);
        expect(isValidUin(uin20) && isValidUin(uin25)).toBe(true);
      }),
      runs,
    );
  });

  it('passport and phone', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const random = seededRandom(seed);
        const passport = generatePassport(random);
        expect(passport.series).toMatch(/^\d{4}$/);
        expect(passport.number).toMatch(/^\d{6}$/);
        expect(checkPassport(passport)).toEqual({ ok: true, value: passport });
        const phone = generatePhone(random);
        expect(phone).toMatch(/^\+79\d{9}$/);
        expect(isValidPhone(phone, { mobileOnly: true })).toBe(true);
        expect(normalizePhone(`8${phone.slice(2)}`)).toBe(phone);
      }),
      runs,
    );
  });

  it('the same seed gives the same identifiers', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([generateSnils(a), generateInn12(a), generateUin(a, 25)]).toEqual([
      generateSnils(b),
      generateInn12(b),
      generateUin(b, 25),
    ]);
  });
});
