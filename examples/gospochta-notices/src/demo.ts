/**
 * The two scenes of the example over a simulator link, as functions the commands and the tests share:
 * the school (system `demo-school`, role operator) notifies the roster's parent Иванов Иван Иванович
 * of a fee issued for him; the parent's app (`demo-parent-app`, role client) pays it by УИН.
 */

import { type PaymentResult, payByUin } from './parent-pays.js';
import { type NoticeResult, type Parent, sendNotice } from './school-notice.js';
import type { SimulatorLink } from './simulator-link.js';

export const PARENT_PERSONA = 'parent-ivanov';
const FEE_KOPECKS = 350_000;

interface PersonRow {
  personaId: string | null;
  lastName: string;
  firstName: string;
  snils: string;
  consent: boolean;
}

export async function findParent(link: SimulatorLink, personaId = PARENT_PERSONA): Promise<Parent> {
  const { persons } = await link.control.portalControl<{ persons: PersonRow[] }>(
    'gospochta',
    'GET',
    '/persons',
  );
  const person = persons.find((row) => row.personaId === personaId);
  if (person === undefined) {
    throw new Error(`the simulator has no person ${personaId}`);
  }
  return { lastName: person.lastName, firstName: person.firstName, snils: person.snils };
}

export interface NoticeScene extends NoticeResult {
  uin: string;
}

/** ГИС ГМП issues the fee (control API), the school sends the notice and waits for its act. */
export async function noticeScene(link: SimulatorLink, personaId = PARENT_PERSONA): Promise<NoticeScene> {
  const parent = await findParent(link, personaId);
  const charge = await link.control.portalControl<{ uin: string }>('gospochta', 'POST', '/charges', {
    kind: 'fee',
    amount: FEE_KOPECKS,
    purpose: 'Взнос за питание, декабрь',
    payer: personaId,
  });
  const school = await link.client('demo-school', link.gostSigner('CN=ГБОУ «Демо школа»,O=goskit example'));
  const result = await sendNotice(school, {
    parent,
    uin: charge.uin,
    amountRub: FEE_KOPECKS / 100,
    // goskit-sim's clock runs in real time and delivery takes 10–120 s: move it 2 minutes on.
    whileWaiting: async () => {
      await link.control.clock.advance('PT2M');
    },
  });
  return { ...result, uin: charge.uin };
}

export async function paymentScene(
  link: SimulatorLink,
  uin: string,
  personaId = PARENT_PERSONA,
): Promise<PaymentResult> {
  const parent = await findParent(link, personaId);
  const parentApp = await link.client('demo-parent-app');
  return payByUin(parentApp, { parent, uin });
}
