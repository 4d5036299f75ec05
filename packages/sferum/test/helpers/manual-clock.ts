/** A TimerClock the test moves by hand: timers fire only inside `advance()`. */
import type { TimerClock } from '@goskit/core';

export class ManualClock implements TimerClock {
  #now: number;
  #timers = new Map<number, { at: number; callback: () => void }>();
  #next = 1;

  constructor(start = Date.UTC(2026, 8, 1, 6)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Moves time forward, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms;
    for (;;) {
      const due = [...this.#timers.entries()]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) {
        break;
      }
      this.#timers.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      due[1].callback();
      await flush(15);
    }
    this.#now = until;
    await flush();
  }
}

/**
 * Lets pending work run: promise chains, MSW's interception and the token digest (WebCrypto runs
 * on the thread pool). Real time passes, virtual time does not — nothing the limiter holds can leave.
 */
export async function flush(ms = 60): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits (in real time, up to 5 s) until `count()` reaches `n`, then a little longer so that anything
 * that should NOT leave has had its chance to: the caller then asserts the exact count.
 */
export async function settleAt(count: () => number, n: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (count() < n && Date.now() < deadline) {
    await flush(10);
  }
  await flush(80);
}
