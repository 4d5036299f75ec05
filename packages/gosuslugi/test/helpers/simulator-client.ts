/**
 * An ESIA client wired to an in-process simulator: the demo system's GOST key, the test-stand host
 * (served by MSW from `sim.handlers`), the simulator's JWKS and virtual clock (as a core `Clock`).
 */
import { createSoftwareGostSigner } from '@goskit/crypto';
import { DEMO_PASSWORD, type Simulator } from '@goskit/simulator';
import { demoEsiaClient } from '../../../../mocks/simulator/src/portals/esia/index.js';
import { createEsiaClient, type EsiaClient, type EsiaClientOptions } from '../../src/index.js';

export const SIM_BASE = 'https://esia-portal1.test.gosuslugi.ru';
export const SIM_REDIRECT = 'http://localhost:3000/callback';

export function simulatorEsiaClient(
  sim: Simulator,
  options: Partial<EsiaClientOptions> & Pick<EsiaClientOptions, 'scopes'>,
): EsiaClient {
  const demo = demoEsiaClient(sim);
  return createEsiaClient({
    environment: 'test',
    clientId: demo.clientId,
    redirectUri: SIM_REDIRECT,
    signer: createSoftwareGostSigner({ privateKey: demo.privateKeyPem, certificate: demo.certificatePem }),
    tokenKeys: { jwksUrl: `${SIM_BASE}/aas/oauth2/jwks` },
    clock: sim.clock,
    ...options,
  });
}

/** The demo parent «Иванов Иван Иванович», 08.03.1991: login, password, oid, СНИЛС. */
export function demoParent(sim: Simulator) {
  const persona = sim.demo.personas.find((p) => p.lastName === 'Иванов' && p.birthDate === '08.03.1991');
  if (!persona) {
    throw new Error('demo parent missing');
  }
  return {
    login: persona.login,
    password: persona.password ?? DEMO_PASSWORD,
    oid: persona.oid,
    snils: persona.snils,
  };
}
