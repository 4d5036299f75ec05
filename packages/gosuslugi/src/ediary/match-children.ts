/**
 * Matches the parent's children from ESIA (`/kids`) to the school's pupils: by СНИЛС when the child
 * has one and a pupil carries it, else by surname + first name + birth date (the patronymic, when
 * both sides have one, must agree; a pupil with a different СНИЛС is never taken). A child with
 * several candidates, or a pupil two children point to, is ambiguous; a child with none is
 * unmatched. The report names children by id and first name only — no СНИЛС, no birth date.
 */
import { checkSnils } from '@goskit/validation';
import type { EsiaKid } from '../esia/person/models.js';
import type { LinkedPupil, MatchedBy, SchoolPupil } from './models.js';

export interface MatchedChild extends LinkedPupil {
  /** The child's first name, for the parent's screen. */
  name: string;
}

export interface UnmatchedChild {
  kidId: string;
  name: string;
  /** Nobody by name and birth date; or such a pupil has another СНИЛС; or another patronymic. */
  reason: 'not-found' | 'snils-conflict' | 'patronymic-conflict';
}

export interface AmbiguousChild {
  kidId: string;
  name: string;
  /** Pupil ids (the school's own ids, not personal data). */
  candidates: string[];
  reason: 'several-pupils' | 'duplicate-snils' | 'pupil-claimed-twice';
}

export interface MatchReport {
  matched: MatchedChild[];
  ambiguous: AmbiguousChild[];
  unmatched: UnmatchedChild[];
}

/** Letters only, lower case, ё as е: «Семёнова-Тян-Шанская» and «семенова тян шанская» agree. */
export function nameKey(text: string | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/** 'dd.MM.yyyy' or 'yyyy-MM-dd' → 'yyyy-MM-dd'; anything else as given (it will match nothing). */
export function isoDay(text: string): string {
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  return ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : text.trim();
}

function snilsKey(text: string | undefined): string | undefined {
  if (text === undefined || text === '') {
    return undefined;
  }
  const checked = checkSnils(text);
  return checked.ok ? checked.value.replace(/\D/g, '') : undefined;
}

const personKey = (lastName: string, firstName: string, birthDate: string) =>
  `${nameKey(lastName)}|${nameKey(firstName)}|${isoDay(birthDate)}`;

/** Indexes of the school's pupils, built once per register. */
export interface PupilIndex {
  bySnils: Map<string, SchoolPupil[]>;
  byPerson: Map<string, SchoolPupil[]>;
}

export function indexPupils(pupils: Iterable<SchoolPupil>): PupilIndex {
  const bySnils = new Map<string, SchoolPupil[]>();
  const byPerson = new Map<string, SchoolPupil[]>();
  const add = (map: Map<string, SchoolPupil[]>, key: string, pupil: SchoolPupil) => {
    const list = map.get(key);
    if (list === undefined) {
      map.set(key, [pupil]);
    } else {
      list.push(pupil);
    }
  };
  for (const pupil of pupils) {
    const snils = snilsKey(pupil.snils);
    if (snils !== undefined) {
      add(bySnils, snils, pupil);
    }
    add(byPerson, personKey(pupil.lastName, pupil.firstName, pupil.birthDate), pupil);
  }
  return { bySnils, byPerson };
}

type Verdict =
  | { kind: 'matched'; pupil: SchoolPupil; by: MatchedBy }
  | { kind: 'ambiguous'; candidates: SchoolPupil[]; reason: AmbiguousChild['reason'] }
  | { kind: 'unmatched'; reason: UnmatchedChild['reason'] };

function matchOne(kid: EsiaKid, index: PupilIndex): Verdict {
  const snils = snilsKey(kid.snils);
  if (snils !== undefined) {
    const bySnils = index.bySnils.get(snils) ?? [];
    if (bySnils.length === 1) {
      return { kind: 'matched', pupil: bySnils[0] as SchoolPupil, by: 'snils' };
    }
    if (bySnils.length > 1) {
      return { kind: 'ambiguous', candidates: bySnils, reason: 'duplicate-snils' };
    }
  }
  const byPerson = index.byPerson.get(personKey(kid.lastName, kid.firstName, kid.birthDate)) ?? [];
  const kidMiddle = nameKey(kid.middleName);
  const fitting = byPerson.filter((pupil) => {
    const pupilSnils = snilsKey(pupil.snils);
    if (snils !== undefined && pupilSnils !== undefined && pupilSnils !== snils) {
      return false;
    }
    const pupilMiddle = nameKey(pupil.middleName);
    return kidMiddle === '' || pupilMiddle === '' || kidMiddle === pupilMiddle;
  });
  if (fitting.length === 1) {
    return { kind: 'matched', pupil: fitting[0] as SchoolPupil, by: 'name-birthdate' };
  }
  if (fitting.length > 1) {
    return { kind: 'ambiguous', candidates: fitting, reason: 'several-pupils' };
  }
  if (byPerson.length === 0) {
    return { kind: 'unmatched', reason: 'not-found' };
  }
  const snilsConflict = byPerson.some((pupil) => {
    const pupilSnils = snilsKey(pupil.snils);
    return snils !== undefined && pupilSnils !== undefined && pupilSnils !== snils;
  });
  return { kind: 'unmatched', reason: snilsConflict ? 'snils-conflict' : 'patronymic-conflict' };
}

export function matchChildren(kids: readonly EsiaKid[], index: PupilIndex): MatchReport {
  const verdicts = kids.map((kid) => ({ kid, verdict: matchOne(kid, index) }));
  const claims = new Map<string, number>();
  for (const { verdict } of verdicts) {
    if (verdict.kind === 'matched') {
      claims.set(verdict.pupil.id, (claims.get(verdict.pupil.id) ?? 0) + 1);
    }
  }
  const report: MatchReport = { matched: [], ambiguous: [], unmatched: [] };
  for (const { kid, verdict } of verdicts) {
    const kidId = String(kid.id);
    const name = kid.firstName;
    if (verdict.kind === 'matched' && (claims.get(verdict.pupil.id) ?? 0) > 1) {
      report.ambiguous.push({ kidId, name, candidates: [verdict.pupil.id], reason: 'pupil-claimed-twice' });
    } else if (verdict.kind === 'matched') {
      report.matched.push({
        kidId,
        name,
        pupilId: verdict.pupil.id,
        by: verdict.by,
        ...(verdict.pupil.classId === undefined ? {} : { classId: verdict.pupil.classId }),
      });
    } else if (verdict.kind === 'ambiguous') {
      report.ambiguous.push({
        kidId,
        name,
        candidates: verdict.candidates.map((pupil) => pupil.id),
        reason: verdict.reason,
      });
    } else {
      report.unmatched.push({ kidId, name, reason: verdict.reason });
    }
  }
  return report;
}
