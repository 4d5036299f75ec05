import { createSimulatorWith } from './create-simulator-base.js';
import { SimulatorError } from './errors.js';
import type { ListenImplementation } from './simulator.js';
import type { Simulator, SimulatorOptions } from './types.js';

export { builtInPortals, isTestEnvironment } from './create-simulator-base.js';

const noServerInBrowsers: ListenImplementation = () =>
  Promise.reject(
    new SimulatorError(
      'NOT_IMPLEMENTED',
      'listen() needs node:http; in a browser use sim.handlers with setupWorker from msw/browser',
    ),
  );

/** createSimulator for browser bundles: same engine and MSW handlers, no node server reachable. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  return createSimulatorWith(options, noServerInBrowsers);
}
