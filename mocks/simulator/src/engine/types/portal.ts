/**
 * A portal plugin: everything one simulated portal brings — routes, its slice of the demo data,
 * rate limits, control routes, a dashboard panel, its contract, the services it offers and needs.
 * The engine knows portals only through this shape.
 */
import type { ContractSet } from './contracts.js';
import type { PortalRateLimit } from './rate-limit.js';
import type { SimRequest, SimResponse } from './request.js';
import type { PortalRuntime } from './runtime.js';
import type { ServiceProvider, ServiceToken } from './services.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import type { PortalTls } from './tls.js';

export interface RouteContext<State = unknown> {
  request: SimRequest;
  params: Record<string, string>;
  state: State;
  sim: PortalRuntime;
}

export interface RouteDefinition<State = unknown> {
  method: string;
  /** '/rs/prns/:oid' style params; a trailing '/*' matches the rest of the path as params['*']. */
  path: string;
  /** Stable name for faults/journal, e.g. 'person.get'. */
  operation: string;
  // Method syntax on purpose: a PortalDefinition<MyState> must be usable where PortalDefinition<unknown> is expected.
  handler(ctx: RouteContext<State>): SimResponse | Promise<SimResponse>;
}

/** The portal's slice of `SimulatorOptions.data` (and of the `--data` file), e.g. `esia: { clients }`. */
export interface PortalDataSpec<Data> {
  /** Any Standard Schema (zod 4, valibot, arktype…); checked before the simulator starts. */
  schema: StandardSchemaV1<unknown, Data>;
  /** One line for `--help` and the control API: what the slice holds. */
  description: string;
}

export interface DashboardPanelContext<State> {
  state: State;
  sim: PortalRuntime;
  /** 'http://127.0.0.1:4010', as the browser addressed the server. */
  origin: string;
}

/** A section of the dashboard's overview page. */
export interface DashboardPanel<State> {
  title: string;
  /** An HTML fragment; escape everything that comes from state (escapeHtml from the portal kit). */
  render(context: DashboardPanelContext<State>): string;
}

export interface PortalDefinition<State = unknown, Data = unknown> {
  /** 'esia' */
  name: string;
  /** Human title for the dashboard. */
  title: string;
  /** Real origins answered by MSW handlers, e.g. ['https://esia-portal1.test.gosuslugi.ru']. */
  hosts: string[];
  /** Standalone path prefix, e.g. '/esia'. */
  prefix: string;
  /** Where the portal's behaviour is documented (a URL), listed by the dashboard and the control API. */
  docs?: string;
  /** Validates `data[<name>]`; the engine refuses data keys no loaded portal (or the roster) declares. */
  data?: PortalDataSpec<Data>;
  /**
   * The portal's state, built from the seed, the shared roster (`runtime.demo`) and its data slice
   * (`runtime.data`); called on create and reset(). Must return structured-cloneable data.
   */
  createState(runtime: PortalRuntime<Data>): State;
  routes: RouteDefinition<State>[];
  /** How the portal throttles and how it answers when it does — the portal's own defaults. */
  rateLimit?: PortalRateLimit;
  /** Response checks by operation + status: an OpenAPI contract, an XML checker, anything. */
  contracts?: ContractSet;
  /**
   * Portal-specific control routes (e.g. registering ESIA clients), mounted by the standalone
   * server at `/__goskit/<name><path>`. In process, call the portal's own functions instead.
   */
  controlRoutes?: RouteDefinition<State>[];
  /** A section of the dashboard's overview page. */
  dashboard?: DashboardPanel<State>;
  /** Services this portal offers other portals. */
  provides?: ServiceProvider<State>[];
  /** Services this portal needs; a missing provider fails createSimulator() with the hint of what to load. */
  requires?: ServiceToken<unknown>[];
  /**
   * Serve the portal on the standalone server's HTTPS listener too, requiring client certificates from
   * the CA it brings (`goskit-sim --tls-port`, `sim.listen({ tlsPort })`).
   */
  tls?: PortalTls<State>;
}
