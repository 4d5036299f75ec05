/** mulberry32: a tiny seeded PRNG so fast-check seeds map to reproducible random sources. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every string obtained by replacing one digit of `value` with a different digit. */
export function singleDigitMutations(value: string): { position: number; mutated: string }[] {
  const out: { position: number; mutated: string }[] = [];
  for (let position = 0; position < value.length; position++) {
    for (let digit = 0; digit <= 9; digit++) {
      if (String(digit) !== value[position]) {
        out.push({ position, mutated: value.slice(0, position) + digit + value.slice(position + 1) });
      }
    }
  }
  return out;
}
