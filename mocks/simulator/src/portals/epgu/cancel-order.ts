/**
 * POST /api/gusmev/order/{orderId}/cancel → 200 `{ code: 'OK', message: null }`; an order in a final
 * status (service provided, send error, already cancelled) → 409 cancel_not_allowed.
 */
import { json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { EpguRejection } from './errors.js';
import { guarded } from './guard.js';
import type { ResolvedEpguOptions } from './options.js';
import { ownedOrder } from './orders.js';
import type { EpguState } from './state.js';
import { cancelOrder, isFinal } from './timeline.js';

export function cancelOrderRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'POST',
    path: '/api/gusmev/order/:orderId/cancel',
    operation: 'cancelOrder',
    handler: guarded(options, (ctx, caller) => {
      const order = ownedOrder(ctx.state, ctx.params.orderId ?? '', caller);
      const now = ctx.sim.clock.now();
      if (isFinal(order, now)) {
        throw new EpguRejection(
          409,
          'cancel_not_allowed',
          `Заявление ${order.id} в финальном статусе, отмена невозможна`,
        );
      }
      cancelOrder(order, now);
      // An unfinished chunked upload of a cancelled order is dropped.
      ctx.state.uploads.delete(String(order.id));
      return json({ code: 'OK', message: null });
    }),
  };
}
