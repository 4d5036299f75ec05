/** POST /api/gusmev/order {region, serviceCode, targetCode} → {orderId} (a draft, ЛК status 0). */
import { bodyText, json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { badRequest } from './errors.js';
import { guarded } from './guard.js';
import type { ResolvedEpguOptions } from './options.js';
import { createOrder, parseJsonText, readOrderInput } from './orders.js';
import type { EpguState } from './state.js';

export function createOrderRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'POST',
    path: '/api/gusmev/order',
    operation: 'createOrder',
    handler: guarded(options, (ctx, caller) => {
      const type = ctx.request.headers['content-type'] ?? '';
      if (type !== '' && !/json/i.test(type)) {
        throw badRequest(`content-type: expected application/json, got '${type.slice(0, 80)}'`);
      }
      const input = readOrderInput(parseJsonText(bodyText(ctx.request.body), 'body'));
      const order = createOrder(ctx, options, caller, input);
      return json({ orderId: order.id });
    }),
  };
}
