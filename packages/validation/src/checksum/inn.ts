/**
 * ИНН check digits (reference §5): each check digit = (Σ dᵢ × wᵢ mod 11) mod 10.
 * ИНН-10 has one (weights 2,4,10,3,5,9,4,6,8); ИНН-12 has two (digit 11 and digit 12).
 */
import { weightedSum } from './digits.js';

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

const checkDigit = (digits: string, weights: readonly number[]): number =>
  (weightedSum(digits, weights) % 11) % 10;

/** Check digit (10th) for the first 9 digits of a legal entity's ИНН. */
export function inn10CheckDigit(body9: string): number {
  return checkDigit(body9, INN10_WEIGHTS);
}

/** 11th digit of a personal ИНН, from its first 10 digits. */
export function inn12CheckDigit11(body10: string): number {
  return checkDigit(body10, INN12_WEIGHTS_11);
}

/** 12th digit of a personal ИНН, from its first 11 digits (including the 11th check digit). */
export function inn12CheckDigit12(body11: string): number {
  return checkDigit(body11, INN12_WEIGHTS_12);
}
