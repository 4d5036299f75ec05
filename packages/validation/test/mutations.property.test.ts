/**
 * Single-digit changes. Each checksum here ends in "mod 10" after "mod 11" (or mod 13), so residues
 * 10 and 0 (and, for ОГРНИП, 11/1 and 12/2) share a check digit: a change that moves the residue
 * between them is invisible to ANY implementation of the algorithm. The tests therefore assert, over
 * every position and digit, that a mutation is rejected exactly when the residues — computed here
 * independently from the reference's weights — map to different check digits, and that the residue
 * itself always changes (so the blind spot is the mod-10 fold, nothing else).
 */

import {
  generateInn10,
  generateInn12,
  generateOgrn,
  generateOgrnip,
  isValidInn,
  isValidOgrn,
  isValidOgrnip,
} from '@goskit/validation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom, singleDigitMutations } from './seeded-random.js';

const seeds = fc.integer({ min: 0, max: 0x7fffffff });
const weighted = (s: string, w: number[]) => w.reduce((sum, wi, i) => sum + wi * Number(s[i]), 0) % 11;
const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12A = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12B = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

describe('every single-digit change', () => {
  it('of an ИНН-10 is caught unless the residue moves between 0 and 10', () => {
    let blind = 0;
    fc.assert(
      fc.property(seeds, (seed) => {
        const inn = generateInn10(seededRandom(seed));
        for (const { position, mutated } of singleDigitMutations(inn)) {
          const accepted = isValidInn(mutated);
          if (position === 9) {
            expect(accepted).toBe(false); // the check digit itself
            continue;
          }
          const r = weighted(inn, INN10);
          const r2 = weighted(mutated, INN10);
          expect(r2).not.toBe(r);
          expect(accepted).toBe(r % 10 === r2 % 10);
          if (accepted) {
            blind++;
            expect([r, r2].sort()).toEqual([0, 10]);
          }
        }
      }),
      { numRuns: 200 },
    );
    // Rare: only INNs whose residue is 0 or 10 (2 in 11) have, per position, at most one such digit.
    expect(blind).toBeLessThan(200 * 81 * 0.04);
  });

  it('of an ИНН-12 is caught unless both residues fold together', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const inn = generateInn12(seededRandom(seed));
        for (const { mutated } of singleDigitMutations(inn)) {
          const sameA = weighted(inn, INN12A) % 10 === weighted(mutated, INN12A) % 10;
          const sameB = weighted(inn, INN12B) % 10 === weighted(mutated, INN12B) % 10;
          const checksOk =
            weighted(mutated, INN12A) % 10 === Number(mutated[10]) &&
            weighted(mutated, INN12B) % 10 === Number(mutated[11]);
          expect(isValidInn(mutated)).toBe(checksOk);
          if (checksOk) {
            expect(sameA && sameB).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('of an ОГРН is caught unless the residue mod 11 moves between 0 and 10', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const ogrn = generateOgrn(seededRandom(seed));
        for (const { position, mutated } of singleDigitMutations(ogrn)) {
          if (position === 12) {
            expect(isValidOgrn(mutated)).toBe(false);
            continue;
          }
          const r = BigInt(ogrn.slice(0, 12)) % 11n;
          const r2 = BigInt(mutated.slice(0, 12)) % 11n;
          expect(r2).not.toBe(r); // 10^k ≡ ±1 (mod 11): a one-digit change always moves the residue
          const accepted = isValidOgrn(mutated);
          expect(accepted).toBe(r % 10n === r2 % 10n);
          if (accepted) {
            expect([Number(r), Number(r2)].sort((a, b) => a - b)).toEqual([0, 10]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('of an ОГРНИП is caught where the mod-13 residues fold to different digits', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const ogrnip = generateOgrnip(seededRandom(seed));
        for (const { position, mutated } of singleDigitMutations(ogrnip)) {
          if (position === 14) {
            expect(isValidOgrnip(mutated)).toBe(false);
            continue;
          }
          const r = BigInt(ogrnip.slice(0, 14)) % 13n;
          const r2 = BigInt(mutated.slice(0, 14)) % 13n;
          expect(r2).not.toBe(r); // 13 divides no power of ten
          expect(isValidOgrnip(mutated)).toBe(r % 10n === r2 % 10n);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the blind spot is real: an ИНН-10 change that no mod-11→mod-10 checksum can see', () => {
    // Searching the mutations of valid INNs whose check digit is 0 finds a pair with residues 0 and 10:
    // both valid, one digit apart. Kept as a test so the documented limitation stays true.
    const random = seededRandom(7);
    let found: [string, string] | undefined;
    for (let i = 0; i < 2000 && !found; i++) {
      const inn = generateInn10(random);
      if (inn[9] !== '0') {
        continue;
      }
      for (const { position, mutated } of singleDigitMutations(inn)) {
        if (position < 9 && isValidInn(mutated)) {
          found = [inn, mutated];
          break;
        }
      }
    }
    expect(found).toBeDefined();
    const [a, b] = found as [string, string];
    expect([weighted(a, INN10), weighted(b, INN10)].sort((x, y) => x - y)).toEqual([0, 10]);
  });
});
