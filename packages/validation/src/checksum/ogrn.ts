/**
 * ОГРН / ОГРНИП check digits (reference §5). The bodies exceed 2^53, so BigInt keeps them exact.
 * ОГРН-13: (first 12 digits mod 11) mod 10. ОГРНИП-15: (first 14 digits mod 13) mod 10.
 */

/** 13th digit of an ОГРН from its first 12 digits. */
export function ogrnCheckDigit(body12: string): number {
  return Number((BigInt(body12) % 11n) % 10n);
}

/** 15th digit of an ОГРНИП from its first 14 digits. */
export function ogrnipCheckDigit(body14: string): number {
  return Number((BigInt(body14) % 13n) % 10n);
}
