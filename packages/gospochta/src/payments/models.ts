/** Response checks and types for charges, payments and receipts (openapi: Charge, Payment, Receipt). */
import { z } from 'zod';
import {
  dateTimeSchema,
  detachedJwsSchema,
  hexSchema,
  idSchema,
  nextCursorSchema,
  organisationSchema,
  personSchema,
} from '../client/common-schemas.js';
import type { Decrypted, Schemas } from '../client/decrypted.js';

export type Charge = Decrypted<Schemas['Charge']>;
export type Payment = Schemas['Payment'];
export type PaymentStatus = Schemas['PaymentStatus'];
export type Receipt = Decrypted<Schemas['Receipt']>;

const uin = z.string().regex(/^[0-9A-Z]{19}[0-9]$|^[0-9A-Z]{24}[0-9]$/);
const amount = z.number().int().positive().max(100_000_000_000);

export const chargeSchema = z.object({
  uin,
  amount,
  amountToPay: z.number().int().nonnegative(),
  discountUntil: z.string().max(10).optional(),
  purpose: z.string().max(500),
  payee: organisationSchema,
  kbk: z.string().max(20).optional(),
  oktmo: z.string().max(11).optional(),
  issuedAt: dateTimeSchema,
  dueDate: z.string().max(10).optional(),
  status: z.enum(['unpaid', 'paid', 'partially_paid', 'cancelled']),
});

export const chargeListSchema = z.object({ charges: z.array(chargeSchema).max(500) });

export const paymentSchema = z.object({
  id: idSchema,
  uin,
  amount,
  status: z.enum(['completed', 'pending', 'failed']),
  createdAt: dateTimeSchema,
  completedAt: dateTimeSchema.optional(),
  failureReason: z.string().max(200).optional(),
});

export const paymentPageSchema = z.object({
  items: z.array(paymentSchema).max(100),
  nextCursor: nextCursorSchema,
});

export const receiptSchema = z.object({
  receiptId: idSchema,
  paymentId: idSchema,
  uin,
  amount,
  payer: personSchema,
  payee: organisationSchema,
  purpose: z.string().max(500),
  paidAt: dateTimeSchema,
  bankReference: z.string().max(64),
  pdfSha256: hexSchema,
  issuer: z.string().max(200),
});

/** Kept loose: the signature covers the receipt exactly as the portal wrote it. */
export const signedReceiptSchema = z.object({
  receipt: z.record(z.string(), z.unknown()),
  signature: detachedJwsSchema,
});

export const paymentResultSchema = z.object({ payment: paymentSchema, receipt: signedReceiptSchema });
