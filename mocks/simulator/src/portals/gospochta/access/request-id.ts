/**
 * `X-Request-Id`: the client's, echoed in every answer and bound into both packets. A missing or
 * malformed one is a refusal (the packet cannot be checked without it); the refusal carries an id the
 * portal made, so the log still has one.
 */
import type { PortalRuntime, SimRequest } from '../../../engine/types.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdOf(request: SimRequest, sim: PortalRuntime): { value: string; given: boolean } {
  const header = request.headers['x-request-id'];
  if (header !== undefined && REQUEST_ID.test(header)) {
    return { value: header, given: true };
  }
  return { value: `gp-${sim.random.uuid()}`, given: false };
}
