/**
 * The outbox's state: notices in delivery-time order (bounded: past `capacity` the oldest go, and
 * `dropped` counts them), the keys already used, and the delay of each category. Plain data, so
 * snapshots clone it.
 */
import { parseDuration } from '../../engine/duration.js';
import type { Notice } from '../../services/notifications.js';

export interface OutboxState {
  notices: Notice[];
  /** key → notice id, for notices sent with a key. */
  keys: Map<string, string>;
  nextId: number;
  dropped: number;
  capacity: number;
  /** Category (or its prefix before the first '.', or 'default') → delay in ms. */
  delays: Map<string, number>;
}

export interface OutboxSettings {
  /** Delay per category ('ediary.mark'), per family ('ediary') or 'default': ISO duration or ms. */
  delays?: Record<string, string | number>;
  /** Notices kept; older ones are dropped. Default 10 000. */
  capacity?: number;
}

export function createOutboxState(settings: OutboxSettings): OutboxState {
  const delays = new Map<string, number>();
  for (const [category, value] of Object.entries(settings.delays ?? {})) {
    delays.set(category, parseDuration(value));
  }
  return {
    notices: [],
    keys: new Map(),
    nextId: 1,
    dropped: 0,
    capacity: settings.capacity ?? 10_000,
    delays,
  };
}

/** The delay of a category: its own, its family's ('ediary' for 'ediary.mark'), the default, or 0. */
export function delayOf(state: OutboxState, category: string): number {
  const family = category.split('.')[0] as string;
  return state.delays.get(category) ?? state.delays.get(family) ?? state.delays.get('default') ?? 0;
}
