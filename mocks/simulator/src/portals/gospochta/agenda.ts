/**
 * The virtual clock's agenda: what happens next and when (a letter's next status, a document getting
 * ready), kept in a binary min-heap in the state, so bringing the world up to "now" costs only the
 * steps that are due — with ten thousand letters in flight, a request does not scan them all. A key
 * has one due time; rescheduling replaces it (the stale heap entry is skipped when it surfaces).
 */
import type { AgendaItem, GospochtaState } from './state.js';

function swap(heap: AgendaItem[], a: number, b: number): void {
  const item = heap[a] as AgendaItem;
  heap[a] = heap[b] as AgendaItem;
  heap[b] = item;
}

function up(heap: AgendaItem[], index: number): void {
  let at = index;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if ((heap[parent] as AgendaItem).at <= (heap[at] as AgendaItem).at) {
      return;
    }
    swap(heap, parent, at);
    at = parent;
  }
}

function down(heap: AgendaItem[], index: number): void {
  let at = index;
  for (;;) {
    const left = at * 2 + 1;
    const right = left + 1;
    let smallest = at;
    if (left < heap.length && (heap[left] as AgendaItem).at < (heap[smallest] as AgendaItem).at) {
      smallest = left;
    }
    if (right < heap.length && (heap[right] as AgendaItem).at < (heap[smallest] as AgendaItem).at) {
      smallest = right;
    }
    if (smallest === at) {
      return;
    }
    swap(heap, at, smallest);
    at = smallest;
  }
}

/** Puts `key` on the agenda at `at` (replacing an earlier time for the same key). */
export function schedule(state: GospochtaState, key: string, at: number): void {
  if (state.scheduled.get(key) === at) {
    return;
  }
  state.scheduled.set(key, at);
  state.agenda.push({ at, key });
  up(state.agenda, state.agenda.length - 1);
}

export function unschedule(state: GospochtaState, key: string): void {
  state.scheduled.delete(key);
}

/** The keys due at or before `now`, each once, earliest first; they leave the agenda. */
export function takeDue(state: GospochtaState, now: number): string[] {
  const due: string[] = [];
  const heap = state.agenda;
  while (heap.length > 0 && (heap[0] as AgendaItem).at <= now) {
    const top = heap[0] as AgendaItem;
    const last = heap.pop() as AgendaItem;
    if (heap.length > 0) {
      heap[0] = last;
      down(heap, 0);
    }
    if (state.scheduled.get(top.key) === top.at) {
      state.scheduled.delete(top.key);
      due.push(top.key);
    }
  }
  return due;
}

/** When the next thing is due, or undefined when nothing is. */
export function nextDue(state: GospochtaState): number | undefined {
  while (state.agenda.length > 0) {
    const top = state.agenda[0] as AgendaItem;
    if (state.scheduled.get(top.key) === top.at) {
      return top.at;
    }
    const last = state.agenda.pop() as AgendaItem;
    if (state.agenda.length > 0) {
      state.agenda[0] = last;
      down(state.agenda, 0);
    }
  }
  return undefined;
}
