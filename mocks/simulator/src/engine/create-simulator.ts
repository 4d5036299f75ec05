import { createSimulatorWith } from './create-simulator-base.js';
import type { ListenImplementation } from './simulator.js';
import type { Simulator, SimulatorOptions } from './types.js';

export { builtInPortals, isTestEnvironment } from './create-simulator-base.js';

// Loaded on first listen(): importing the simulator for MSW handlers never loads node:http.
const listenOnNode: ListenImplementation = (sim, options) =>
  import('../server/listen.js').then((server) => server.listen(sim, options));

/**
 * A self-contained simulator: its own clock, random streams, demo data, faults, rate buckets,
 * journal and portal states. `seed` (default 'goskit') makes data and faults replayable.
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  return createSimulatorWith(options, listenOnNode);
}
