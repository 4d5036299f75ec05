import { schoolPortal } from '../portals/school/school-portal.js';
import { SimulatorEngine } from './simulator.js';
import type { PortalDefinition, Simulator, SimulatorOptions } from './types.js';

/** Portals served when options.portals is not given. */
export function builtInPortals(): PortalDefinition[] {
  return [schoolPortal];
}

/** Contracts are enforced by default inside test runners, where drift should fail loudly. */
export function isTestEnvironment(): boolean {
  const env = typeof process === 'undefined' ? undefined : process.env;
  return Boolean(env?.VITEST) || env?.NODE_ENV === 'test';
}

/**
 * A self-contained simulator: its own clock, random streams, demo data, faults, rate buckets,
 * journal and portal states. `seed` (default 'goskit') makes data and faults replayable.
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const portals = options.portals ?? builtInPortals();
  return new SimulatorEngine(options, portals, options.strictContracts ?? isTestEnvironment());
}
