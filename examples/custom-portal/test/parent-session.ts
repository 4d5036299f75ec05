/**
 * A parent signed in with ESIA for the tests: the demo system's GOST key, the ESIA base URL of the
 * simulator under test (a real host through MSW, or 127.0.0.1 standalone), and the simulator's
 * login helper playing the browser.
 */
import { createSoftwareGostSigner } from '@goskit/crypto';
import { createEsiaClient } from '@goskit/gosuslugi';
import { completeEsiaLogin, demoEsiaClient, type Simulator } from '@goskit/simulator';

export const REDIRECT = 'http://localhost/queue-callback';

export interface ParentSession {
  accessToken: string;
  oid: string;
  /** Roster ids of the parent's children. */
  children: string[];
}

export async function signInParent(sim: Simulator, esiaBaseUrl: string): Promise<ParentSession> {
  const demo = demoEsiaClient(sim);
  const esia = createEsiaClient({
    environment: { baseUrl: esiaBaseUrl },
    clientId: demo.clientId,
    redirectUri: REDIRECT,
    signer: createSoftwareGostSigner({ privateKey: demo.privateKeyPem, certificate: demo.certificatePem }),
    scopes: ['openid', 'fullname'],
    tokenKeys: { jwksUrl: `${esiaBaseUrl}/aas/oauth2/jwks` },
    clock: sim.clock,
  });
  const parent = sim.demo.personas.find((persona) => persona.id === 'parent-ivanov');
  if (parent === undefined) {
    throw new Error('the demo roster has no parent-ivanov');
  }
  const { url } = await esia.authorizationUrl();
  const callback = await completeEsiaLogin(url, { persona: parent });
  const session = await esia.handleCallback(callback);
  return { accessToken: session.accessToken, oid: parent.oid, children: parent.children ?? [] };
}
