/** Payments of the account: pages and one payment (status in the account). */
import { type Paginated, paginate } from '@goskit/core';
import type { GospochtaContext } from '../client/context.js';
import { checkId, checkPage, fail, issue } from '../client/input-checks.js';
import { protectedCall } from '../client/protected-call.js';
import { type Payment, type PaymentStatus, paymentPageSchema, paymentSchema } from './models.js';

export interface PaymentFilter {
  status?: PaymentStatus;
  limit?: number;
  signal?: AbortSignal;
}

export async function listPaymentsPage(
  context: GospochtaContext,
  filter: PaymentFilter = {},
  cursor?: string,
): Promise<{ items: Payment[]; nextCursor: string | null }> {
  checkPage({ cursor, limit: filter.limit, filter });
  if (filter.status !== undefined && !['completed', 'pending', 'failed'].includes(filter.status)) {
    fail([issue('status', 'STATUS_VALUE', 'Неизвестный статус платежа.', 'Unknown payment status.')]);
  }
  const { data } = await protectedCall(context, {
    operation: 'listPayments',
    method: 'GET',
    template: '/v1/payments',
    path: '/v1/payments',
    query: {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.limit === undefined ? {} : { limit: filter.limit }),
      ...(cursor === undefined ? {} : { cursor }),
    },
    schema: paymentPageSchema,
    ...(filter.signal ? { signal: filter.signal } : {}),
  });
  return data as { items: Payment[]; nextCursor: string | null };
}

export function payments(context: GospochtaContext, filter: PaymentFilter = {}): Paginated<Payment> {
  checkPage({ limit: filter.limit, filter });
  return paginate<Payment>(async ({ cursor }) => listPaymentsPage(context, filter, cursor), {
    ...(filter.signal ? { signal: filter.signal } : {}),
  });
}

export async function getPayment(context: GospochtaContext, paymentId: string): Promise<Payment> {
  const id = checkId(paymentId, 'paymentId');
  const { data } = await protectedCall(context, {
    operation: 'getPayment',
    method: 'GET',
    template: '/v1/payments/{paymentId}',
    path: `/v1/payments/${id}`,
    schema: paymentSchema,
  });
  return data as Payment;
}
