/**
 * The integration under test: "Войти через Госуслуги" for a school system. `start()` gives the URL to
 * send the browser to; `finish(callbackUrl)` exchanges the code (GOST-signed client_secret, verified
 * tokens) and reads the person. Nothing here knows about the simulator: the tests point it at one by
 * `environment` and give it the simulator's clock — exactly what an app's configuration would do.
 */
import type { Signer } from '@goskit/crypto';
import { createEsiaClient, type EsiaEnvironment } from '@goskit/gosuslugi';

export interface SignInConfig {
  /** `'test'` (the real test stand's host — MSW answers it in process) or `{ baseUrl }` (goskit-sim). */
  environment: EsiaEnvironment;
  clientId: string;
  redirectUri: string;
  signer: Signer;
  /** What time it is; in tests, the simulator's virtual clock (`simulatorClock(target)`). */
  clock?: { now(): number };
}

export interface SignedInPerson {
  oid: string;
  fullName: string;
  birthDate: string | undefined;
  snils: string | undefined;
}

const TEST_STAND = 'https://esia-portal1.test.gosuslugi.ru';

export function createSignIn(config: SignInConfig) {
  const base = typeof config.environment === 'object' ? config.environment.baseUrl : TEST_STAND;
  const clock = config.clock;
  const esia = createEsiaClient({
    environment: config.environment,
    clientId: config.clientId,
    redirectUri: config.redirectUri,
    signer: config.signer,
    scopes: ['openid', 'fullname', 'birthdate', 'snils'],
    tokenKeys: { jwksUrl: `${base}/aas/oauth2/jwks` },
    // The ESIA client takes `now` today (a `clock` option is coming): ESIA checks its timestamps
    // against the simulator's virtual clock, so the client must sign with that clock.
    ...(clock === undefined ? {} : { clock }),
  });
  return {
    start: () => esia.authorizationUrl(),
    async finish(callbackUrl: string): Promise<SignedInPerson> {
      const tokens = await esia.handleCallback(callbackUrl);
      const person = await esia.person(esia.session(tokens)).get();
      return {
        oid: tokens.oid,
        fullName: [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' '),
        birthDate: person.birthDate,
        snils: person.snils,
      };
    },
  };
}
