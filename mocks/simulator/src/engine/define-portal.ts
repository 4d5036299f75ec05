import type { PortalDefinition } from './types.js';

/** Identity helper: infers the portal's State type for its routes. */
export function definePortal<State>(portal: PortalDefinition<State>): PortalDefinition<State> {
  return portal;
}
