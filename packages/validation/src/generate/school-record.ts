/**
 * Valid school records for demo data and the batch bench — same seed, same records.
 */

import { CLASS_LETTERS } from '../school/class-name.js';
import type { SchoolRecordInput } from '../school/school-record.js';
import { generateSnils } from './identifiers.js';
import { type RandomSource, randomInt } from './random-digits.js';

const LAST_NAMES = ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов', 'Лебедева', 'Козлов', 'Новикова'];
const FIRST_NAMES = ['Алексей', 'Мария', 'Иван', 'Анна', 'Дмитрий', 'Елена', 'Сергей', 'Ольга'];
const MIDDLE_NAMES = ['Петрович', 'Ивановна', 'Сергеевич', 'Алексеевна'];
const SUBJECTS = [
  'Математика',
  'Русский язык',
  'Литература',
  'История',
  'Физика',
  'Биология',
  'Английский язык',
];
const TEXT_MARKS = ['н', 'зч', 'б'] as const;

const pick = <T>(random: RandomSource, items: readonly T[]): T =>
  items[randomInt(random, 0, items.length - 1)] as T;
const two = (n: number): string => String(n).padStart(2, '0');

export interface SchoolRecordOptions {
  /** Marks per record. Default 8. */
  readonly marks?: number;
  /** First year of the academic year. Default 2025. */
  readonly academicYearStart?: number;
}

export function generateSchoolRecord(
  random: RandomSource,
  options: SchoolRecordOptions = {},
): SchoolRecordInput {
  const startYear = options.academicYearStart ?? 2025;
  const grade = randomInt(random, 1, 11);
  const marks = Array.from({ length: options.marks ?? 8 }, () => {
    // Lessons between September and December of the academic year: days 1–28 always exist.
    const date = `${two(randomInt(random, 1, 28))}.${two(randomInt(random, 9, 12))}.${startYear}`;
    const mark = random() < 0.9 ? randomInt(random, 2, 5) : pick(random, TEXT_MARKS);
    return { subject: pick(random, SUBJECTS), date, lesson: randomInt(random, 1, 7), mark };
  });
  return {
    snils: generateSnils(random),
    lastName: pick(random, LAST_NAMES),
    firstName: pick(random, FIRST_NAMES),
    middleName: pick(random, MIDDLE_NAMES),
    birthDate: `${two(randomInt(random, 1, 28))}.${two(randomInt(random, 1, 12))}.${startYear - 6 - grade}`,
    className: `${grade}${pick(random, [...CLASS_LETTERS.slice(0, 6)])}`,
    academicYear: `${startYear}/${startYear + 1}`,
    marks,
  };
}
