/**
 * POST /api/gusmev/push — multipart `meta` (JSON: region, serviceCode, targetCode; goskit also takes
 * an orderId to push into a draft) + `file` (a zip of at most 50 000 000 bytes). Without orderId the
 * order is created first (same checks as createOrder). A larger file → 400 bad_request (the spec's
 * error for bad parameters; it lists no 413), announced or received; not a readable zip → 400.
 */
import { json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { archiveName, assertPushable, attachArchive, readArchive } from './archive.js';
import { badRequest } from './errors.js';
import { guarded } from './guard.js';
import { filePart, isZip, parseMultipart, textField } from './multipart.js';
import type { ResolvedEpguOptions } from './options.js';
import { createOrder, ownedOrder, parseJsonText, readOrderInput } from './orders.js';
import type { EpguOrder, EpguState } from './state.js';

export function pushRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'POST',
    path: '/api/gusmev/push',
    operation: 'push',
    handler: guarded(
      options,
      async (ctx, caller) => {
        const parts = parseMultipart(ctx.request.body, ctx.request.headers['content-type']);
        const meta = parseJsonText(textField(parts, 'meta'), 'meta');
        const file = filePart(parts, 'file');
        if (file.data.length > options.maxArchiveBytes) {
          throw badRequest(
            `file: ${file.data.length} bytes exceed the limit of ${options.maxArchiveBytes}; send a larger archive with /push/chunked`,
          );
        }
        if (file.data.length === 0 || !isZip(file.data)) {
          throw badRequest("file: not a zip archive (expected the signature 'PK\\x03\\x04')");
        }
        const now = ctx.sim.clock.now();
        const rawOrderId = (meta as Record<string, unknown> | null)?.orderId;
        let order: EpguOrder;
        if (rawOrderId !== undefined && rawOrderId !== null && rawOrderId !== '') {
          order = ownedOrder(ctx.state, String(rawOrderId), caller, 'meta.orderId');
          assertPushable(order, now);
        } else {
          const input = readOrderInput(meta, 'meta.');
          // Read the archive before creating the order: a broken zip must not leave a draft behind.
          readArchive(file.data);
          order = createOrder(ctx, options, caller, input);
        }
        // A copy: the part is a view into the whole request body, which must not stay pinned.
        await attachArchive(ctx, options, order, file.data.slice(), {
          fileName: archiveName(file.filename, `req_${order.id}.zip`),
          chunks: 1,
        });
        return json({ orderId: order.id });
      },
      { maxFileBytes: options.maxArchiveBytes },
    ),
  };
}
