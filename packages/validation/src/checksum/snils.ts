/**
 * СНИЛС check number (reference §5): Σ d_i × (9 − i) over the 9 digits (weights 9…1);
 * Σ < 100 → Σ; Σ = 100 or 101 → 00; otherwise Σ mod 101, where a result of 100 is written 00.
 */
import { weightedSum } from './digits.js';

const SNILS_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, 1] as const;

/** The highest number issued before the checksum was introduced; numbers ≤ it carry no checksum. */
export const SNILS_CHECKSUM_THRESHOLD = 1_001_998;

/**
 * Two-digit check number for the 9-digit body of a СНИЛС. The rule's three cases are one formula:
 * Σ mod 101 leaves Σ < 100 unchanged and turns 101 into 0; mod 100 then writes a 100 as 00.
 */
export function snilsCheckNumber(body9: string): string {
  const check = (weightedSum(body9, SNILS_WEIGHTS) % 101) % 100;
  return check < 10 ? `0${check}` : String(check);
}

/** The checksum applies only to numbers above 001-001-998. */
export function snilsChecksumApplies(body9: string): boolean {
  return Number(body9) > SNILS_CHECKSUM_THRESHOLD;
}
