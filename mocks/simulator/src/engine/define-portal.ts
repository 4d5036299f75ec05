import type { PortalDefinition } from './types.js';

/** Identity helper: infers the portal's State (and data slice) types for its routes and createState. */
export function definePortal<State, Data = unknown>(
  portal: PortalDefinition<State, Data>,
): PortalDefinition<State, Data> {
  return portal;
}
