/**
 * The production EPGU flow (epgu-production-flow-cases.ts) against the standalone server: real HTTP
 * on 127.0.0.1 (ephemeral port), the clock moved and systems registered through the control API as
 * a suite in another process would.
 */
import { createSimulator, SimulatorControl, type SimulatorServer } from '@goskit/simulator';
import { afterAll, beforeAll, describe } from 'vitest';
import { epguPortal } from '../../../mocks/simulator/src/portals/epgu/index.js';
import { esiaPortal } from '../../../mocks/simulator/src/portals/esia/index.js';
import { FLOW_SIM_OPTIONS, productionFlowCases } from './epgu-production-flow-cases.js';

const sim = createSimulator({
  seed: FLOW_SIM_OPTIONS.seed,
  portals: [esiaPortal(), epguPortal(FLOW_SIM_OPTIONS.epgu)],
  strictContracts: true,
});
let server: SimulatorServer;
let control: SimulatorControl;
beforeAll(async () => {
  server = await sim.listen({ port: 0, host: '127.0.0.1' });
  control = new SimulatorControl({ baseUrl: server.url });
});
afterAll(() => server.close());

describe('production EPGU flow against goskit-sim on 127.0.0.1', () => {
  productionFlowCases({
    sim,
    target: () => control,
    esiaBase: () => server.baseUrl('esia'),
    epguBase: () => server.baseUrl('epgu'),
    advance: async (duration) => {
      await control.clock.advance(duration);
    },
  });
});
