/**
 * POST /api/gusmev/order/{orderId}/cancel → 200 `{ code: 'OK', message: null }` when the order's
 * current status allows it (`cancelAllowed`, spec 2.2): not closed, and the service lets orders be
 * cancelled. Otherwise 409 cancel_not_allowed (Приложение 4; the spec's example list says 405 — goskit
 * follows the appendix). An optional `reason` (query or JSON body) becomes the status's comment: the
 * real API has asked for one (go-api-epgu, December 2023) though the spec names none.
 */
import { bodyText, json } from '../../engine/responses.js';
import type { RouteDefinition, SimRequest } from '../../engine/types.js';
import { cancelAllowed } from './cancel-allowed.js';
import { EpguRejection } from './errors.js';
import { guarded } from './guard.js';
import type { ResolvedEpguOptions } from './options.js';
import { ownedOrder } from './orders.js';
import type { EpguState } from './state.js';
import { releaseUploadBytes } from './storage.js';
import { cancelOrder, isFinal } from './timeline.js';

function reasonOf(request: SimRequest): string | undefined {
  const fromQuery = request.query.get('reason');
  if (fromQuery) {
    return fromQuery.slice(0, 500);
  }
  const text = bodyText(request.body).trim();
  if (!text.startsWith('{')) {
    return undefined;
  }
  try {
    const reason = (JSON.parse(text) as { reason?: unknown }).reason;
    return typeof reason === 'string' && reason !== '' ? reason.slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}

export function cancelOrderRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'POST',
    path: '/api/gusmev/order/:orderId/cancel',
    operation: 'cancelOrder',
    handler: guarded(options, (ctx, caller) => {
      const order = ownedOrder(ctx.state, ctx.params.orderId ?? '', caller);
      const now = ctx.sim.clock.now();
      if (!cancelAllowed(order, now)) {
        throw new EpguRejection(
          409,
          'cancel_not_allowed',
          isFinal(order, now)
            ? `Отмена заявления в текущем статусе невозможна: заявление ${order.id} в финальном статусе`
            : `Отмена заявления в текущем статусе невозможна: услуга ${order.serviceCode} не предусматривает отмену`,
        );
      }
      cancelOrder(order, now, reasonOf(ctx.request));
      // An unfinished chunked upload of a cancelled order is dropped.
      const upload = ctx.state.uploads.get(String(order.id));
      if (upload) {
        ctx.state.uploads.delete(String(order.id));
        releaseUploadBytes(ctx.state, upload.bytes);
      }
      return json({ code: 'OK', message: null });
    }),
  };
}
