/** A source of uniform numbers in [0, 1) — Math.random or a seeded PRNG (the simulator passes its own). */
export type RandomSource = () => number;

/** Integer in [min, max] inclusive. */
export function randomInt(random: RandomSource, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** `length` random decimal digits; `firstNonZero` avoids a leading zero. */
export function randomDigits(random: RandomSource, length: number, firstNonZero = false): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += String(i === 0 && firstNonZero ? randomInt(random, 1, 9) : randomInt(random, 0, 9));
  }
  return out;
}

/** Two-digit region code 01..99 — real ИНН/КПП/passport prefixes start with a subject code. */
export function randomRegion(random: RandomSource): string {
  return String(randomInt(random, 1, 99)).padStart(2, '0');
}
