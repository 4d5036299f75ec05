import { ATTEMPT_DEADLINE } from '../call-signal.js';

/** A deadline signal and a promise that rejects with its reason when it fires. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Rejects when the signal fires; raced against waits that fetch might not cut short itself. */
  readonly fired: Promise<never>;
}

/** Attempts sharing one deadline: all of them end at or before `fireAt`. */
interface Slot extends Deadline {
  readonly fireAt: number;
  uses: number;
}

/** A signal and its `fired` promise, with one listener however many attempts race against it. */
export function deadlineOf(signal: AbortSignal): Deadline {
  const fired = new Promise<never>((_, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
    } else {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    }
  });
  // Nobody may be racing when it fires (every attempt finished): not an unhandled rejection.
  fired.catch(() => {});
  return { signal, fired };
}

/**
 * Attempts per signal. Node's EventTarget walks its listener list on every add and remove, so a
 * signal shared too widely costs more than it saves; a fresh signal per attempt costs the most.
 * Between 8 and 32 measured alike; 16 stays far below undici's 1 500-listener warning.
 */
const MAX_USES = 16;
/** Longest a deadline may fire late, ms. */
const MAX_GRANULARITY = 25;
/** setTimeout's limit; a longer delay would fire after 1 ms instead (Node's TimeoutOverflowWarning). */
const MAX_DELAY = 2_147_483_647;

/**
 * Attempt deadlines grouped into short slots, one AbortController per slot. fetch links every
 * request to its signal (a weak reference, a finalizer and a listener); with a fresh controller and
 * timer per attempt that cost ~9% of a loopback call at 16 concurrent calls, with a shared slot
 * signal ~6% (https://github.com/goskit/goskit/blob/main/docs/decisions/008-transport-engines.md).
 * The price: a deadline fires up to min(25 ms, timeout / 100) late, the same
 * trade undici makes with its own coarse timers. Timers are unref'd: an idle slot never keeps the
 * process alive, and a request in flight does that by itself.
 */
export class DeadlineSlots {
  readonly #current = new Map<number, Slot>();
  readonly #now: () => number;

  /** `now` is injectable so tests can start attempts in one slot without racing a boundary. */
  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** The deadline for an attempt starting now with this timeout (ms). */
  take(timeout: number): Deadline {
    const now = this.#now();
    const granularity = Math.min(MAX_GRANULARITY, Math.max(1, Math.floor(timeout / 100)));
    const fireAt = Math.ceil((now + timeout) / granularity) * granularity;
    let slot = this.#current.get(timeout);
    if (slot === undefined || slot.fireAt !== fireAt || slot.uses >= MAX_USES) {
      slot = this.#open(timeout, fireAt, now);
    }
    slot.uses += 1;
    return slot;
  }

  #open(timeout: number, fireAt: number, now: number): Slot {
    const controller = new AbortController();
    const slot: Slot = { ...deadlineOf(controller.signal), fireAt, uses: 0 };
    const timer = setTimeout(
      () => {
        if (this.#current.get(timeout) === slot) {
          this.#current.delete(timeout);
        }
        controller.abort(ATTEMPT_DEADLINE);
      },
      Math.min(fireAt - now, MAX_DELAY),
    );
    // Node only: browsers have no unref and never wait for timers anyway.
    (timer as { unref?: () => void }).unref?.();
    this.#current.set(timeout, slot);
    return slot;
  }
}
