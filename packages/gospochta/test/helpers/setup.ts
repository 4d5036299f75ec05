/**
 * One test world: a virtual clock, packet keys, the portal's signers, a school (operator), a parent
 * and a second person without the consent flag, seeded charges, the test portal on loopback, and a
 * factory for clients pointed at it.
 */
import { generateUin } from '@goskit/validation';
import {
  createGospochtaClient,
  type GospochtaClient,
  type GospochtaClientOptions,
  type PacketKey,
} from '../../src/index.js';
import { type TestClock, testClock } from './clock.js';
import { gostSigner, randomPacketKey, type SignerFixture } from './fixtures.js';
import { seedIncoming } from './portal/routes.js';
import { createTestPortal, type TestPortal, type TestPortalOptions } from './portal/test-portal.js';
import type { PortalPerson, PortalSystem } from './portal/tokens.js';

export const PARENT: PortalPerson = {
  oid: '1000321001',
  snils: '112-233-445 95',
  lastName: 'Петрова',
  firstName: 'Анна',
  middleName: 'Сергеевна',
  inn: '500100732259',
  consent: true,
};

export const NO_CONSENT: PortalPerson = {
  oid: '1000321002',
  snils: '087-654-303 00',
  lastName: 'Сидоров',
  firstName: 'Олег',
  consent: false,
};

export const SCHOOL: PortalSystem = {
  clientId: 'school-1',
  clientSecret: 's3cr3t-school-1-abcdef',
  role: 'operator',
  subject: 'sys-school-1',
  organisation: { name: 'ГБОУ Школа № 1', ogrn: '1027700132195' },
};

export const ADMIN: PortalSystem = {
  clientId: 'admin-1',
  clientSecret: 's3cr3t-admin-1-abcdef',
  role: 'admin',
  subject: 'sys-admin-1',
  organisation: { name: 'Оператор интеграции' },
};

/** A system acting as a person (role client) without ESIA, for payments and documents tests. */
export const PARENT_SYSTEM: PortalSystem = {
  clientId: 'parent-app',
  clientSecret: 's3cr3t-parent-app-abcdef',
  role: 'client',
  subject: PARENT.oid,
};

/** A deterministic RandomSource for generated identifiers. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

export interface World {
  clock: TestClock;
  key: PacketKey;
  portal: TestPortal;
  actSigner: SignerFixture;
  documentSigner: SignerFixture;
  senderSigner: SignerFixture;
  /** A UIN of an unpaid charge for the parent (amount 150 000 kopecks, 50% discount → 75 000). */
  uin: string;
  client(system: PortalSystem, extra?: Partial<GospochtaClientOptions>): GospochtaClient;
  close(): Promise<void>;
}

export async function createWorld(
  overrides: Partial<Omit<TestPortalOptions, 'clock'>> & { clockStart?: number } = {},
): Promise<World> {
  const { clockStart, ...portalOverrides } = overrides;
  const clock = testClock(clockStart);
  const key = randomPacketKey('k1');
  const actSigner = gostSigner('CN=Госпочта,O=goskit test portal');
  const documentSigner = gostSigner('CN=СФР,O=goskit test agency');
  const senderSigner = gostSigner('CN=ГБОУ Школа № 1');
  const portal = await createTestPortal({
    clock,
    packetKeys: [key],
    systems: overrides.systems ?? [SCHOOL, ADMIN, PARENT_SYSTEM],
    persons: [PARENT, NO_CONSENT],
    signers: { acts: actSigner.signer, documents: documentSigner.signer },
    ...portalOverrides,
  });
  await portal.listen();
  const uin = generateUin(sequence(7), 20);
  portal.state.charges.set(uin, {
    uin,
    amount: 150_000,
    amountToPay: 75_000,
    purpose: 'Штраф ГИБДД',
    payee: { name: 'УФК по г. Москве (ГУ МВД)', inn: '7707089101', kpp: '770731005' },
    payerSnils: PARENT.snils,
    payerInn: PARENT.inn as string,
    issuedAt: clock.now() - 86_400_000,
  });
  await seedIncoming(
    portal.state,
    PARENT.oid,
    { lastName: PARENT.lastName, firstName: PARENT.firstName },
    clock.now() - 3_600_000,
    'tax-notice',
  );
  await seedIncoming(
    portal.state,
    PARENT.oid,
    { lastName: PARENT.lastName, firstName: PARENT.firstName },
    clock.now() - 1_800_000,
    'fine-decision',
  );
  await seedIncoming(
    portal.state,
    SCHOOL.subject,
    { lastName: 'Школа', firstName: 'Канцелярия' },
    clock.now() - 600_000,
    'order',
  );
  const clients: GospochtaClient[] = [];
  return {
    clock,
    key,
    portal,
    actSigner,
    documentSigner,
    senderSigner,
    uin,
    client(system, extra = {}) {
      const client = createGospochtaClient({
        baseUrl: portal.url,
        auth: { type: 'client_credentials', clientId: system.clientId, clientSecret: system.clientSecret },
        packetKeys: { keys: [key] },
        clock,
        sleep: clock.sleep,
        signer: senderSigner.signer,
        portalCertificates: [actSigner.certificatePem],
        documentCertificates: [documentSigner.certificatePem],
        retry: { limit: 3, backoff: { baseMs: 1, capMs: 5 } },
        ...extra,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await portal.close();
    },
  };
}
