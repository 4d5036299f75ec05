import type { Simulator } from './types.js';

/**
 * Runs `fn` with a scenario enabled and restores the previous set afterwards (also on throw or
 * rejection): `await withScenario(sim, 'maintenance', () => client.getPerson())`.
 */
export function withScenario<T>(sim: Pick<Simulator, 'faults'>, name: string, fn: () => T): T {
  return sim.faults.withScenario(name, fn);
}
