import type { RandomState, SeededRandom } from './types.js';

/** cyrb128: spreads a string into four 32-bit words (seeds sfc32; fingerprints rate-limit keys). */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * sfc32 stream: small, fast, passes PractRand for this use. Forks hash (seed label + fork label) so
 * a new stream never shifts the values of existing ones.
 */
export class Sfc32Random implements SeededRandom {
  readonly label: string;
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(label: string) {
    this.label = label;
    [this.#a, this.#b, this.#c, this.#d] = hash128(label);
    // Warm up so close seeds diverge.
    for (let i = 0; i < 12; i += 1) {
      this.#step();
    }
  }

  #step(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.#step() / 4294967296;
  }

  int(min: number, max: number): number {
    const low = Math.ceil(Math.min(min, max));
    const high = Math.floor(Math.max(min, max));
    return low + Math.floor(this.next() * (high - low + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new RangeError('pick() needs a non-empty list');
    }
    return items[Math.floor(this.next() * items.length)] as T;
  }

  uuid(): string {
    const hex = Array.from({ length: 4 }, () => this.#step().toString(16).padStart(8, '0')).join('');
    const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  fork(label: string): SeededRandom {
    return new Sfc32Random(`${this.label}/${label}`);
  }

  getState(): RandomState {
    return [this.#a, this.#b, this.#c, this.#d];
  }

  setState(state: RandomState): void {
    [this.#a, this.#b, this.#c, this.#d] = state;
  }
}

export function createRandom(seed: string): SeededRandom {
  return new Sfc32Random(seed);
}
