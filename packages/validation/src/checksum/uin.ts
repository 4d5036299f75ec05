/**
 * УИН (ГИС ГМП) check digit — reference §4, the algorithm of the Moscow ДИТ specification p. 2.3:
 *  1. weights 1..10 repeat from the first (leftmost) character;
 *  2. a letter counts as (its ordinal in the table below) mod 10;
 *  3. check = Σ mod 11; if that is 10, repeat with the weights shifted by two (3,4,…,10,1,2,…);
 *  4. if the second pass is 10 again, the check digit is 0.
 *
 * Letter table (the one the ГИС ГМП implementations ship — see README):
 *  - Cyrillic А..Я numbered 1..28 skipping Ё and Й (so Л = 11, О = 14, Я = 28) and Ъ = 33, Ы = 36, Ь = 42;
 *  - Latin letters that look like Cyrillic ones share their value (A=1, B=3, E=6, K=10, M=12, H=13, O=14,
 *    P=16, C=17, T=18, Y=19, X=21); the rest continue after Я: D=29, F=30, G=31, I=32, J=33, L=34, N=35,
 *    Q=36, R=37, S=38, U=39, V=40, W=41, Z=42.
 * Look-alikes share a value on purpose: a UIN retyped with the wrong keyboard layout still checks.
 */

/** Cyrillic letters in table order: ordinal = position + 1 (Ё and Й are not in the table). */
const CYRILLIC_ORDER = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ';
const EXTRA_CYRILLIC: Readonly<Record<string, number>> = { Ъ: 33, Ы: 36, Ь: 42 };
/** Latin letters that look like Cyrillic ones, and the Cyrillic letter whose ordinal they take. */
const LATIN_LOOKALIKES = 'ABEKMHOPCTYX';
const CYRILLIC_TWINS = 'АВЕКМНОРСТУХ';
/** The other Latin letters continue after Я: D = 29 … Z = 42. */
const LATIN_REST = 'DFGIJLNQRSUVWZ';

function buildOrdinals(): Map<string, number> {
  const map = new Map<string, number>();
  for (let d = 0; d <= 9; d++) {
    map.set(String(d), d);
  }
  for (let i = 0; i < CYRILLIC_ORDER.length; i++) {
    map.set(CYRILLIC_ORDER.charAt(i), i + 1);
  }
  for (const [ch, n] of Object.entries(EXTRA_CYRILLIC)) {
    map.set(ch, n);
  }
  for (let i = 0; i < LATIN_LOOKALIKES.length; i++) {
    map.set(LATIN_LOOKALIKES.charAt(i), CYRILLIC_ORDER.indexOf(CYRILLIC_TWINS.charAt(i)) + 1);
  }
  for (let i = 0; i < LATIN_REST.length; i++) {
    map.set(LATIN_REST.charAt(i), 29 + i);
  }
  return map;
}

/** Ordinal of every character the table knows; digits map to themselves. */
export const UIN_CHAR_ORDINALS: ReadonlyMap<string, number> = /* @__PURE__ */ buildOrdinals();

/** Value a character contributes to the sum, or undefined when the character is not allowed. */
export function uinCharValue(char: string): number | undefined {
  const ordinal = UIN_CHAR_ORDINALS.get(char);
  return ordinal === undefined ? undefined : ordinal % 10;
}

function pass(values: readonly number[], shift: number): number {
  let sum = 0;
  for (const [i, value] of values.entries()) {
    sum += value * (((i + shift) % 10) + 1);
  }
  return sum % 11;
}

/** Which pass produced the digit — exposed so tests can construct second-pass and zero-rule cases. */
export type UinCheckPass = 'first' | 'second' | 'zero';

/**
 * Check digit for a UIN body (all characters but the last). Returns undefined when the body holds a
 * character outside the table.
 */
export function uinCheckDigitDetailed(body: string): { digit: number; pass: UinCheckPass } | undefined {
  const values: number[] = [];
  for (const ch of body) {
    const v = uinCharValue(ch);
    if (v === undefined) {
      return undefined;
    }
    values.push(v);
  }
  const first = pass(values, 0);
  if (first !== 10) {
    return { digit: first, pass: 'first' };
  }
  const second = pass(values, 2);
  if (second !== 10) {
    return { digit: second, pass: 'second' };
  }
  return { digit: 0, pass: 'zero' };
}

/** Check digit for a UIN body, or undefined for an unknown character. */
export function uinCheckDigit(body: string): number | undefined {
  return uinCheckDigitDetailed(body)?.digit;
}
