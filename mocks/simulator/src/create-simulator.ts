/** createSimulator for Node: the standalone server on listen(), msw loaded on first use of handlers. */
import { buildMswHandlers } from './adapters/msw/handlers.js';
import { loadMsw } from './adapters/msw/load-msw.js';
import type { ListenImplementation } from './engine/simulator.js';
import type { Simulator } from './engine/types.js';
import { createSimulatorWith } from './simulator-defaults.js';
import type { CreateSimulatorOptions } from './simulator-options.js';

// Loaded on first listen(): importing the simulator for MSW handlers never loads node:http.
const listenOnNode: ListenImplementation = (sim, options) =>
  import('./server/listen.js').then((server) => server.listen(sim, options));

/**
 * A self-contained simulator: its own clock, random streams, demo data, faults, rate buckets,
 * journal and portal states. `seed` (default 'goskit') makes data and faults replayable.
 */
export function createSimulator(options: CreateSimulatorOptions = {}): Simulator {
  return createSimulatorWith(options, {
    listen: listenOnNode,
    handlers: (sim) => buildMswHandlers(sim, loadMsw()),
  });
}
