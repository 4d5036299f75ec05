/**
 * POST /api/gusmev/push/chunked — fields orderId, chunk (zero-based), chunks, file; `meta` on the
 * first chunk. 206 per chunk, 200 on the last with the archive assembled. Rules (reference §4, goskit
 * codes where the spec names none [unconfirmed]):
 * - chunks arrive in order; a repeated or skipped index → 400 bad_request naming the expected one;
 * - every chunk but the last is chunkMinBytes…chunkMaxBytes (5–50 MB); bigger → 413 bad_request,
 *   smaller → 400 bad_request;
 * - all chunks within 5 virtual minutes of the first, else 409 push_denied and the upload is dropped;
 * - the first chunk must start with the zip signature.
 * Only sizes and SHA-256 hashes are kept, never the bytes.
 */
import { json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition } from '../../engine/types.js';
import { archiveName, assertPushable, attachArchive } from './archive.js';
import type { EpguCaller } from './auth.js';
import { badRequest, EpguRejection } from './errors.js';
import { guarded } from './guard.js';
import { type FormPart, filePart, isZip, parseMultipart, sha256Hex, textField } from './multipart.js';
import type { ResolvedEpguOptions } from './options.js';
import { ownedOrder, parseJsonText } from './orders.js';
import type { ChunkUpload, EpguState } from './state.js';

function intField(parts: FormPart[], name: string, min: number): number {
  const text = textField(parts, name).trim();
  if (!/^\d{1,6}$/.test(text) || Number(text) < min) {
    throw badRequest(`${name}: expected an integer ≥ ${min}, got '${text.slice(0, 20)}'`);
  }
  return Number(text);
}

function checkSize(options: ResolvedEpguOptions, size: number, chunk: number, last: boolean): void {
  if (size > options.chunkMaxBytes) {
    throw new EpguRejection(
      413,
      'bad_request',
      `file: chunk ${chunk} has ${size} bytes, more than ${options.chunkMaxBytes}`,
    );
  }
  if (size === 0 || (!last && size < options.chunkMinBytes)) {
    throw badRequest(
      `file: chunk ${chunk} has ${size} bytes; every chunk but the last needs at least ${options.chunkMinBytes}`,
    );
  }
}

function startUpload(
  ctx: RouteContext<EpguState>,
  caller: EpguCaller,
  parts: FormPart[],
  orderId: number,
  chunks: number,
  file: FormPart,
): ChunkUpload {
  parseJsonText(textField(parts, 'meta'), 'meta');
  if (!isZip(file.data)) {
    throw badRequest("file: chunk 0 does not start with the zip signature 'PK\\x03\\x04'");
  }
  return {
    orderId,
    ownerId: caller.userId,
    chunks,
    next: 0,
    startedMs: ctx.sim.clock.now(),
    sizes: [],
    hashes: [],
    fileName: archiveName(file.filename, `req_${orderId}.zip`),
  };
}

export function pushChunkedRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'POST',
    path: '/api/gusmev/push/chunked',
    operation: 'pushChunk',
    handler: guarded(options, async (ctx, caller) => {
      const parts = parseMultipart(ctx.request.body, ctx.request.headers['content-type']);
      const order = ownedOrder(ctx.state, textField(parts, 'orderId').trim(), caller);
      const chunk = intField(parts, 'chunk', 0);
      const chunks = intField(parts, 'chunks', 1);
      const file = filePart(parts, 'file');
      const now = ctx.sim.clock.now();
      assertPushable(order, now);
      const key = String(order.id);
      let upload = ctx.state.uploads.get(key);
      if (upload && now - upload.startedMs > options.chunkWindowMs) {
        ctx.state.uploads.delete(key);
        throw new EpguRejection(
          409,
          'push_denied',
          `Загрузка отменена: все части должны поступить в течение ${options.chunkWindowMs / 1000} с после первой; начните заново с части 0`,
        );
      }
      const expected = upload?.next ?? 0;
      if (chunk !== expected) {
        throw badRequest(
          `chunk: expected chunk ${expected}, got ${chunk} (chunks must arrive once, in order)`,
        );
      }
      if (chunk >= chunks) {
        throw badRequest(`chunk: ${chunk} is not below chunks (${chunks})`);
      }
      if (upload && upload.chunks !== chunks) {
        throw badRequest(`chunks: the upload was started with chunks=${upload.chunks}, got ${chunks}`);
      }
      const last = chunk === chunks - 1;
      checkSize(options, file.data.length, chunk, last);
      upload ??= startUpload(ctx, caller, parts, order.id, chunks, file);
      upload.sizes.push(file.data.length);
      upload.hashes.push(await sha256Hex(file.data));
      upload.next = chunk + 1;
      ctx.state.uploads.set(key, upload);
      if (!last) {
        return json({ orderId: order.id, chunk, chunks }, 206);
      }
      ctx.state.uploads.delete(key);
      attachArchive(ctx, options, order, {
        fileName: upload.fileName,
        size: upload.sizes.reduce((sum, size) => sum + size, 0),
        sha256: await sha256Hex(new TextEncoder().encode(upload.hashes.join(','))),
        chunks,
        pushedMs: now,
      });
      return json({ orderId: order.id });
    }),
  };
}
