/**
 * Stand-in for 'msw' inside the goskit-sim bin only (aliased in tsup.config.ts). The standalone
 * server never builds MSW handlers, and importing msw costs ~200 ms of the 500 ms start budget.
 * Anything that does touch it fails loudly with a pointer to the library entry.
 */
function unavailable(): never {
  throw new Error(
    'MSW handlers are not bundled in the goskit-sim CLI; import { createSimulator } from "@goskit/simulator" for sim.handlers',
  );
}

function stub(): unknown {
  return new Proxy(unavailable, { get: unavailable, apply: unavailable, construct: unavailable });
}

export const http = stub();
export const HttpResponse = stub();
export const delay = stub();
export const passthrough = stub();
export const bypass = stub();
export const getResponse = stub();
