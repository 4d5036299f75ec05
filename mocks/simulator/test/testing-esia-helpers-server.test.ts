/**
 * The ESIA test helpers against the standalone server: a real HTTP server on 127.0.0.1, the helpers
 * given a SimulatorControl, the clock moved through the control API as a suite in another process would.
 */
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { SimulatorControl } from '../src/control/client.js';
import { createSimulator } from '../src/create-simulator.js';
import type { SimulatorServer } from '../src/engine/types.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { helperCases } from './esia-login-helper-cases.js';

const sim = createSimulator({ seed: 'helpers-server', portals: [esiaPortal()], strictContracts: true });
let server: SimulatorServer;
let control: SimulatorControl;

beforeAll(async () => {
  server = await sim.listen({ port: 0 });
  control = new SimulatorControl({ baseUrl: server.url });
});
afterEach(() => control.reset().then(() => undefined));
afterAll(() => server.close());

describe('ESIA test helpers against goskit-sim (SimulatorControl over HTTP)', () => {
  helperCases(() => ({
    sim,
    target: control,
    esiaBase: () => server.baseUrl('esia'),
    advance: async (duration) => {
      await control.clock.advance(duration);
    },
  }));
});
