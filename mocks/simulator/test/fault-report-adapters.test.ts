/** x-goskit-faults reaches clients through both adapters, even for a seed no header could hold as is. */
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { FAULT_HEADER } from '../src/engine/faults/fault-report.js';
import { createSimulator } from '../src/index.js';
import { counterPortal } from './server-support.js';

const SEED = 'сид\r\n42';
const REPORT = 'maintenance:503; seed=%D1%81%D0%B8%D0%B4%0D%0A42';

describe('fault report header through the adapters', () => {
  it('standalone server', async () => {
    const sim = createSimulator({ seed: SEED, portals: [counterPortal], scenarios: ['maintenance'] });
    const server = await sim.listen({ port: 0 });
    try {
      const response = await fetch(`${server.baseUrl('counter')}/hits`);
      expect(response.status).toBe(503);
      expect(response.headers.get(FAULT_HEADER)).toBe(REPORT);
      expect(decodeURIComponent(REPORT.split('seed=')[1] ?? '')).toBe(SEED);
    } finally {
      await server.close();
    }
  });

  it('MSW handlers', async () => {
    const sim = createSimulator({ seed: SEED, portals: [counterPortal], scenarios: ['maintenance'] });
    const server = setupServer(...sim.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const response = await fetch('https://counter.test/hits');
      expect(response.status).toBe(503);
      expect(response.headers.get(FAULT_HEADER)).toBe(REPORT);
    } finally {
      server.close();
    }
  });
});
