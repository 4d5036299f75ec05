/** Everything requests change, as structured clones (snapshot/restore). */
import type { RandomState } from './clock.js';
import type { JournalEntry } from './journal.js';

export interface SimulatorSnapshot {
  readonly version: 1;
  readonly seed: string;
  readonly clockMs: number;
  readonly random: Record<string, RandomState>;
  readonly portalStates: Record<string, unknown>;
  readonly buckets: Record<string, unknown>;
  readonly faults: unknown;
  readonly journal?: JournalEntry[];
}
