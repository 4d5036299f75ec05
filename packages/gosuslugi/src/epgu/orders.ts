import { InvalidOptionsError } from '@goskit/core';
import { EpguError } from '../errors/epgu-error.js';
import type { operations } from '../generated/epgu.js';
import { type EpguContext, epguCall } from './context.js';
import {
  codeMessageSchema,
  type EpguOrder,
  type EpguOrderDetails,
  orderDetailsSchema,
  orderIdSchema,
} from './models.js';
import { contentOf } from './order-answer.js';

/** `{ region, serviceCode, targetCode }` as openapi/epgu.yaml defines the body (region: OKATO code, e.g. '45000000000'). */
export type CreateOrderInput = operations['createOrder']['requestBody']['content']['application/json'];

export function checkOrderId(id: number | string): string {
  const text = String(id);
  if (!/^\d+$/.test(text)) {
    throw new InvalidOptionsError('orderId must be a positive integer');
  }
  return text;
}

/** POST /api/gusmev/order → the new orderId. */
export async function createOrder(
  context: EpguContext,
  input: CreateOrderInput,
): Promise<{ orderId: number }> {
  for (const name of ['region', 'serviceCode', 'targetCode'] as const) {
    if (typeof input[name] !== 'string' || input[name].length === 0) {
      throw new InvalidOptionsError(`createOrder needs ${name}`);
    }
  }
  const body = await epguCall(() =>
    context.transport.post('/api/gusmev/order', {
      json: {
        region: input.region,
        serviceCode: input.serviceCode,
        targetCode: input.targetCode,
      } satisfies CreateOrderInput,
      schema: orderIdSchema,
    }),
  );
  return { orderId: body.orderId };
}

/**
 * POST /api/gusmev/order/{id}: details; `order` arrives as an escaped JSON string and is parsed. An
 * unknown order is EPGU's bare 204 → EpguError with epguCode 'not_found' (order-answer.ts).
 */
export async function getOrder(context: EpguContext, id: number | string): Promise<EpguOrderDetails> {
  const orderId = checkOrderId(id);
  const body = await contentOf(
    { what: `order ${orderId}`, method: 'POST' },
    () => context.transport.raw({ path: `/api/gusmev/order/${orderId}`, method: 'POST' }),
    orderDetailsSchema,
  );
  let order: unknown;
  try {
    order = JSON.parse(body.order);
  } catch (cause) {
    throw new EpguError('INVALID_RESPONSE', `EPGU order ${orderId}: "order" is not a JSON string`, { cause });
  }
  if (typeof order !== 'object' || order === null || Array.isArray(order)) {
    throw new EpguError('INVALID_RESPONSE', `EPGU order ${orderId}: "order" is not a JSON object`);
  }
  return {
    code: body.code,
    message: body.message ?? null,
    messageId: body.messageId ?? null,
    order: order as EpguOrder & Record<string, unknown>,
    orderJson: body.order,
  };
}

export interface CancelOptions {
  /**
   * Why the order is cancelled, sent as the `reason` request parameter: the real EPGU asks for it
   * although the spec does not list it (go-api-epgu's note: «Required request parameter 'reason'»).
   */
  reason?: string;
  signal?: AbortSignal;
}

/**
 * POST /api/gusmev/order/{id}/cancel. EPGU's `cancel_not_allowed` (409) becomes EpguError; an
 * unknown order (bare 204) EpguError with epguCode 'not_found'.
 */
export async function cancelOrder(
  context: EpguContext,
  id: number | string,
  options: CancelOptions = {},
): Promise<{ code: string; message: string | null }> {
  const orderId = checkOrderId(id);
  if (options.reason !== undefined && (typeof options.reason !== 'string' || options.reason.length > 500)) {
    throw new InvalidOptionsError('cancel reason must be a string of at most 500 characters');
  }
  const body = await contentOf(
    { what: `order ${orderId}`, method: 'POST' },
    () =>
      context.transport.raw({
        path: `/api/gusmev/order/${orderId}/cancel`,
        method: 'POST',
        ...(options.reason ? { query: { reason: options.reason } } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    codeMessageSchema,
  );
  return { code: body.code, message: body.message ?? null };
}
