/**
 * Internal fast path between the engine and the node server: the answer without a promise when
 * the route handler is synchronous. Keyed by a symbol so it stays off the public Simulator type,
 * whose `handle()` keeps returning a promise.
 */
import type { SimRequest, SimResponse, Simulator } from './types.js';

export const HANDLE_NOW = Symbol('goskit.handleNow');

export type HandleNow = (request: SimRequest) => SimResponse | Promise<SimResponse>;

interface WithHandleNow {
  [HANDLE_NOW]?: HandleNow;
}

/** The engine's synchronous-when-possible entry, or `handle()` for any other Simulator implementation. */
export function handleNowOf(sim: Simulator): HandleNow {
  const fast = (sim as Simulator & WithHandleNow)[HANDLE_NOW];
  return fast === undefined ? (request) => sim.handle(request) : fast.bind(sim);
}
