/**
 * POST /api/gusmev/order/{orderId} → `{ code: 'OK', message: null, messageId, order: '<escaped JSON>' }`
 * (the spec's example and go-api-epgu's real answer: `code` is 'OK' even where the spec's Таблица 27
 * calls it the gu-smev state; `messageId` is undocumented but real). Malformed id → 400, unknown →
 * 204, another user's → 403 order_access.
 */
import { json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { guarded } from './guard.js';
import type { ResolvedEpguOptions } from './options.js';
import { orderDetails } from './order-details.js';
import { ownedOrder } from './orders.js';
import type { EpguState } from './state.js';

export function getOrderRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'POST',
    path: '/api/gusmev/order/:orderId',
    operation: 'getOrder',
    handler: guarded(options, (ctx, caller) => {
      const order = ownedOrder(ctx.state, ctx.params.orderId ?? '', caller);
      const details = orderDetails(order, ctx.sim.clock.now());
      return json({
        code: 'OK',
        message: null,
        messageId: ctx.sim.random.uuid(),
        order: JSON.stringify(details),
      });
    }),
  };
}
