/**
 * Charges as ГИС ГМП knows them, checked at the moment of asking (the virtual clock): the amount to
 * pay is the discounted one while a fine's discount lasts, nothing once paid.
 */

import { organisationView } from '../operations/views.js';
import { type ChargeRecord, iso } from '../state.js';

export function amountToPay(charge: ChargeRecord, now: number): number {
  if (charge.paidBy !== undefined) {
    return 0;
  }
  if (
    charge.discountedAmount !== undefined &&
    charge.discountUntil !== undefined &&
    now <= charge.discountUntil
  ) {
    return charge.discountedAmount;
  }
  return charge.amount;
}

export function chargeView(charge: ChargeRecord, now: number): Record<string, unknown> {
  const discount =
    charge.paidBy === undefined && charge.discountUntil !== undefined && now <= charge.discountUntil;
  return {
    uin: charge.uin,
    amount: charge.amount,
    amountToPay: amountToPay(charge, now),
    ...(discount ? { discountUntil: iso(charge.discountUntil as number).slice(0, 10) } : {}),
    purpose: charge.purpose,
    payee: organisationView(charge.payee),
    ...(charge.kbk === undefined ? {} : { kbk: charge.kbk }),
    ...(charge.oktmo === undefined ? {} : { oktmo: charge.oktmo }),
    issuedAt: iso(charge.issuedAt),
    ...(charge.dueAt === undefined ? {} : { dueDate: iso(charge.dueAt).slice(0, 10) }),
    status: charge.paidBy === undefined ? 'unpaid' : 'paid',
  };
}
