/**
 * What cannot live in the (cloneable) state: polls waiting for updates and webhook deliveries in
 * flight. One `MaxLive` per state object. A waiting poll ends at the first of: an update for its bot,
 * the virtual clock reaching its deadline (checked every `tickMs` of real time, so `sim.clock.advance()`
 * and a running clock both end it), or its real-time cap. Due deliveries are sent from the same tick.
 * After a reset or restore the old state's live stops: its polls answer empty, its deliveries stop.
 */
import type { PortalRuntime } from '../../engine/types.js';
import type { MaxState } from './state.js';
import { type DeliveryPump, pumpDeliveries } from './webhook-delivery.js';

interface Waiter {
  botId: number;
  deadline: number;
  /** Answers the poll if it has something (or `force`); true when it answered. */
  settle(force: boolean): boolean;
}

const lives = new WeakMap<MaxState, MaxLive>();
/** The state each portal runtime serves now (a reset or restore replaces it). */
const current = new WeakMap<PortalRuntime, MaxState>();

export class MaxLive implements DeliveryPump {
  readonly state: MaxState;
  readonly runtime: PortalRuntime;
  readonly #waiters = new Map<number, Set<Waiter>>();
  readonly inFlight = new Set<number>();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(state: MaxState, runtime: PortalRuntime) {
    this.state = state;
    this.runtime = runtime;
  }

  get now(): number {
    return this.runtime.clock.nowMs();
  }

  /** False once a reset or restore gave the portal another state. */
  get active(): boolean {
    return current.get(this.runtime) === this.state;
  }

  /** Waits until `settle` answers; `timeoutMs` is virtual, `realCapMs` real. */
  wait(botId: number, timeoutMs: number, realCapMs: number, settle: (force: boolean) => boolean): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waiter: Waiter = {
      botId,
      deadline: this.now + timeoutMs,
      settle: (force) => {
        if (!settle(force)) {
          return false;
        }
        clearTimeout(timer);
        this.#waiters.get(botId)?.delete(waiter);
        return true;
      },
    };
    let set = this.#waiters.get(botId);
    if (set === undefined) {
      set = new Set();
      this.#waiters.set(botId, set);
    }
    set.add(waiter);
    timer = setTimeout(() => waiter.settle(true), realCapMs);
    timer.unref?.();
    this.kick();
  }

  /** New updates for a bot: its waiting polls look again. */
  notify(botId: number): void {
    const set = this.#waiters.get(botId);
    if (set === undefined) {
      return;
    }
    for (const waiter of [...set]) {
      waiter.settle(false);
    }
  }

  /** Starts the tick if there is anything to watch. */
  kick(): void {
    if (this.#timer === undefined && this.#busy()) {
      this.#timer = setInterval(() => this.tick(), this.state.config.tickMs);
      this.#timer.unref?.();
    }
    pumpDeliveries(this);
  }

  tick(): void {
    if (!this.active) {
      for (const set of this.#waiters.values()) {
        for (const waiter of [...set]) {
          waiter.settle(true);
        }
      }
      this.#stop();
      return;
    }
    const now = this.now;
    for (const set of this.#waiters.values()) {
      for (const waiter of [...set]) {
        if (waiter.deadline <= now) {
          waiter.settle(true);
        }
      }
    }
    pumpDeliveries(this);
    if (!this.#busy()) {
      this.#stop();
    }
  }

  #busy(): boolean {
    for (const set of this.#waiters.values()) {
      if (set.size > 0) {
        return true;
      }
    }
    for (const bot of this.state.bots.values()) {
      if (bot.deliveries.length > 0) {
        return true;
      }
    }
    return this.inFlight.size > 0;
  }

  #stop(): void {
    if (this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}

/** The live side of a state; also records it as the runtime's current state. */
export function liveOf(state: MaxState, runtime: PortalRuntime): MaxLive {
  let live = lives.get(state);
  if (live === undefined) {
    live = new MaxLive(state, runtime);
    lives.set(state, live);
  }
  current.set(runtime, state);
  return live;
}
