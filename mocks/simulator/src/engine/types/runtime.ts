/** What portals see of the simulator, and the simulator's public face. */
import type { HttpHandler } from 'msw';
import type { SeededRandom, VirtualClock } from './clock.js';
import type { ContractViolation } from './contracts.js';
import type { FaultController } from './faults.js';
import type { Journal } from './journal.js';
import type { PortalDefinition } from './portal.js';
import type { BucketSettings } from './rate-limit.js';
import type { SimRequest, SimResponse } from './request.js';
import type { DemoData } from './roster.js';
import type { ServiceToken } from './services.js';
import type { SimulatorSnapshot } from './snapshot.js';

/** The shared runtime: one clock, one seed, one roster. */
export interface SimulatorRuntime {
  readonly seed: string;
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  /** The shared school roster («Демо школа» by default). */
  readonly demo: DemoData;
}

/** A portal's view: the shared runtime plus its own random stream, data slice and required services. */
export interface PortalRuntime<Data = unknown> extends SimulatorRuntime {
  /** The portal's name. */
  readonly portal: string;
  /** `SimulatorOptions.data[<portal>]` after the portal's schema checked it; undefined when not given. */
  readonly data: Data | undefined;
  /** A service this portal declared in `requires`; throws SERVICE_NOT_DECLARED otherwise. */
  service<T>(token: ServiceToken<T>): T;
}

export interface Simulator extends SimulatorRuntime {
  readonly journal: Journal;
  readonly faults: FaultController;
  readonly portals: readonly PortalDefinition[];
  readonly strictContracts: boolean;
  /** THE behaviour; adapters only translate. Never throws: failures become 500 responses. */
  handle(request: SimRequest): Promise<SimResponse>;
  /** Live state object of a portal (mutations are visible to later requests). Throws UNKNOWN_PORTAL. */
  portalState<T>(name: string): T;
  /** A service some loaded portal provides (e.g. to act on the ESIA portal from a test). Throws UNKNOWN_SERVICE. */
  service<T>(token: ServiceToken<T>): T;
  /** Replays the seed: fresh state, clock, journal, faults. `seed` switches to a new seed first. */
  reset(options?: { seed?: string | number }): void;
  /** Structured clones of everything requests change; `journal: false` leaves the journal out (smaller, faster). */
  snapshot(options?: { journal?: boolean }): SimulatorSnapshot;
  restore(snapshot: SimulatorSnapshot): void;
  /** Contract drift recorded since create/reset (a test can assert none). */
  contractViolations(): ContractViolation[];
  /** The effective rate limit of a portal (its own defaults with `rateLimits` applied); undefined when it has none. */
  rateLimit(portal: string): BucketSettings | undefined;
  /** Finds a portal by name, or by the start of a path ('/esia/...') for the standalone server. */
  portal(name: string): PortalDefinition | undefined;
  /**
   * MSW handlers on the real hosts. Loads msw (an optional peer dependency) on first use; without it
   * installed this throws MSW_MISSING naming the install command.
   */
  get handlers(): HttpHandler[];
  /** Standalone node server (src/server/listen.ts). */
  listen(options?: ServeOptions): Promise<SimulatorServer>;
}

/**
 * Browser origins allowed to call the standalone server directly: `'*'` or exact origins such as
 * `http://localhost:3000`. Off by default: the real portals' APIs are called from back-ends.
 */
export type CorsOrigins = '*' | readonly string[];

/** Options of the standalone server (`sim.listen()`, `goskit-sim`). */
export interface ServeOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default '127.0.0.1' — the simulator is a development tool, not a public service. */
  host?: string;
  /** Answer CORS preflights and add CORS headers for these origins; default none. */
  cors?: CorsOrigins;
  /**
   * Port of the HTTPS listener serving the portals that declare `tls` (mutual TLS); 0 picks a free
   * one. Default: no HTTPS listener (`goskit-sim` opens one on 4443).
   */
  tlsPort?: number;
}

export interface SimulatorServer {
  readonly url: string;
  readonly port: number;
  baseUrl(portal: string): string;
  /** 'https://127.0.0.1:4443' when the HTTPS listener runs (a portal declares `tls` and `tlsPort` was given). */
  readonly tlsUrl?: string;
  readonly tlsPort?: number;
  /** 'https://127.0.0.1:4443/gospochta'; throws when the portal is not served over TLS. */
  tlsBaseUrl(portal: string): string;
  close(): Promise<void>;
}
