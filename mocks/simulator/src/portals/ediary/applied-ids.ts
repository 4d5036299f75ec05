/**
 * The record ids the feed has applied. A record is applied once per school and kind, whichever batch
 * carries it; the ids are kept as a bounded window: at most `limit` ids over all schools and kinds,
 * the least recently seen forgotten first (an id seen again — refused as a duplicate — moves to the
 * newest end, so an id a school keeps re-sending stays known). An id forgotten and sent again is
 * applied again, so the window must cover the re-sends a school's system makes; a batch re-sent whole
 * is caught earlier by its Idempotency-Key. See
 * https://github.com/goskit/goskit/blob/main/docs/decisions/084-feed-applied-ids-window.md.
 */
import type { RecordKind } from './records.js';
import type { EdiaryState } from './state.js';

/** Ids remembered by default (≈ 15 MB): a large school's marks of several months. */
export const DEFAULT_MAX_APPLIED_IDS = 100_000;

// School ids and record ids match [A-Za-z0-9._:-], so a line feed cannot occur inside them.
const keyOf = (schoolId: string, kind: RecordKind, id: string) => `${schoolId}\n${kind}\n${id}`;

/** Whether the id was applied (and still remembered); a hit makes it the most recently seen. */
export function wasApplied(state: EdiaryState, schoolId: string, kind: RecordKind, id: string): boolean {
  const key = keyOf(schoolId, kind, id);
  const appliedAt = state.applied.get(key);
  if (appliedAt === undefined) {
    return false;
  }
  state.applied.delete(key);
  state.applied.set(key, appliedAt);
  return true;
}

/** Remembers an applied id (with the virtual time), forgetting the least recently seen past `limit`. */
export function rememberApplied(
  state: EdiaryState,
  schoolId: string,
  kind: RecordKind,
  id: string,
  atMs: number,
  limit: number,
): void {
  state.applied.set(keyOf(schoolId, kind, id), atMs);
  while (state.applied.size > limit) {
    state.applied.delete(state.applied.keys().next().value as string);
    state.forgottenIds += 1;
  }
}
