/**
 * The production EPGU flow (epgu-production-flow-cases.ts) in process: MSW answers the real hosts
 * (ESIA test stand, EPGU test stand) from the simulator's handlers, real fetch and FormData.
 */
import { createSimulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe } from 'vitest';
import { epguPortal } from '../../../mocks/simulator/src/portals/epgu/index.js';
import { esiaPortal } from '../../../mocks/simulator/src/portals/esia/index.js';
import { FLOW_SIM_OPTIONS, productionFlowCases } from './epgu-production-flow-cases.js';

const sim = createSimulator({
  seed: FLOW_SIM_OPTIONS.seed,
  portals: [esiaPortal(), epguPortal(FLOW_SIM_OPTIONS.epgu)],
  strictContracts: true,
});
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('production EPGU flow through MSW on the real hosts', () => {
  productionFlowCases({
    sim,
    target: () => sim,
    esiaBase: () => 'https://esia-portal1.test.gosuslugi.ru',
    epguBase: () => 'https://svcdev-beta.test.gosuslugi.ru',
    advance: async (duration) => {
      sim.clock.advance(duration);
    },
  });
});
