/** createSimulator for browser bundles: MSW handlers for setupWorker, no node server reachable. */
import * as msw from 'msw';
import { buildMswHandlers } from './adapters/msw/handlers.js';
import { SimulatorError } from './engine/errors.js';
import type { ListenImplementation } from './engine/simulator.js';
import type { Simulator } from './engine/types.js';
import { createSimulatorWith } from './simulator-defaults.js';
import type { CreateSimulatorOptions } from './simulator-options.js';

const noServerInBrowsers: ListenImplementation = () =>
  Promise.reject(
    new SimulatorError(
      'NOT_IMPLEMENTED',
      'listen() needs node:http; in a browser use sim.handlers with setupWorker from msw/browser',
    ),
  );

export function createSimulator(options: CreateSimulatorOptions = {}): Simulator {
  return createSimulatorWith(options, {
    listen: noServerInBrowsers,
    handlers: (sim) => buildMswHandlers(sim, msw),
  });
}
