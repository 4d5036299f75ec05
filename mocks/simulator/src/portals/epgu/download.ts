/**
 * GET /api/storage/v2/files/{objectId}/{objectType}/download?mnemonic= → the result PDF of an order
 * whose service was provided (result-file.ts). Anything else → 404 not_found; another user's
 * order → 403 order_access; no mnemonic → 400.
 */
import type { RouteDefinition } from '../../engine/types.js';
import { badRequest, EpguRejection } from './errors.js';
import { guarded } from './guard.js';
import type { ResolvedEpguOptions } from './options.js';
import { ownedOrder } from './orders.js';
import { RESULT_OBJECT_TYPE, resultFileName, resultPdf } from './result-file.js';
import type { EpguState } from './state.js';
import { hasResult } from './timeline.js';

export function downloadRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'GET',
    path: '/api/storage/v2/files/:objectId/:objectType/download',
    operation: 'downloadFile',
    handler: guarded(options, (ctx, caller) => {
      const mnemonic = ctx.request.query.get('mnemonic');
      if (!mnemonic) {
        throw badRequest('mnemonic: required query parameter');
      }
      const order = ownedOrder(ctx.state, ctx.params.objectId ?? '', caller, 'objectId');
      const available =
        ctx.params.objectType === RESULT_OBJECT_TYPE &&
        mnemonic === resultFileName(order.id) &&
        hasResult(order, ctx.sim.clock.now());
      if (!available) {
        throw new EpguRejection(404, 'not_found', `Файл ${mnemonic.slice(0, 80)} не найден`);
      }
      return {
        status: 200,
        headers: {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename="${resultFileName(order.id)}"`,
        },
        body: resultPdf(order),
      };
    }),
  };
}
