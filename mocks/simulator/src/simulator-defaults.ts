/**
 * What both package entries (node and browser) do the same way when creating a simulator: the
 * built-in portals and roster unless told otherwise, contracts strict inside test runners.
 */
import type { HandlersImplementation, ListenImplementation } from './engine/simulator.js';
import { createEngine } from './engine/simulator.js';
import type { Simulator, SimulatorOptions } from './engine/types.js';
import { builtInPortals } from './portals/index.js';
import { demoRoster } from './roster/index.js';

/** Contracts are enforced by default inside test runners, where drift should fail loudly. */
export function isTestEnvironment(): boolean {
  const env = typeof process === 'undefined' ? undefined : process.env;
  return Boolean(env?.VITEST) || env?.NODE_ENV === 'test' || env?.GOSKIT_STRICT_CONTRACTS === '1';
}

export function createSimulatorWith(
  options: SimulatorOptions,
  adapters: { listen: ListenImplementation; handlers: HandlersImplementation },
): Simulator {
  return createEngine({
    ...options,
    portals: options.portals ?? builtInPortals(),
    roster: demoRoster,
    strictContracts: options.strictContracts ?? isTestEnvironment(),
    ...adapters,
  });
}
