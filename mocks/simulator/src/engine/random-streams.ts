import { Sfc32Random } from './random.js';
import type { RandomState, SeededRandom } from './types.js';

/**
 * Named, persistent random streams of one simulator: 'root', 'portal:esia', 'fault:scenario:flaky'…
 * Each is seeded from seed + label, so a new stream never shifts another, and all are snapshotted.
 */
export class RandomStreams {
  #seed: string;
  #streams = new Map<string, SeededRandom>();

  constructor(seed: string) {
    this.#seed = seed;
  }

  get(label: string): SeededRandom {
    let stream = this.#streams.get(label);
    if (!stream) {
      stream = new Sfc32Random(`${this.#seed}/${label}`);
      this.#streams.set(label, stream);
    }
    return stream;
  }

  reset(seed: string): void {
    this.#seed = seed;
    this.#streams.clear();
  }

  exportState(): Record<string, RandomState> {
    return Object.fromEntries([...this.#streams].map(([label, stream]) => [label, stream.getState()]));
  }

  importState(state: Record<string, RandomState>): void {
    this.#streams.clear();
    for (const [label, words] of Object.entries(state)) {
      this.get(label).setState(words);
    }
  }
}
