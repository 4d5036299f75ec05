/**
 * A school sends a legally significant notice to a parent through Госпочта and waits for the
 * delivery act: the notice names a fee the parent owes (its УИН); the PDF is hashed (SHA-256 and
 * GOST R 34.11-2012) and signed by the school (detached CMS, GOST); the portal delivers the letter only
 * to a parent who set the consent flag in the Gosuslugi profile, and issues a signed act (JSON + PDF)
 * carrying the document's hash, the times and the addressee — the client checks both before use.
 */
import type { DeliveryAct, GospochtaClient, OutgoingLetter } from '@goskit/gospochta';
import { noticePdf } from './notice-pdf.js';

export interface Parent {
  lastName: string;
  firstName: string;
  middleName?: string;
  snils: string;
}

export interface NoticeResult {
  letter: OutgoingLetter;
  act: DeliveryAct;
  /** The detached JWS over the act: keep it with the act, it is the legal evidence. */
  signature: string;
  actPdf: Uint8Array;
}

export interface NoticeOptions {
  parent: Parent;
  uin: string;
  amountRub: number;
  /** Lets the example move a simulator's clock while it waits; a real stand needs nothing here. */
  whileWaiting?: () => Promise<void>;
}

export async function sendNotice(school: GospochtaClient, options: NoticeOptions): Promise<NoticeResult> {
  const { parent, uin, amountRub } = options;
  const { letter } = await school.outbox.send({
    recipient: {
      lastName: parent.lastName,
      firstName: parent.firstName,
      ...(parent.middleName === undefined ? {} : { middleName: parent.middleName }),
      snils: parent.snils,
    },
    documentType: 'notice',
    subject: 'Уведомление о взносе за питание',
    text: `Просим оплатить взнос ${amountRub} ₽ по УИН ${uin}.`,
    externalId: `fee-${uin}`,
    attachments: [
      { name: 'notice.pdf', mediaType: 'application/pdf', content: noticePdf(`Fee notice, UIN ${uin}`) },
    ],
  });
  await options.whileWaiting?.();
  // Polls on the portal's Retry-After until the first legal fact: delivered, read, refused or failed.
  const confirmed = await school.outbox.waitForStatus(letter.id);
  const verified = await school.outbox.deliveryAct(letter.id, { letter: confirmed });
  const actPdf = await school.outbox.deliveryActPdf(letter.id, verified);
  return { letter: confirmed, act: verified.act, signature: verified.signature, actPdf };
}
