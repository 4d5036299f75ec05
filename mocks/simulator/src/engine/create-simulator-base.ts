import { epguPortal } from '../portals/epgu/index.js';
import { esiaPortal } from '../portals/esia/index.js';
import { schoolPortal } from '../portals/school/school-portal.js';
import { type ListenImplementation, SimulatorEngine } from './simulator.js';
import type { PortalDefinition, Simulator, SimulatorOptions } from './types.js';

/** Portals served when options.portals is not given. */
export function builtInPortals(): PortalDefinition[] {
  return [schoolPortal, esiaPortal(), epguPortal()];
}

/** Contracts are enforced by default inside test runners, where drift should fail loudly. */
export function isTestEnvironment(): boolean {
  const env = typeof process === 'undefined' ? undefined : process.env;
  return Boolean(env?.VITEST) || env?.NODE_ENV === 'test';
}

/** Shared by the node and browser entries; they differ only in how listen() works. */
export function createSimulatorWith(options: SimulatorOptions, listen: ListenImplementation): Simulator {
  const portals = options.portals ?? builtInPortals();
  return new SimulatorEngine(options, portals, options.strictContracts ?? isTestEnvironment(), listen);
}
