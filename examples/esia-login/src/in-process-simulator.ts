/**
 * ESIA_SIMULATOR=in-process: the simulator in the app's own process, still on its own port and
 * reached over HTTP like `goskit-sim`; the app's certificate is registered by a direct call.
 */
import { createSimulator, registerEsiaClient } from '@goskit/simulator';
import type { ClientRegistration } from './simulator-link.js';

export async function startInProcessSimulator(port: number) {
  const sim = createSimulator({ seed: 'demo' });
  const server = await sim.listen({ port, host: '127.0.0.1' });
  return {
    esiaBaseUrl: server.baseUrl('esia'),
    register: async (registration: ClientRegistration) => {
      registerEsiaClient(sim, registration);
    },
    close: () => server.close(),
  };
}
