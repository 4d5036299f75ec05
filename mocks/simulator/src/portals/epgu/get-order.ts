/**
 * POST /api/gusmev/order/{orderId} → `{ code: 'OK', message: null, messageId, order: '<escaped JSON>' }`
 * (shape of a real answer in go-api-epgu). Unknown → 404 not_found; another user's → 403 order_access.
 */
import { json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { guarded } from './guard.js';
import type { ResolvedEpguOptions } from './options.js';
import { orderDetails } from './order-view.js';
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
