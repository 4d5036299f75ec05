/**
 * The simulator's virtual clock for the clients under test, without wiring `now` by hand: in process
 * the simulator's own clock (already a @goskit/core `Clock`), against goskit-sim a clock that follows
 * `GET /__goskit/clock` — synced once now, again on `sync()`, and whenever the `SimulatorControl` it
 * came from reports a new time (clock advance/set, reset, seed). See control/simulator-clock.ts.
 */
import { SimulatorControl } from '../control/client.js';
import type { SimulatorClock } from '../control/simulator-clock.js';
import type { Simulator } from '../engine/types.js';
import { isInProcess } from './portal-control.js';

export type { SimulatorClock } from '../control/simulator-clock.js';

/**
 * `target`: an in-process simulator, a `SimulatorControl`, or goskit-sim's root URL
 * (`'http://127.0.0.1:4010'`). Pass the result as a client's `clock` (or `now: () => clock.now()`).
 */
export async function simulatorClock(
  target: Simulator | SimulatorControl | string,
  options: { fetch?: typeof fetch } = {},
): Promise<SimulatorClock> {
  if (typeof target === 'string') {
    return new SimulatorControl({
      baseUrl: target,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }).clock.follow();
  }
  if (!isInProcess(target)) {
    return target.clock.follow();
  }
  const clock = target.clock;
  return {
    now: () => clock.now(),
    date: () => clock.date(),
    get mode() {
      return clock.mode;
    },
    // In process there is nothing to fetch: every read is the simulator's own time.
    sync: async () => {},
  };
}
