/** Digit helpers shared by the checksum algorithms (hot path: no regex, no allocation beyond the input). */

/** True when `value` is exactly `length` ASCII digits. */
export function isDigits(value: string, length: number): boolean {
  if (value.length !== length) {
    return false;
  }
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    // Written so that NaN (a read past the end) counts as "not a digit" too.
    if (!(c >= 48 && c <= 57)) {
      return false;
    }
  }
  return true;
}

/** Σ digit[i] × weights[i] over the first `weights.length` characters of `digits`. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += (digits.charCodeAt(i) - 48) * (weights[i] ?? 0);
  }
  return sum;
}
