import type { SimulatorRuntime } from './types.js';

interface Describable extends SimulatorRuntime {
  readonly faults: { active(): string[] };
}

/** 'seed=… scenarios=… clock=…' — printed on failures so a run can be replayed. */
export function describeRun(sim: Describable): string {
  const scenarios = sim.faults.active();
  return `seed=${sim.seed} scenarios=${scenarios.length > 0 ? scenarios.join(',') : 'none'} clock=${sim.clock.date().toISOString()}`;
}
