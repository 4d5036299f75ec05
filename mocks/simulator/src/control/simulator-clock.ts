/**
 * The virtual clock of a simulator in another process, as a @goskit/core `Clock` (`{ now(): number }`):
 * a client given it signs ESIA timestamps and checks token expiry on the simulator's time, not the
 * machine's. It learns the time from the control API — once when created, again on `sync()`, and
 * from every answer of its `SimulatorControl` that reports the clock (advance, set, reset, seed,
 * health), so moving the clock through that control moves this clock at once. A running clock is
 * kept as an offset to the local wall clock (measured at the middle of the round trip); a frozen one
 * stands still, as the simulator's does. Changes made elsewhere (the dashboard, another process)
 * are seen on the next `sync()`.
 */
export interface SimulatorClock {
  /** Epoch ms of the simulator's virtual now (a @goskit/core Clock). */
  now(): number;
  /** The virtual now as a Date. */
  date(): Date;
  /** The simulator clock's mode as last reported: 'running' (goskit-sim's default) or 'frozen'. */
  readonly mode: 'running' | 'frozen';
  /** Reads `GET /__goskit/clock` again; resolves when this clock follows the answer. */
  sync(): Promise<void>;
}

/** What an answer of the control API says about the clock. */
export interface ReportedClock {
  /** Epoch ms of the virtual now. */
  ms: number;
  mode: 'running' | 'frozen';
}

export class FollowedClock implements SimulatorClock {
  readonly #sync: () => Promise<unknown>;
  readonly #wall: () => number;
  #mode: 'running' | 'frozen' = 'running';
  /** Frozen: the virtual time. Running: virtual minus local wall time. */
  #value = 0;
  #synced = false;

  /** `sync` asks the server (its answer reaches `follow`); `wall` is the local clock (tests pass their own). */
  constructor(sync: () => Promise<unknown>, wall: () => number = Date.now) {
    this.#sync = sync;
    this.#wall = wall;
  }

  get mode(): 'running' | 'frozen' {
    return this.#mode;
  }

  /** Whether any answer has been followed yet. */
  get synced(): boolean {
    return this.#synced;
  }

  now(): number {
    return this.#mode === 'frozen' ? this.#value : this.#wall() + this.#value;
  }

  date(): Date {
    return new Date(this.now());
  }

  async sync(): Promise<void> {
    await this.#sync();
  }

  /**
   * Takes the time an answer reported. `sentAt`/`receivedAt` are local wall times around the request:
   * the server read its clock somewhere in between, the middle is the best guess.
   */
  follow(reported: ReportedClock, sentAt: number, receivedAt: number): void {
    if (!Number.isFinite(reported.ms) || (reported.mode !== 'running' && reported.mode !== 'frozen')) {
      return;
    }
    this.#mode = reported.mode;
    this.#value = reported.mode === 'frozen' ? reported.ms : reported.ms - (sentAt + receivedAt) / 2;
    this.#synced = true;
  }
}

/** The clock an answer reports, if any: `{ ms, mode }` (clock routes, reset, seed) or `{ now, clockMode }` (health). */
export function reportedClock(payload: unknown): ReportedClock | undefined {
  if (typeof payload !== 'object' || payload === null) {
    return undefined;
  }
  const answer = payload as { ms?: unknown; mode?: unknown; now?: unknown; clockMode?: unknown };
  const mode = answer.mode ?? answer.clockMode;
  if (mode !== 'running' && mode !== 'frozen') {
    return undefined;
  }
  const ms =
    typeof answer.ms === 'number'
      ? answer.ms
      : typeof answer.now === 'string'
        ? Date.parse(answer.now)
        : Number.NaN;
  return Number.isFinite(ms) ? { ms, mode } : undefined;
}
