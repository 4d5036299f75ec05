/**
 * Matching ESIA children to the school's pupils: СНИЛС first (any spelling, checksum-valid), else
 * surname + first name + birth date (case, ё/е and date spelling ignored, patronymics agree when both
 * are given, a pupil with another СНИЛС never taken); ambiguity and absence reported by reason;
 * hostile ids are plain strings; reports carry no СНИЛС or birth date.
 */
import { describe, expect, it } from 'vitest';
import type { EsiaKid } from '../../src/esia/person/models.js';
import { indexPupils, matchChildren, type SchoolPupil } from '../../src/index.js';

// Checksum-valid СНИЛС numbers.
const SNILS_A = '112-233-445 95';
const SNILS_B = '123-456-789 64';

const kid = (id: number, fields: Partial<EsiaKid>): EsiaKid =>
  ({
    id,
    stateFacts: ['Identifiable'],
    lastName: 'Петрова',
    firstName: 'Анна',
    birthDate: '01.02.2015',
    ...fields,
  }) as EsiaKid;
const pupil = (id: string, fields: Partial<SchoolPupil> = {}): SchoolPupil => ({
  id,
  lastName: 'Петрова',
  firstName: 'Анна',
  birthDate: '2015-02-01',
  ...fields,
});

describe('matchChildren', () => {
  it('matches by СНИЛС in any spelling before names, and by name + birth date otherwise', () => {
    const index = indexPupils([
      pupil('p1', { snils: '11223344595', lastName: 'Другая', classId: '3А' }),
      pupil('p2', { lastName: 'Семёнова', firstName: 'ольга' }),
    ]);
    const report = matchChildren(
      [kid(1, { snils: SNILS_A }), kid(2, { lastName: 'Семенова', firstName: 'Ольга' })],
      index,
    );
    expect(report.matched).toEqual([
      { kidId: '1', name: 'Анна', pupilId: 'p1', by: 'snils', classId: '3А' },
      { kidId: '2', name: 'Ольга', pupilId: 'p2', by: 'name-birthdate' },
    ]);
  });

  it('never takes a pupil with another СНИЛС or another patronymic', () => {
    const index = indexPupils([
      pupil('p1', { snils: SNILS_B }),
      pupil('p2', { middleName: 'Игоревна', lastName: 'Орлова' }),
    ]);
    const report = matchChildren(
      [kid(1, { snils: SNILS_A }), kid(2, { lastName: 'Орлова', middleName: 'Петровна' })],
      index,
    );
    expect(report.matched).toEqual([]);
    expect(report.unmatched).toEqual([
      { kidId: '1', name: 'Анна', reason: 'snils-conflict' },
      { kidId: '2', name: 'Анна', reason: 'patronymic-conflict' },
    ]);
  });

  it('reports duplicate СНИЛС, several candidates and a pupil claimed by two children as ambiguous', () => {
    const index = indexPupils([
      pupil('p1', { snils: SNILS_A }),
      pupil('p2', { snils: SNILS_A, firstName: 'Мария' }),
      pupil('p3', { lastName: 'Ким' }),
      pupil('p4', { lastName: 'Ким' }),
      pupil('p5', { lastName: 'Ли' }),
    ]);
    const report = matchChildren(
      [
        kid(1, { snils: SNILS_A }),
        kid(2, { lastName: 'Ким' }),
        kid(3, { lastName: 'Ли' }),
        kid(4, { lastName: 'Ли' }),
      ],
      index,
    );
    expect(report.matched).toEqual([]);
    expect(report.ambiguous).toEqual([
      { kidId: '1', name: 'Анна', candidates: ['p1', 'p2'], reason: 'duplicate-snils' },
      { kidId: '2', name: 'Анна', candidates: ['p3', 'p4'], reason: 'several-pupils' },
      { kidId: '3', name: 'Анна', candidates: ['p5'], reason: 'pupil-claimed-twice' },
      { kidId: '4', name: 'Анна', candidates: ['p5'], reason: 'pupil-claimed-twice' },
    ]);
    expect(JSON.stringify(report)).not.toMatch(/112|2015/);
  });

  it('treats prototype-member names and ids as plain strings', () => {
    const index = indexPupils([pupil('__proto__', { lastName: 'constructor', firstName: 'toString' })]);
    const report = matchChildren(
      [
        kid(1, { lastName: 'constructor', firstName: 'toString' }),
        kid(2, { lastName: '__proto__', firstName: 'hasOwnProperty' }),
      ],
      index,
    );
    expect(report.matched.map((child) => child.pupilId)).toEqual(['__proto__']);
    expect(report.unmatched).toEqual([{ kidId: '2', name: 'hasOwnProperty', reason: 'not-found' }]);
    expect(({} as Record<string, unknown>).pupilId).toBeUndefined();
  });
});
