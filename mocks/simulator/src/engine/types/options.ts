/** What `createSimulator()` accepts. */

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
  /** Start of the virtual clock; default 2026-09-01T09:00:00+03:00. */
  clock?: Date | string | number;
  /** The roster's overrides and each portal's data slice. */
  data?: SimulatorData;
  /** Cap of any real wait the adapters do (fault delays, latency); default 5000. */
  maxDelayMs?: number;
  /** Rate-limit overrides per portal name. */
  rateLimits?: Record<string, Partial<BucketSettings>>;
  /** What the journal keeps of bodies: 'redacted' (default) or 'none'. */
  journalBodies?: 'none' | 'redacted';
}
