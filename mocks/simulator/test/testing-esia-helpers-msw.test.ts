/** The ESIA test helpers in process: MSW answers the real test-stand host from the simulator. */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { helperCases } from './esia-login-helper-cases.js';
import { BASE } from './esia-support.js';

const sim = createSimulator({ seed: 'helpers-msw', portals: [esiaPortal()], strictContracts: true });
const server = setupServer(...sim.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => sim.reset());
afterAll(() => server.close());

describe('ESIA test helpers in process (MSW)', () => {
  helperCases(() => ({
    sim,
    target: sim,
    esiaBase: () => BASE,
    advance: async (duration) => sim.clock.advance(duration),
  }));
});
