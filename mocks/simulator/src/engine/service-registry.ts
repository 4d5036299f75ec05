/**
 * Which loaded portal provides which service, checked when the simulator is created: a portal that
 * requires a service nobody provides, or two providers of one service, fail at once with what to load.
 * Instances are built on first use and live until reset (they read portal state through a getter).
 */
import { SimulatorError } from './errors.js';
import type { PortalDefinition, PortalRuntime, ServiceProvider, ServiceToken } from './types.js';

interface Provision {
  portal: string;
  provider: ServiceProvider;
}

export class ServiceRegistry {
  readonly #provisions = new Map<string, Provision>();
  readonly #instances = new Map<string, unknown>();
  readonly #runtime: (portal: string) => PortalRuntime;
  readonly #state: (portal: string) => unknown;

  constructor(
    portals: readonly PortalDefinition[],
    runtime: (portal: string) => PortalRuntime,
    state: (portal: string) => unknown,
  ) {
    this.#runtime = runtime;
    this.#state = state;
    for (const portal of portals) {
      for (const provider of portal.provides ?? []) {
        const id = provider.service.id;
        const existing = this.#provisions.get(id);
        if (existing !== undefined) {
          throw new SimulatorError(
            'INVALID_DATA',
            `service "${id}" is provided by two portals (${existing.portal}, ${portal.name}); load one of them`,
          );
        }
        this.#provisions.set(id, { portal: portal.name, provider });
      }
    }
    for (const portal of portals) {
      for (const token of portal.requires ?? []) {
        if (!this.#provisions.has(token.id)) {
          throw new SimulatorError(
            'MISSING_SERVICE',
            `portal "${portal.name}" requires service "${token.id}" (${token.description}), which no loaded portal provides${token.hint === undefined ? '' : `; load ${token.hint}`}`,
          );
        }
      }
    }
  }

  /** The service's instance, built on first use. Throws UNKNOWN_SERVICE when no portal provides it. */
  get<T>(token: ServiceToken<T>): T {
    if (this.#instances.has(token.id)) {
      return this.#instances.get(token.id) as T;
    }
    const provision = this.#provisions.get(token.id);
    if (provision === undefined) {
      throw new SimulatorError(
        'UNKNOWN_SERVICE',
        `no loaded portal provides service "${token.id}"${token.hint === undefined ? '' : `; load ${token.hint}`}`,
      );
    }
    const { portal, provider } = provision;
    const instance = provider.create({ runtime: this.#runtime(portal), state: () => this.#state(portal) });
    this.#instances.set(token.id, instance);
    return instance as T;
  }

  /** Which portal provides each service (control API, docs). */
  providers(): Record<string, string> {
    return Object.fromEntries([...this.#provisions].map(([id, { portal }]) => [id, portal]));
  }

  /** Instances may cache per-run data (keys derived from the seed): rebuild them after reset. */
  clear(): void {
    this.#instances.clear();
  }
}
