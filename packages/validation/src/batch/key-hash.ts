/**
 * 53-bit string hash (cyrb53 construction: two Math.imul lanes folded together). Duplicate detection
 * keeps only these numbers, never the keys, so memory stays ~constant per record and no СНИЛС is
 * retained. A false duplicate needs a 53-bit collision: p ≈ n² / 2^54 (≈ 6·10⁻⁵ for a million keys).
 */
export function hashKey(key: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
