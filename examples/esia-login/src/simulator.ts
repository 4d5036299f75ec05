/**
 * The ESIA side: the goskit simulator in this process, listening on its own port like the
 * standalone `goskit-sim`, plus the demo system GOSKIT_DEMO whose GOST key the simulator derives
 * from the seed. With a real ESIA you would use your own key and certificate instead.
 */
import { createSoftwareGostSigner, type Signer } from '@goskit/crypto';
import { createSimulator, demoEsiaClient, esiaPortal } from '@goskit/simulator';

export interface EsiaSide {
  /** e.g. http://127.0.0.1:4010/esia */
  baseUrl: string;
  clientId: string;
  signer: Signer;
  /** The simulator's virtual clock: ESIA checks the request timestamp against it. */
  now: () => number;
  close: () => Promise<void>;
}

export async function startEsiaSimulator(port: number): Promise<EsiaSide> {
  const sim = createSimulator({ seed: 'demo', portals: [esiaPortal()], strictContracts: false });
  const server = await sim.listen({ port, host: '127.0.0.1' });
  const demo = demoEsiaClient(sim);
  return {
    baseUrl: server.baseUrl('esia'),
    clientId: demo.clientId,
    signer: createSoftwareGostSigner({ privateKey: demo.privateKeyPem, certificate: demo.certificatePem }),
    now: () => sim.clock.nowMs(),
    close: () => server.close(),
  };
}
