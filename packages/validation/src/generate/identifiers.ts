/**
 * Generators of VALID identifiers for demo data and property tests. Each takes a random source so a
 * seeded PRNG gives the same identifiers every run; check digits come from the same code the
 * validators use.
 */
import { inn10CheckDigit, inn12CheckDigit11, inn12CheckDigit12 } from '../checksum/inn.js';
import { ogrnCheckDigit, ogrnipCheckDigit } from '../checksum/ogrn.js';
import { SNILS_CHECKSUM_THRESHOLD, snilsCheckNumber } from '../checksum/snils.js';
import { uinCheckDigit } from '../checksum/uin.js';
import { type RandomSource, randomDigits, randomInt, randomRegion } from './random-digits.js';

/** СНИЛС 'XXX-XXX-XXX YY', always above 001-001-998 so the checksum applies. */
export function generateSnils(random: RandomSource): string {
  const body = String(randomInt(random, SNILS_CHECKSUM_THRESHOLD + 1, 999_999_999)).padStart(9, '0');
  return `${body.slice(0, 3)}-${body.slice(3, 6)}-${body.slice(6, 9)} ${snilsCheckNumber(body)}`;
}

/** ИНН of a legal entity: 10 digits, region code first. */
export function generateInn10(random: RandomSource): string {
  const body = randomRegion(random) + randomDigits(random, 7);
  return body + String(inn10CheckDigit(body));
}

/** ИНН of a person or sole trader: 12 digits. */
export function generateInn12(random: RandomSource): string {
  const body10 = randomRegion(random) + randomDigits(random, 8);
  const body11 = body10 + String(inn12CheckDigit11(body10));
  return body11 + String(inn12CheckDigit12(body11));
}

/** ОГРН: sign 1 or 5, two-digit year, region, 7-digit record number, check digit. */
export function generateOgrn(random: RandomSource): string {
  const sign = random() < 0.5 ? '1' : '5';
  const year = String(randomInt(random, 2, 25)).padStart(2, '0');
  const body = sign + year + randomRegion(random) + randomDigits(random, 7);
  return body + String(ogrnCheckDigit(body));
}

/** ОГРНИП: sign 3, two-digit year, region, 9-digit record number, check digit. */
export function generateOgrnip(random: RandomSource): string {
  const year = String(randomInt(random, 4, 25)).padStart(2, '0');
  const body = `3${year}${randomRegion(random)}${randomDigits(random, 9)}`;
  return body + String(ogrnipCheckDigit(body));
}

/** КПП: region + tax office (4 digits), reason code 01 (the usual one), 3-digit sequence. */
export function generateKpp(random: RandomSource): string {
  return `${randomRegion(random)}${randomDigits(random, 2)}01${String(randomInt(random, 1, 999)).padStart(3, '0')}`;
}

/** Russian internal passport: series 'DDDD' (region + year of issue), number 'DDDDDD' (not all zeros). */
export function generatePassport(random: RandomSource): { series: string; number: string } {
  const year = String(randomInt(random, 0, 25)).padStart(2, '0');
  const number = String(randomInt(random, 100_000, 999_999));
  return { series: randomRegion(random) + year, number };
}

/** Mobile phone in E.164: '+79' + 9 digits. */
export function generatePhone(random: RandomSource): string {
  return `+79${randomDigits(random, 9)}`;
}

/** Digit-only УИН of 20 (default) or 25 characters with a valid ГИС ГМП check digit; never all zeros. */
export function generateUin(random: RandomSource, length: 20 | 25 = 20): string {
  const body = randomDigits(random, length - 1, true);
  return body + String(uinCheckDigit(body));
}
