/**
 * `@goskit/simulator/msw/node`: the simulator behind MSW's `setupServer` in one call, with the MSW
 * conventions built in — overrides journaled, one reset for both. Imports `msw/node`, so only load it
 * in Node test runners (vitest, jest, node:test) where msw is installed.
 *
 * @example
 * const { sim, server, use, reset } = setupSimulatorServer({ seed: 'ci' });
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => reset());
 * afterAll(() => server.close());
 */
import type { RequestHandler } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { createSimulator } from './create-simulator.js';
import type { Simulator } from './engine/types.js';
import { createMswHandlers } from './msw.js';
import type { CreateSimulatorOptions } from './simulator-options.js';
import { journaled, resetAll } from './testing/journaled.js';

export { createMswHandlers } from './msw.js';
export { journaled, type ResettableMsw, resetAll } from './testing/journaled.js';

export interface SimulatorServerSetup {
  /** The simulator behind the handlers (clock, journal, faults, demo data). */
  readonly sim: Simulator;
  /** MSW's server with the simulator's handlers on every portal's real hosts. */
  readonly server: SetupServer;
  /** `server.use()` with every handler journaled (`journaled(sim, ...)`): overrides show up in `sim.journal`. */
  use(...handlers: RequestHandler[]): void;
  /** `resetAll(server, sim)`: drops the overrides, resets the simulator (`seed` switches seed). */
  reset(options?: { seed?: string | number }): void;
  /** `server.listen()`, with `onUnhandledRequest: 'error'` unless you say otherwise. */
  listen(options?: Parameters<SetupServer['listen']>[0]): void;
  close(): void;
}

/**
 * Creates a simulator (or takes yours as `sim`) and an MSW server answering with it. The handlers are
 * built from this module's msw, so they match the `msw/node` your test runner loaded (jest included).
 */
export function setupSimulatorServer(
  options: CreateSimulatorOptions & { sim?: Simulator } = {},
): SimulatorServerSetup {
  const { sim: given, ...simOptions } = options;
  const sim = given ?? createSimulator(simOptions);
  const server = setupServer(...createMswHandlers(sim));
  return {
    sim,
    server,
    use: (...handlers) => server.use(...journaled(sim, ...handlers)),
    reset: (resetOptions) => resetAll(server, sim, resetOptions),
    listen: (listenOptions) => server.listen({ onUnhandledRequest: 'error', ...listenOptions }),
    close: () => server.close(),
  };
}
