/**
 * A set of 53-bit hashes in one Float64Array (open addressing, linear probing, grown ×2 past half
 * full): duplicate detection over a million records costs 16 bytes per key and keeps no record, no
 * id and no СНИЛС. A false duplicate needs a 53-bit collision: p ≈ n² / 2^54 (≈ 10⁻⁴ for 2·10⁶ keys).
 * 0 marks an empty slot, so a hash of 0 is stored as 2^53.
 */
const EMPTY = 0;
const ZERO_STANDIN = 2 ** 53;

export class HashSet53 {
  #slots: Float64Array;
  #mask: number;
  #size = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) {
      capacity *= 2;
    }
    this.#slots = new Float64Array(capacity);
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** Adds the hash; false when it was there already. */
  add(hash: number): boolean {
    const value = hash === EMPTY ? ZERO_STANDIN : hash;
    const slots = this.#slots;
    const mask = this.#mask;
    // The low 32 bits spread well (cyrb53's lane h1 is mixed into them).
    let index = (value >>> 0) & mask;
    for (;;) {
      const slot = slots[index] as number;
      if (slot === EMPTY) {
        slots[index] = value;
        this.#size++;
        if (this.#size * 2 > slots.length) {
          this.#grow();
        }
        return true;
      }
      if (slot === value) {
        return false;
      }
      index = (index + 1) & mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Float64Array(old.length * 2);
    this.#mask = this.#slots.length - 1;
    this.#size = 0;
    for (const value of old) {
      if (value !== EMPTY) {
        this.add(value);
      }
    }
  }
}
