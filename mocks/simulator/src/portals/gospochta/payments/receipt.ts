/**
 * A payment's receipt, issued at once: signed JSON (a detached JWS by the portal over the canonical
 * decrypted receipt) and a PDF whose SHA-256 the receipt names. The PDF shows the payer by initials
 * only: files are not packets, and personal data travels only encrypted.
 */
import { canonicalJsonBytes } from '@goskit/crypto';
import { signDetached } from '@goskit/gospochta/protocol';
import { sha256Hex } from '../../../engine/journal-digest.js';
import { writePdf } from '../files/pdf.js';
import { portalSigner } from '../keys.js';
import { organisationView, personView } from '../operations/views.js';
import type { SignatureAlgorithm } from '../options.js';
import { type ChargeRecord, iso, type PersonFields, type SignedDocumentRecord } from '../state.js';

function rubles(kopecks: number): string {
  return `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')} руб.`;
}

export async function issueReceipt(input: {
  paymentId: string;
  charge: ChargeRecord;
  amount: number;
  payer: PersonFields;
  paidAt: number;
  seed: string;
  signatureAlg: SignatureAlgorithm;
}): Promise<SignedDocumentRecord> {
  const { paymentId, charge, amount, payer, paidAt } = input;
  const signer = await portalSigner(input.seed, input.signatureAlg);
  const bankReference = `GOSKIT-${paymentId.toUpperCase()}`;
  const initials = [payer.lastName, payer.firstName, payer.middleName]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map((part) => `${[...part][0]}.`)
    .join(' ');
  const pdf = writePdf({
    title: 'Квитанция об оплате',
    createdAt: paidAt,
    lines: [
      `Квитанция: rcp_${paymentId}`,
      `Платёж: ${paymentId}, ${iso(paidAt)}`,
      `УИН: ${charge.uin}`,
      `Назначение: ${charge.purpose}`,
      `Получатель: ${charge.payee.name}${charge.payee.inn ? `, ИНН ${charge.payee.inn}` : ''}`,
      `Сумма: ${rubles(amount)}`,
      `Плательщик: ${initials} (полностью — в подписанной квитанции)`,
      `Банковская ссылка: ${bankReference}`,
      '',
      `Квитанция подписана: ${signer.name}`,
    ],
  });
  const receipt = {
    receiptId: `rcp_${paymentId}`,
    paymentId,
    uin: charge.uin,
    amount,
    payer: personView(payer),
    payee: organisationView(charge.payee),
    purpose: charge.purpose,
    paidAt: iso(paidAt),
    bankReference,
    pdfSha256: sha256Hex(pdf),
    issuer: signer.name,
  };
  const signature = await signDetached(canonicalJsonBytes(receipt), signer.signer);
  return { json: receipt, signature, pdf };
}
