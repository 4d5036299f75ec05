/**
 * A bot's update queue with MAX's marker semantics: every update gets the next sequence number; a poll
 * passing `marker` commits (drops) every update before it; a poll returns the uncommitted updates from
 * the oldest (filtered by `types`, at most `limit`) and the marker to send next — the sequence after
 * the last update it looked at, so updates skipped by the filter are committed with the rest.
 * Uncommitted updates come again on the next poll without a newer marker (at least once).
 */
import type { LoggedUpdate, UpdateJson, UpdateLog } from './state.js';

export function emptyLog(): UpdateLog {
  return { entries: [], nextSeq: 1, dropped: 0 };
}

/** Appends; beyond `capacity` the oldest uncommitted updates are dropped (and counted). */
export function appendUpdate(log: UpdateLog, update: UpdateJson, capacity: number): void {
  log.entries.push({ seq: log.nextSeq, update });
  log.nextSeq += 1;
  const excess = log.entries.length - capacity;
  if (excess > 0) {
    log.entries.splice(0, excess);
    log.dropped += excess;
  }
}

/** Drops every update whose sequence is below `marker` (a marker from the future commits everything). */
export function commitUpTo(log: UpdateLog, marker: number): void {
  const first = log.entries[0];
  if (first === undefined || marker <= first.seq) {
    return;
  }
  const count = Math.min(log.entries.length, marker - first.seq);
  log.entries.splice(0, count);
}

export interface Collected {
  updates: UpdateJson[];
  /** What the next poll should send. */
  marker: number;
}

/** The uncommitted updates a poll returns; `types` undefined = every type. */
export function collectUpdates(
  log: UpdateLog,
  limit: number,
  types: ReadonlySet<string> | undefined,
): Collected {
  const updates: UpdateJson[] = [];
  let last: LoggedUpdate | undefined;
  for (const entry of log.entries) {
    if (updates.length >= limit) {
      break;
    }
    last = entry;
    if (types === undefined || types.has(entry.update.update_type)) {
      updates.push(entry.update);
    }
  }
  return { updates, marker: last === undefined ? log.nextSeq : last.seq + 1 };
}
