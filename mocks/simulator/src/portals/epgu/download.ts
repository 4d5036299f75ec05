/**
 * GET /api/storage/v2/files/{objectId}/{objectType}/download?mnemonic= (spec 4) — by the links of
 * order-files.ts: objectType 2, objectId = order id, mnemonic = a file of the pushed archive (its
 * bytes, extracted); objectType 3, objectId = the result status's currentStatusHistoryId, mnemonic =
 * result_<orderId>.pdf. Another user's order → 403 order_access; no such order, file, or a file the
 * simulator no longer keeps → 204 (Приложение 4's «не найдено»); no mnemonic or a malformed id → 400.
 */
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { badRequest, EpguRejection, OrderNotFound } from './errors.js';
import type { GuardedCaller } from './guard.js';
import { guarded } from './guard.js';
import type { ResolvedEpguOptions } from './options.js';
import { ATTACHMENT_OBJECT_TYPE, RESULT_OBJECT_TYPE, resultFileName } from './order-files.js';
import { fromStatusHistoryId } from './order-view.js';
import { ownedOrder } from './orders.js';
import { resultPdf } from './result-file.js';
import type { EpguOrder, EpguState } from './state.js';
import { storedArchive } from './storage.js';
import { visibleSteps } from './timeline.js';
import { extractEntry } from './zip-archive.js';

function fileAnswer(name: string, mimeType: string, body: Uint8Array): SimResponse {
  // RFC 6266: an ASCII fallback plus the UTF-8 name.
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    status: 200,
    headers: {
      'content-type': mimeType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
    body,
  };
}

async function attachment(
  ctx: RouteContext<EpguState>,
  order: EpguOrder,
  mnemonic: string,
): Promise<SimResponse> {
  const file = order.archive?.files.find((candidate) => candidate.name === mnemonic);
  if (!file) {
    throw new OrderNotFound(`order ${order.id} has no file with this mnemonic`);
  }
  const bytes = storedArchive(ctx.state, order.id);
  if (!bytes) {
    throw new OrderNotFound(`the archive of order ${order.id} is no longer kept (storageMaxBytes)`);
  }
  const content = await extractEntry(bytes, {
    name: file.name,
    size: file.size,
    directory: false,
    ...file.entry,
  });
  if (typeof content === 'string') {
    throw new EpguRejection(
      500,
      'internal_error',
      `Файл ${file.name.slice(0, 80)} не удалось извлечь: ${content}`,
    );
  }
  return fileAnswer(file.name, file.mimeType, content);
}

function result(
  ctx: RouteContext<EpguState>,
  caller: GuardedCaller,
  rawId: string,
  mnemonic: string,
): SimResponse {
  if (!/^\d{3,17}$/.test(rawId)) {
    throw badRequest(
      `objectId: expected the currentStatusHistoryId of an order, got '${rawId.slice(0, 40)}'`,
    );
  }
  const { orderId, index } = fromStatusHistoryId(Number(rawId));
  const order = ownedOrder(ctx.state, String(orderId), caller, 'objectId');
  const step = visibleSteps(order, ctx.sim.clock.now())[index];
  if (step?.result !== true || mnemonic !== resultFileName(order.id)) {
    throw new OrderNotFound(`no result file ${resultFileName(order.id)} under status ${rawId}`);
  }
  return fileAnswer(mnemonic, 'application/pdf', resultPdf(order));
}

export function downloadRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'GET',
    path: '/api/storage/v2/files/:objectId/:objectType/download',
    operation: 'downloadFile',
    handler: guarded(options, async (ctx, caller) => {
      const mnemonic = ctx.request.query.get('mnemonic');
      if (!mnemonic) {
        throw badRequest('mnemonic: required query parameter');
      }
      const objectId = ctx.params.objectId ?? '';
      const objectType = ctx.params.objectType ?? '';
      if (objectType === RESULT_OBJECT_TYPE) {
        return result(ctx, caller, objectId, mnemonic);
      }
      if (objectType === ATTACHMENT_OBJECT_TYPE) {
        return attachment(ctx, ownedOrder(ctx.state, objectId, caller, 'objectId'), mnemonic);
      }
      throw badRequest(
        `objectType: expected 2 (a file of the order) or 3 (a result), got '${objectType.slice(0, 10)}'`,
      );
    }),
  };
}
