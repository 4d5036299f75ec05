/**
 * Payments by УИН, ИНН or СНИЛС: find charges (exactly one identifier, checked with
 * @goskit/validation — a bad checksum is 422 naming the field, in Russian and English), pay one
 * (the amount must be what is to pay right now; a charge is paid at most once — 409
 * CHARGE_ALREADY_PAID whatever the key; the same key and request replay the first payment), the
 * receipt at once (signed JSON + PDF), and the payments of the account.
 */
import { checkInn, checkSnils, checkUin, type ValidationIssue } from '@goskit/validation';
import { emitEvent } from '../events.js';
import { amountToPay, chargeView } from '../payments/charges.js';
import { issueReceipt } from '../payments/receipt.js';
import { GospochtaProblem, issue, type ProblemIssue, validationFailed } from '../problem.js';
import { iso, nextId, type PaymentRecord, type PersonFields, snilsDigits } from '../state.js';
import { file, type OperationContext, type OperationTable, ok } from './operation.js';
import { page } from './paging.js';

const NAME = /^[\p{L}][\p{L}\p{M} .'’-]{0,99}$/u;

function issuesOf(field: string, found: readonly ValidationIssue[]): ProblemIssue[] {
  return found.map((item) => ({ field, code: item.code, message: item.message }));
}

function paymentView(payment: PaymentRecord) {
  return {
    id: payment.id,
    uin: payment.uin,
    amount: payment.amount,
    status: 'completed',
    createdAt: iso(payment.createdAt),
    completedAt: iso(payment.createdAt),
  };
}

function ownPayment(context: OperationContext): PaymentRecord {
  const payment = context.state.payments.get(context.params.paymentId as string);
  if (payment === undefined || payment.owner !== context.caller.subject) {
    throw new GospochtaProblem(404, 'NOT_FOUND', { detail: 'no such payment of this account' });
  }
  return payment;
}

function checkPayer(payer: Record<string, unknown>): PersonFields {
  const issues: ProblemIssue[] = [];
  for (const field of ['lastName', 'firstName', 'middleName'] as const) {
    const value = payer[field];
    if ((value !== undefined || field !== 'middleName') && (typeof value !== 'string' || !NAME.test(value))) {
      issues.push(
        issue(
          `/payer/${field}`,
          'PERSON_NAME',
          'Имя: буквы, пробел, дефис; до 100 символов.',
          'a name: letters, space, hyphen',
        ),
      );
    }
  }
  if (payer.snils !== undefined) {
    const result = checkSnils(payer.snils);
    if (!result.ok) {
      issues.push(...issuesOf('/payer/snils', result.issues));
    }
  }
  if (payer.inn !== undefined) {
    const result = checkInn(payer.inn);
    if (!result.ok) {
      issues.push(...issuesOf('/payer/inn', result.issues));
    }
  }
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
  const out: PersonFields = { lastName: payer.lastName as string, firstName: payer.firstName as string };
  for (const field of ['middleName', 'snils', 'inn', 'passport', 'address', 'phone'] as const) {
    if (typeof payer[field] === 'string') {
      out[field] = payer[field] as string;
    }
  }
  return out;
}

async function createPayment(context: OperationContext) {
  const { state, body, now, caller } = context;
  const uin = checkUin(body.uin);
  if (!uin.ok) {
    throw validationFailed(issuesOf('/uin', uin.issues));
  }
  const payer = checkPayer(body.payer as Record<string, unknown>);
  const charge = state.charges.get(uin.value);
  if (charge === undefined) {
    throw new GospochtaProblem(404, 'NOT_FOUND', {
      field: '/uin',
      detail: 'ГИС ГМП has no charge with this УИН',
    });
  }
  if (charge.paidBy !== undefined) {
    throw new GospochtaProblem(409, 'CHARGE_ALREADY_PAID', {
      field: '/uin',
      detail: 'this charge is paid already; nothing was charged again',
    });
  }
  const due = amountToPay(charge, now);
  if (body.amount !== due) {
    throw new GospochtaProblem(422, 'AMOUNT_MISMATCH', {
      field: '/amount',
      detail: `the amount to pay now is ${due} kopecks`,
    });
  }
  const id = nextId(state, 'pay');
  // Paid before the receipt is signed: a second request arriving meanwhile sees the charge paid.
  charge.paidBy = id;
  let receipt: PaymentRecord['receipt'];
  try {
    receipt = await issueReceipt({
      paymentId: id,
      charge,
      amount: due,
      payer,
      paidAt: now,
      seed: context.sim.seed,
      signatureAlg: context.options.signatureAlg,
    });
  } catch (error) {
    delete charge.paidBy;
    throw error;
  }
  const payment: PaymentRecord = {
    id,
    owner: caller.subject,
    clientId: caller.clientId,
    uin: charge.uin,
    amount: due,
    createdAt: now,
    receipt,
  };
  state.payments.set(id, payment);
  emitEvent(
    state,
    caller.clientId,
    'payment.completed',
    { paymentId: id, uin: charge.uin, amount: due },
    now,
  );
  return ok(
    { payment: paymentView(payment), receipt: { receipt: receipt.json, signature: receipt.signature } },
    201,
    { location: `/v1/payments/${id}` },
  );
}

export const paymentOperations: OperationTable = {
  searchCharges: {
    handler: ({ state, body, now }) => {
      let match: (charge: { uin: string; payerInn?: string; payerSnils?: string }) => boolean;
      if (typeof body.uin === 'string') {
        const uin = checkUin(body.uin);
        if (!uin.ok) {
          throw validationFailed(issuesOf('/uin', uin.issues));
        }
        match = (charge) => charge.uin === uin.value;
      } else if (typeof body.inn === 'string') {
        const inn = checkInn(body.inn);
        if (!inn.ok) {
          throw validationFailed(issuesOf('/inn', inn.issues));
        }
        match = (charge) => charge.payerInn === inn.value;
      } else {
        const snils = checkSnils(body.snils);
        if (!snils.ok) {
          throw validationFailed(issuesOf('/snils', snils.issues));
        }
        const digits = snilsDigits(snils.value);
        match = (charge) => charge.payerSnils !== undefined && snilsDigits(charge.payerSnils) === digits;
      }
      const charges = [...state.charges.values()].filter(match).slice(0, 500);
      return ok({ charges: charges.map((charge) => chargeView(charge, now)) });
    },
  },
  listPayments: {
    handler: (context) => {
      const status = context.query.get('status');
      const items = [...context.state.payments.values()]
        .filter((payment) => payment.owner === context.caller.subject)
        .filter(() => status === null || status === 'completed')
        .reverse()
        .map(paymentView);
      return ok(page(items, context.query));
    },
  },
  createPayment: { idempotency: 'required', handler: createPayment },
  getPayment: { handler: (context) => ok(paymentView(ownPayment(context))) },
  getReceipt: {
    handler: (context) => {
      const { receipt } = ownPayment(context);
      return ok({ receipt: receipt.json, signature: receipt.signature });
    },
  },
  getReceiptPdf: { handler: (context) => file(ownPayment(context).receipt.pdf, 'application/pdf') },
};
