/**
 * Paying a charge exactly once (POST /v1/payments). The УИН and amount are checked first; the
 * Idempotency-Key (generated unless given — keep it) is claimed locally, so the same key with a
 * different payment is refused before sending; the call is retried through timeouts, 5xx and
 * resets with the same key (each attempt a new packet), and the portal answers a repeat with the
 * payment it already made. The receipt comes back at once, signed, and is verified.
 */
import { checkUin } from '@goskit/validation';
import type { GospochtaContext } from '../client/context.js';
import { claimIdempotencyKey, notActedOn } from '../client/idempotency.js';
import { checkIdempotencyKey, fail, issue } from '../client/input-checks.js';
import { collectPerson, type PersonInput } from '../client/person-input.js';
import { protectedCall } from '../client/protected-call.js';
import { SignatureInvalidError } from '../errors/signature-invalid-error.js';
import type { InputIssue } from '../errors/validation-failed-error.js';
import { type Payment, paymentResultSchema } from './models.js';
import { type VerifiedReceipt, verifyReceipt } from './receipts.js';

export interface PayInput {
  uin: string;
  /** Kopecks: the charge's `amountToPay`. */
  amount: number;
  payer: PersonInput;
  /** Keep it to retry safely (also after a restart); generated when absent. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface PaymentOutcome {
  payment: Payment;
  receipt: VerifiedReceipt;
  idempotencyKey: string;
  /** The portal had this key already: this is the payment it made then, not a new one. */
  replayed: boolean;
}

export async function pay(context: GospochtaContext, input: PayInput): Promise<PaymentOutcome> {
  const issues: InputIssue[] = [];
  const uinResult = checkUin(input?.uin);
  if (!uinResult.ok) {
    for (const found of uinResult.issues) {
      issues.push({
        field: 'uin',
        code: found.code,
        message: { ru: found.message.ru, en: found.message.en },
      });
    }
  }
  if (!Number.isSafeInteger(input?.amount) || input.amount < 1 || input.amount > 100_000_000_000) {
    issues.push(
      issue(
        'amount',
        'AMOUNT',
        'Сумма — целое число копеек от 1 до 10^11.',
        'The amount is a whole number of kopecks from 1 to 10^11.',
      ),
    );
  }
  const payer = collectPerson(input?.payer, 'payer', issues);
  if (issues.length > 0 || !uinResult.ok || !payer) {
    fail(issues);
  }
  const idempotencyKey =
    input.idempotencyKey === undefined ? context.randomUUID() : checkIdempotencyKey(input.idempotencyKey);
  const body = { uin: uinResult.value, amount: input.amount, payer };
  const claim = await claimIdempotencyKey(context, 'createPayment', idempotencyKey, body);
  let result: Awaited<ReturnType<typeof protectedCall<unknown>>>;
  try {
    result = await protectedCall(context, {
      operation: 'createPayment',
      method: 'POST',
      template: '/v1/payments',
      path: '/v1/payments',
      json: body,
      idempotencyKey,
      schema: paymentResultSchema,
      ...(input.signal ? { signal: input.signal } : {}),
    });
  } catch (error) {
    if (notActedOn(error)) {
      await claim.release();
    }
    throw error;
  }
  const data = result.data as {
    payment: Payment;
    receipt: { receipt: Record<string, unknown>; signature: string };
  };
  if (data.payment.uin !== body.uin || data.payment.amount !== body.amount) {
    throw new SignatureInvalidError(
      'receipt',
      'payment-mismatch',
      'the payment answered is not the one requested',
    );
  }
  const receipt = await verifyReceipt(context, data.receipt, 'createPayment', result.requestId);
  if (
    receipt.receipt.paymentId !== data.payment.id ||
    receipt.receipt.amount !== data.payment.amount ||
    receipt.receipt.uin !== data.payment.uin
  ) {
    throw new SignatureInvalidError('receipt', 'payment-mismatch', 'the receipt does not match the payment');
  }
  return { payment: data.payment, receipt, idempotencyKey, replayed: result.replayed };
}
