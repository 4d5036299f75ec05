/**
 * An e-diary world for the tests: an in-process simulator with ESIA, the notifications outbox and
 * the e-diary feed (MSW on their real hosts), the school's register built from the demo roster, the
 * demo parent signed in through ESIA's pages, and an e-diary client wired to all of it.
 */
import { createSimulator, type Simulator } from '@goskit/simulator';
import { ediaryPortal } from '../../../../mocks/simulator/src/portals/ediary/index.js';
import { esiaPortal } from '../../../../mocks/simulator/src/portals/esia/index.js';
import { notificationsPortal } from '../../../../mocks/simulator/src/portals/notifications/index.js';
import { notificationsService } from '../../../../mocks/simulator/src/services/notifications.js';
import { createEdiaryClient, type EdiaryClientOptions, type SchoolPupil } from '../../src/index.js';
import { loginThroughPages } from './browser-walk.js';
import { demoParent, SIM_REDIRECT, simulatorEsiaClient } from './simulator-client.js';

export const FEED = 'https://ediary-feed.goskit.test';
export const LK = 'https://notifications.goskit.test';
export const SCHOOL = { id: 'school-77-1', title: 'Демо школа' };

export function ediarySimulator(seed = 'ediary-e2e'): Simulator {
  return createSimulator({
    seed,
    portals: [esiaPortal(), notificationsPortal(), ediaryPortal()],
    strictContracts: true,
  });
}

/** The school's register: every student of the roster, with class and СНИЛС. */
export function registerOf(sim: Simulator): SchoolPupil[] {
  const classOf = new Map<string, string>();
  for (const schoolClass of sim.demo.classes) {
    for (const id of schoolClass.studentIds) {
      classOf.set(id, schoolClass.id);
    }
  }
  return sim.demo.personas
    .filter((persona) => persona.role === 'student')
    .map((persona) => ({
      id: persona.id,
      lastName: persona.lastName,
      firstName: persona.firstName,
      middleName: persona.middleName,
      birthDate: persona.birthDate,
      snils: persona.snils,
      classId: classOf.get(persona.id),
    }));
}

export function esiaFor(sim: Simulator) {
  return simulatorEsiaClient(sim, {
    scopes: ['openid', 'fullname', 'kid_fullname', 'kid_birthdate', 'kid_snils'],
  });
}

export function ediaryFor(sim: Simulator, extra: Partial<EdiaryClientOptions> = {}) {
  return createEdiaryClient({
    environment: { baseUrl: FEED },
    esia: esiaFor(sim),
    school: SCHOOL,
    pupils: registerOf(sim),
    clock: sim.clock,
    retry: { limit: 2, backoff: { baseMs: 1, capMs: 5 } },
    ...extra,
  });
}

/** Signs the demo parent in through ESIA's login and consent pages; their session and oid. */
export async function signInParent(sim: Simulator) {
  const esia = esiaFor(sim);
  const who = demoParent(sim);
  const { url } = await esia.authorizationUrl();
  const callback = await loginThroughPages(url, SIM_REDIRECT, who);
  const tokens = await esia.handleCallback(callback);
  return { esia, session: esia.session(tokens), tokens, oid: who.oid };
}

export const outboxOf = (sim: Simulator) => sim.service(notificationsService);
