/**
 * POST /api/gusmev/push — multipart `meta` (JSON: region, serviceCode, targetCode, optional orderId)
 * + `file` (a zip ≤ 50 000 000 bytes). Without orderId the order is created first (same checks as
 * createOrder). Too large → 413 bad_request; not a zip → 400 bad_request.
 */
import { json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { archiveName, assertPushable, attachArchive } from './archive.js';
import { badRequest, EpguRejection } from './errors.js';
import { guarded } from './guard.js';
import { filePart, isZip, parseMultipart, sha256Hex, textField } from './multipart.js';
import type { ResolvedEpguOptions } from './options.js';
import { createOrder, ownedOrder, parseJsonText, readOrderInput } from './orders.js';
import type { EpguState } from './state.js';

export function pushRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'POST',
    path: '/api/gusmev/push',
    operation: 'push',
    handler: guarded(options, async (ctx, caller) => {
      const parts = parseMultipart(ctx.request.body, ctx.request.headers['content-type']);
      const meta = parseJsonText(textField(parts, 'meta'), 'meta');
      const file = filePart(parts, 'file');
      if (file.data.length > options.maxArchiveBytes) {
        throw new EpguRejection(
          413,
          'bad_request',
          `file: ${file.data.length} bytes exceed the limit of ${options.maxArchiveBytes}`,
        );
      }
      if (file.data.length === 0 || !isZip(file.data)) {
        throw badRequest("file: not a zip archive (expected the signature 'PK\\x03\\x04')");
      }
      const now = ctx.sim.clock.now();
      const rawOrderId = (meta as Record<string, unknown> | null)?.orderId;
      let order: ReturnType<typeof createOrder>;
      if (rawOrderId !== undefined && rawOrderId !== null && rawOrderId !== '') {
        order = ownedOrder(ctx.state, String(rawOrderId), caller, 'meta.orderId');
        assertPushable(order, now);
      } else {
        order = createOrder(ctx, options, caller, readOrderInput(meta, 'meta.'));
      }
      attachArchive(ctx, options, order, {
        fileName: archiveName(file.filename, `req_${order.id}.zip`),
        size: file.data.length,
        sha256: await sha256Hex(file.data),
        chunks: 1,
        pushedMs: now,
      });
      return json({ orderId: order.id });
    }),
  };
}
