/**
 * A parent pays a fee by УИН through Госпочта: the charge is found by its УИН (checked before sending),
 * paid with an idempotency key — retried through timeouts, 5xx and resets it is charged once, and a
 * second run with the same key returns the payment already made — and the signed receipt (JSON + PDF)
 * comes back at once, verified.
 */
import type { Charge, GospochtaClient, Payment, Receipt } from '@goskit/gospochta';
import type { Parent } from './school-notice.js';

export interface PaymentResult {
  charge: Charge;
  payment: Payment;
  receipt: Receipt;
  receiptPdf: Uint8Array;
  /** True when the portal had this key already: the payment made then, not a new one. */
  replayed: boolean;
}

export async function payByUin(
  parentApp: GospochtaClient,
  options: { parent: Parent; uin: string; idempotencyKey?: string },
): Promise<PaymentResult> {
  const [charge] = await parentApp.payments.findCharges({ uin: options.uin });
  if (charge === undefined) {
    throw new Error(`no charge with УИН ${options.uin}`);
  }
  const outcome = await parentApp.payments.pay({
    uin: charge.uin,
    // Once paid, nothing is left to pay: a second run repeats the first request (a fee has no
    // discount, so that was the full amount) and the key makes it return the payment already made.
    amount: charge.amountToPay > 0 ? charge.amountToPay : charge.amount,
    payer: {
      lastName: options.parent.lastName,
      firstName: options.parent.firstName,
      snils: options.parent.snils,
    },
    // A key per charge: running the command again cannot pay twice.
    idempotencyKey: options.idempotencyKey ?? `fee-${charge.uin}`,
  });
  const receiptPdf = await parentApp.payments.receiptPdf(outcome.payment.id, outcome.receipt);
  return {
    charge,
    payment: outcome.payment,
    receipt: outcome.receipt.receipt,
    receiptPdf,
    replayed: outcome.replayed,
  };
}
