/**
 * Internal access from the control API to a portal's runtime (for portal control routes), keyed by a
 * symbol so it stays off the public Simulator type.
 */
import type { PortalRuntime, Simulator } from './types.js';

export const PORTAL_RUNTIME = Symbol('goskit.portalRuntime');

interface WithPortalRuntime {
  [PORTAL_RUNTIME]?: (portal: string) => PortalRuntime | undefined;
}

/** The engine's runtime of `portal`; for another Simulator implementation, one built from its public face. */
export function portalRuntimeOf(sim: Simulator, portal: string): PortalRuntime {
  const own = (sim as Simulator & WithPortalRuntime)[PORTAL_RUNTIME]?.(portal);
  if (own !== undefined) {
    return own;
  }
  return {
    portal,
    data: undefined,
    seed: sim.seed,
    clock: sim.clock,
    random: sim.random,
    demo: sim.demo,
    service: (token) => sim.service(token),
  };
}
