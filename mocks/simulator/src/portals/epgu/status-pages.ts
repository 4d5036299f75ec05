/**
 * GET /api/gusmev/order/getUpdatedAfter and /getOrdersStatus → `{ count, totalCount, content }`.
 * pageNum is zero-based (the spec's examples) and pageSize 1…100 (goskit's bound [unconfirmed]).
 * `updatedAfter` and `updated` are UTC `YYYY-MM-DDTHH:mm:ss.SSS` (footnote 6). Only the orders the
 * caller filed through this system are visible: anyone else's id answers NOT_FOUND, never its status.
 */
import { json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import type { EpguCaller } from './auth.js';
import { parseUpdatedAfter } from './dates.js';
import { badRequest } from './errors.js';
import { guarded } from './guard.js';
import type { ResolvedEpguOptions } from './options.js';
import { type StatusTriple, statusTriple, updatedMs } from './order-view.js';
import { ownsOrder } from './orders.js';
import type { EpguState } from './state.js';

interface StatusItem {
  orderId: number;
  orderSearchStatus: 'FOUND' | 'NOT_FOUND';
  status: StatusTriple | null;
}

function intParam(query: URLSearchParams, name: string, min: number, max: number): number {
  const text = query.get(name);
  if (text === null || text === '') {
    throw badRequest(`${name}: required query parameter`);
  }
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw badRequest(`${name}: expected an integer from ${min} to ${max}, got '${text.slice(0, 20)}'`);
  }
  return Number(text);
}

function page(query: URLSearchParams, items: StatusItem[]) {
  const pageNum = intParam(query, 'pageNum', 0, 1_000_000);
  const pageSize = intParam(query, 'pageSize', 1, 100);
  const content = items.slice(pageNum * pageSize, (pageNum + 1) * pageSize);
  return json({ count: content.length, totalCount: items.length, content });
}

function itemFor(state: EpguState, caller: EpguCaller, orderId: number, nowMs: number): StatusItem {
  const order = state.orders.get(String(orderId));
  if (!order || !ownsOrder(order, caller)) {
    return { orderId, orderSearchStatus: 'NOT_FOUND', status: null };
  }
  return { orderId, orderSearchStatus: 'FOUND', status: statusTriple(order, nowMs) };
}

export function statusPageRoutes(options: ResolvedEpguOptions): RouteDefinition<EpguState>[] {
  return [
    {
      method: 'GET',
      path: '/api/gusmev/order/getUpdatedAfter',
      operation: 'getUpdatedAfter',
      handler: guarded(options, (ctx, caller) => {
        const raw = ctx.request.query.get('updatedAfter') ?? '';
        const after = parseUpdatedAfter(raw);
        if (after === undefined) {
          throw badRequest(`updatedAfter: expected YYYY-MM-DDTHH:mm:ss.SSS (UTC), got '${raw.slice(0, 40)}'`);
        }
        const now = ctx.sim.clock.now();
        const items = [...ctx.state.orders.values()]
          .filter((order) => ownsOrder(order, caller) && updatedMs(order, now) > after)
          .sort((a, b) => updatedMs(a, now) - updatedMs(b, now) || a.id - b.id)
          .map((order) => itemFor(ctx.state, caller, order.id, now));
        return page(ctx.request.query, items);
      }),
    },
    {
      method: 'GET',
      path: '/api/gusmev/order/getOrdersStatus',
      operation: 'getOrdersStatus',
      handler: guarded(options, (ctx, caller) => {
        const raw = ctx.request.query.getAll('orderIds').join(',');
        const ids = raw
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '');
        if (ids.length === 0) {
          throw badRequest('orderIds: required, a comma-separated list of order ids');
        }
        const bad = ids.find((id) => !/^\d{1,15}$/.test(id));
        if (bad !== undefined) {
          throw badRequest(`orderIds: '${bad.slice(0, 20)}' is not an order id`);
        }
        const now = ctx.sim.clock.now();
        return page(
          ctx.request.query,
          ids.map((id) => itemFor(ctx.state, caller, Number(id), now)),
        );
      }),
    },
  ];
}
