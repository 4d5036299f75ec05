/**
 * Bounded request journal: a ring buffer (O(1) append, never past capacity) with WireMock-style
 * find / count / verify. verify() failures list the closest near misses and the run description.
 */
import { toEpochMs } from './clock.js';
import { SimulatorError } from './errors.js';
import { similarity } from './levenshtein.js';
import type { Journal, JournalEntry, JournalPattern, VerifyTimes } from './types.js';

/**
 * What an entry still needs redacting. Redaction (URL parsing, JSON walks, secret regexes) costs more
 * than handling the request, so it runs when someone reads the entry, once, not on the hot path.
 */
export interface PendingRedaction {
  redact(entry: JournalEntry): void;
}

/** One journal position: the entry and what it still needs redacting (undefined once settled). */
export interface JournalSlot {
  readonly entry: JournalEntry;
  pending: PendingRedaction | undefined;
}

type Slot = JournalSlot;

export class RingJournal implements Journal {
  readonly capacity: number;
  readonly #slots: (Slot | undefined)[];
  readonly #describeRun: () => string;
  #next = 0;
  #size = 0;
  #lastId = 0;

  constructor(capacity: number, describeRun: () => string = () => '') {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new SimulatorError('INVALID_DATA', `journalSize must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.#slots = new Array<Slot | undefined>(capacity);
    this.#describeRun = describeRun;
  }

  get size(): number {
    return this.#size;
  }

  /** Next entry id (ids keep growing across clear() so they stay unique in a run). */
  nextId(): number {
    this.#lastId += 1;
    return this.#lastId;
  }

  append(entry: JournalEntry, pending?: PendingRedaction): void {
    this.appendSlot({ entry, pending });
  }

  /** Hot path: the request pipeline hands over one object that is both the slot and its redaction. */
  appendSlot(slot: JournalSlot): void {
    this.#slots[this.#next] = slot;
    this.#next = this.#next + 1 === this.capacity ? 0 : this.#next + 1;
    if (this.#size < this.capacity) {
      this.#size += 1;
    }
  }

  entries(): JournalEntry[] {
    return this.#inOrder().map(settle);
  }

  find(pattern: JournalPattern = {}): JournalEntry[] {
    // Patterns only look at fields redaction never touches, so only the hits get redacted.
    return this.#inOrder()
      .filter((slot) => matches(slot.entry, pattern))
      .map(settle);
  }

  count(pattern: JournalPattern = {}): number {
    let found = 0;
    for (const slot of this.#inOrder()) {
      if (matches(slot.entry, pattern)) {
        found += 1;
      }
    }
    return found;
  }

  #inOrder(): Slot[] {
    const out: Slot[] = [];
    const start = (this.#next - this.#size + this.capacity) % this.capacity;
    for (let i = 0; i < this.#size; i += 1) {
      const slot = this.#slots[(start + i) % this.capacity];
      if (slot) {
        out.push(slot);
      }
    }
    return out;
  }

  verify(times: VerifyTimes, pattern: JournalPattern): void {
    const found = this.count(pattern);
    if (timesSatisfied(times, found)) {
      return;
    }
    const misses = nearMisses(
      this.#inOrder().map((slot) => slot.entry),
      pattern,
      3,
    );
    const lines = [
      `expected ${describeTimes(times)} request(s) matching ${describePattern(pattern)}, found ${found}`,
      misses.length > 0 ? 'closest requests:' : 'the journal is empty',
      ...misses.map(
        (miss) => `  - ${describeEntry(miss.entry)}  (differs in: ${miss.differs.join(', ') || 'nothing'})`,
      ),
      this.#describeRun(),
    ].filter((line) => line !== '');
    throw new SimulatorError('VERIFICATION_FAILED', lines.join('\n'));
  }

  clear(): void {
    this.#slots.fill(undefined);
    this.#next = 0;
    this.#size = 0;
  }

  /** Restore helper: replaces the content with `entries` (oldest first), keeping ids unique. */
  load(entries: readonly JournalEntry[]): void {
    this.clear();
    for (const entry of entries.slice(-this.capacity)) {
      this.append(entry);
      this.#lastId = Math.max(this.#lastId, entry.id);
    }
  }
}

/** Runs the pending redaction once and returns the settled entry. */
function settle(slot: Slot): JournalEntry {
  if (slot.pending) {
    slot.pending.redact(slot.entry);
    slot.pending = undefined;
  }
  return slot.entry;
}

function timesSatisfied(times: VerifyTimes, found: number): boolean {
  if (typeof times === 'number') {
    return found === times;
  }
  return (
    (times.atLeast === undefined || found >= times.atLeast) &&
    (times.atMost === undefined || found <= times.atMost)
  );
}

function describeTimes(times: VerifyTimes): string {
  if (typeof times === 'number') {
    return `exactly ${times}`;
  }
  const parts = [
    times.atLeast === undefined ? '' : `at least ${times.atLeast}`,
    times.atMost === undefined ? '' : `at most ${times.atMost}`,
  ].filter(Boolean);
  return parts.join(' and ') || 'any number of';
}

export function matches(entry: JournalEntry, pattern: JournalPattern): boolean {
  return fieldScores(entry, pattern).every(([, score]) => score === 1);
}

type FieldScore = [field: string, score: number];

function fieldScores(entry: JournalEntry, pattern: JournalPattern): FieldScore[] {
  const scores: FieldScore[] = [];
  const text = (field: string, expected: string | undefined, actual: string, caseless = false) => {
    if (expected !== undefined) {
      const [a, b] = caseless ? [expected.toUpperCase(), actual.toUpperCase()] : [expected, actual];
      scores.push([field, a === b ? 1 : similarity(a, b) * 0.9]);
    }
  };
  text('portal', pattern.portal, entry.portal);
  text('operation', pattern.operation, entry.operation);
  text('method', pattern.method, entry.method, true);
  if (pattern.path instanceof RegExp) {
    pattern.path.lastIndex = 0;
    scores.push(['path', pattern.path.test(entry.path) ? 1 : 0]);
  } else {
    text('path', pattern.path, entry.path);
  }
  if (pattern.status !== undefined) {
    const sameClass = Math.floor(pattern.status / 100) === Math.floor(entry.status / 100);
    scores.push(['status', pattern.status === entry.status ? 1 : sameClass ? 0.5 : 0]);
  }
  if (pattern.since !== undefined) {
    scores.push(['since', Date.parse(entry.time) >= toEpochMs(pattern.since) ? 1 : 0]);
  }
  return scores;
}

function nearMisses(entries: JournalEntry[], pattern: JournalPattern, limit: number) {
  return entries
    .map((entry, index) => {
      const scores = fieldScores(entry, pattern);
      const score = scores.reduce((sum, [, value]) => sum + value, 0) / Math.max(1, scores.length);
      return {
        entry,
        index,
        score,
        differs: scores.filter(([, value]) => value < 1).map(([field]) => field),
      };
    })
    .filter((miss) => miss.differs.length > 0)
    .sort((a, b) => b.score - a.score || b.index - a.index)
    .slice(0, limit);
}

function describePattern(pattern: JournalPattern): string {
  const parts = Object.entries(pattern).map(([key, value]) =>
    value instanceof RegExp ? `${key}=${String(value)}` : `${key}=${JSON.stringify(value)}`,
  );
  return parts.length > 0 ? `{ ${parts.join(', ')} }` : '{}';
}

function describeEntry(entry: JournalEntry): string {
  return `#${entry.id} ${entry.method} ${entry.portal}${entry.path} → ${entry.status} [${entry.operation}]`;
}
