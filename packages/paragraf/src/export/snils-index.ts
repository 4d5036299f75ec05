/**
 * The СНИЛС seen so far in one export, for deduplication: an open-addressing hash table of the
 * 11-digit numbers (exact in a double, no collisions) and the line of each first occurrence, in
 * typed arrays — about 24 bytes per pupil, no strings kept, so no СНИЛС lingers in the heap.
 */
export class SnilsIndex {
  #keys = new Float64Array(1 << 12);
  #lines = new Uint32Array(1 << 12);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Records `snils` (11 digits as a number > 0); returns the first line if it was already there. */
  addOrGet(snils: number, line: number): number | undefined {
    if ((this.#size + 1) * 2 > this.#keys.length) {
      this.#grow();
    }
    const keys = this.#keys;
    const mask = keys.length - 1;
    let slot = hash(snils) & mask;
    for (;;) {
      const key = keys[slot] as number;
      if (key === 0) {
        keys[slot] = snils;
        this.#lines[slot] = line;
        this.#size++;
        return undefined;
      }
      if (key === snils) {
        return this.#lines[slot];
      }
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldLines = this.#lines;
    this.#keys = new Float64Array(oldKeys.length * 2);
    this.#lines = new Uint32Array(oldKeys.length * 2);
    this.#size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i] as number;
      if (key !== 0) {
        this.addOrGet(key, oldLines[i] as number);
      }
    }
  }
}

function hash(n: number): number {
  const low = (n % 4294967296) | 0;
  const high = (n / 4294967296) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
