/**
 * snapshot()/restore(): structured clones of everything that changes while requests flow —
 * portal states, clock, random streams, rate buckets, faults and (optionally) the journal.
 */
import { SimulatorError } from './errors.js';
import type { SimulatorEngine } from './simulator.js';
import type { SimulatorSnapshot } from './types.js';

export function takeSnapshot(engine: SimulatorEngine, withJournal: boolean): SimulatorSnapshot {
  const snapshot: SimulatorSnapshot = {
    version: 1,
    seed: engine.seed,
    clockMs: engine.clock.now(),
    random: engine.streams.exportState(),
    portalStates: Object.fromEntries(
      [...engine.states].map(([name, state]) => [name, structuredClone(state)]),
    ),
    buckets: engine.limiter.exportState(),
    faults: engine.faults.exportState(),
  };
  return withJournal
    ? { ...snapshot, journal: engine.journal.entries().map((entry) => structuredClone(entry)) }
    : snapshot;
}

export function restoreSnapshot(engine: SimulatorEngine, snapshot: SimulatorSnapshot): void {
  if (snapshot?.version !== 1 || typeof snapshot.clockMs !== 'number') {
    throw new SimulatorError('INVALID_SNAPSHOT', 'not a snapshot of this simulator version');
  }
  const unknown = Object.keys(snapshot.portalStates).filter((name) => !engine.states.has(name));
  if (unknown.length > 0) {
    throw new SimulatorError(
      'INVALID_SNAPSHOT',
      `snapshot has state of unknown portal(s): ${unknown.join(', ')}`,
    );
  }
  engine.clock.set(snapshot.clockMs);
  engine.streams.reset(snapshot.seed);
  engine.streams.importState(snapshot.random);
  for (const [name, state] of Object.entries(snapshot.portalStates)) {
    engine.states.set(name, structuredClone(state));
  }
  engine.limiter.importState(snapshot.buckets as Parameters<typeof engine.limiter.importState>[0]);
  engine.faults.importState(snapshot.faults as Parameters<typeof engine.faults.importState>[0]);
  if (snapshot.journal) {
    engine.journal.load(snapshot.journal);
  }
}
