/**
 * Recipe: Jest, native ESM (see jest.config.cjs). Jest sets NODE_ENV=test, so contract checks are on
 * by default. Take the MSW server from `@goskit/simulator/msw/node` (setupSimulatorServer), or build
 * handlers with `createMswHandlers(sim)` from `@goskit/simulator/msw`: both import msw as ES modules.
 * `sim.handlers` loads msw with `require`, which Jest routes to msw's CommonJS build, and that needs
 * an ES-only dependency Jest cannot require on Node < 24.9.
 */
import { createSoftwareGostSigner } from '@goskit/crypto';
import { createEsiaClient } from '@goskit/gosuslugi';
import {
  completeEsiaLogin,
  demoEsiaSystem,
  EsiaLoginError,
  registerTestEsiaSystem,
  simulatorClock,
} from '@goskit/simulator';
import { setupSimulatorServer } from '@goskit/simulator/msw/node';

const ESIA = 'https://esia-portal1.test.gosuslugi.ru';
const CALLBACK = 'http://localhost:3000/esia/callback';

const { sim, reset, listen, close } = setupSimulatorServer({ seed: 'jest' });

beforeAll(() => listen());
afterEach(() => reset());
afterAll(() => close());

async function esiaFor(system) {
  const clock = await simulatorClock(sim);
  return createEsiaClient({
    environment: 'test',
    clientId: system.clientId,
    redirectUri: CALLBACK,
    signer: system.signer,
    scopes: ['openid', 'fullname'],
    tokenKeys: { jwksUrl: `${ESIA}/aas/oauth2/jwks` },
    now: () => clock.now(),
  });
}

test('contract checks are on under Jest without configuration', () => {
  expect(process.env.NODE_ENV).toBe('test');
  expect(sim.strictContracts).toBe(true);
});

test('a parent signs in with a freshly registered test system', async () => {
  const system = await registerTestEsiaSystem(sim, { clientId: 'SCHOOL_APP', redirectUris: [CALLBACK] });
  const esia = await esiaFor(system);
  const { url } = await esia.authorizationUrl();
  const tokens = await esia.handleCallback(await completeEsiaLogin(url, { persona: 'ivan.ivanov' }));
  const person = await esia.person(esia.session(tokens)).get();
  expect(person.lastName).toBe('Иванов');
  sim.journal.verify(1, { portal: 'esia', operation: 'token', status: 200 });
  expect(sim.contractViolations()).toEqual([]);
});

test('the demo system GOSKIT_DEMO signs in as it is (its redirect URIs cover any localhost port)', async () => {
  const demo = await demoEsiaSystem(sim);
  const signer = createSoftwareGostSigner({
    privateKey: demo.privateKeyPem,
    certificate: demo.certificatePem,
  });
  const esia = await esiaFor({ clientId: demo.clientId, signer });
  const { url } = await esia.authorizationUrl();
  const tokens = await esia.handleCallback(await completeEsiaLogin(url, { persona: 'ivan.ivanov' }));
  expect(tokens.oid).toBe(sim.demo.personas.find((persona) => persona.login === 'ivan.ivanov').oid);
});

test('refused consent comes back to the app as ESIA-007004', async () => {
  const system = await registerTestEsiaSystem(sim, { clientId: 'SCHOOL_APP', redirectUris: [CALLBACK] });
  const esia = await esiaFor(system);
  const { url } = await esia.authorizationUrl();
  const callback = await completeEsiaLogin(url, { persona: 'ivan.ivanov', consent: 'deny' });
  await expect(esia.handleCallback(callback)).rejects.toMatchObject({ esiaCode: 'ESIA-007004' });
});

test('three wrong passwords lock the login for 5 virtual minutes', async () => {
  const system = await registerTestEsiaSystem(sim, { clientId: 'SCHOOL_APP', redirectUris: [CALLBACK] });
  const esia = await esiaFor(system);
  for (const password of ['a', 'b', 'c']) {
    const { url } = await esia.authorizationUrl();
    await expect(completeEsiaLogin(url, { persona: 'ivan.ivanov', password })).rejects.toBeInstanceOf(
      EsiaLoginError,
    );
  }
  sim.clock.advance('PT5M');
  const { url } = await esia.authorizationUrl();
  await expect(completeEsiaLogin(url, { persona: 'ivan.ivanov' })).resolves.toContain('code=');
});
