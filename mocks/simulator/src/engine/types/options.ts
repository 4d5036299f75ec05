/** What `createSimulator()` accepts. */

import type { ClockMode } from './clock.js';
import type { PortalDefinition } from './portal.js';
import type { BucketSettings } from './rate-limit.js';
import type { DemoData } from './roster.js';

/**
 * Data the simulator starts from: roster keys (`organisation`, `classes`, `personas`, …) replace the
 * generated ones; a loaded portal's name (`esia: { clients }`) is that portal's slice, checked by its
 * schema. Any other key is refused.
 */
export interface SimulatorData extends Partial<Omit<DemoData, 'seed'>> {
  [portal: string]: unknown;
}

export interface SimulatorOptions {
  /** Default 'goskit'. */
  seed?: string | number;
  /** Default: the built-in portals. */
  portals?: PortalDefinition[];
  /** Scenarios active from the start. */
  scenarios?: string[];
  /** Default true under vitest / NODE_ENV=test. */
  strictContracts?: boolean;
  /** Journal ring-buffer capacity, default 1000. */
  journalSize?: number;
  /**
   * Start of the virtual clock. Default: 2026-09-01T09:00:00+03:00 when frozen, the real time when
   * running.
   */
  clock?: Date | string | number;
  /**
   * 'frozen' (default in process: time moves only with advance/set) or 'running' (time runs with
   * the wall clock from the start; advance/set shift it and it keeps running). `goskit-sim` runs.
   */
  clockMode?: ClockMode;
  /** The roster's overrides and each portal's data slice. */
  data?: SimulatorData;
  /** Cap of any real wait the adapters do (fault delays, latency); default 5000. */
  maxDelayMs?: number;
  /** Rate-limit overrides per portal name. */
  rateLimits?: Record<string, Partial<BucketSettings>>;
  /** What the journal keeps of bodies: 'redacted' (default) or 'none'. */
  journalBodies?: 'none' | 'redacted';
}
