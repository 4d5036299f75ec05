/** `defineService` and `provide`: how portals declare what they offer each other (types/services.ts). */
import type { ServiceContext, ServiceProvider, ServiceToken } from './types.js';

export interface ServiceOptions {
  /** What the service does, for error messages. */
  description: string;
  /** What to load when it is missing, e.g. 'esiaPortal()'. */
  hint?: string;
}

/** A typed service token; portals import it from a shared module (src/services/), never from each other. */
export function defineService<T>(id: string, options: ServiceOptions): ServiceToken<T> {
  return Object.freeze({ id, description: options.description, hint: options.hint });
}

/** Declares that a portal provides `service`, built by `create` on first use. */
export function provide<T, State>(
  service: ServiceToken<T>,
  create: (context: ServiceContext<State>) => T,
): ServiceProvider<State> {
  return { service: service as ServiceToken<unknown>, create };
}
