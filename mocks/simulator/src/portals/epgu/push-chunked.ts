/**
 * POST /api/gusmev/push/chunked — an archive pushed into a created order, in byte chunks (spec
 * 2.1.3). Fields `orderId`, `file`, and `chunk` (zero-based) + `chunks` — both optional when the
 * archive goes in one chunk (footnote 5). `meta` is optional: the spec's Таблица 10 marks it required,
 * but its own chunked example and production clients (go-api-epgu since v0.5.0) send none; when sent
 * it must match the order. Rules:
 * - the first chunk first, the last one last, the rest in any order (parallel uploads allowed);
 *   a chunk sent again with the same bytes is answered again (a retry), with other bytes → 400;
 * - every chunk but the last is chunkMinBytes…chunkMaxBytes (5–50 MB), the last up to chunkMaxBytes;
 *   larger → 400 bad_request (the spec lists no 413), smaller → 400;
 * - all chunks within 5 virtual minutes of the first, else 409 push_denied and the upload is dropped;
 * - the assembled archive must be a readable zip (archive.ts).
 * 206 `{orderId}` per chunk, 200 `{orderId}` once the last one completes the archive.
 */
import { json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition } from '../../engine/types.js';
import { archiveName, assertPushable, attachArchive } from './archive.js';
import { badRequest, EpguRejection } from './errors.js';
import { guarded } from './guard.js';
import { type FormPart, filePart, isZip, parseMultipart } from './multipart.js';
import type { ResolvedEpguOptions } from './options.js';
import { ownedOrder, parseJsonText } from './orders.js';
import type { ChunkUpload, EpguOrder, EpguState } from './state.js';
import { releaseUploadBytes, reserveUploadBytes } from './storage.js';

const decoder = new TextDecoder();
const MAX_CHUNKS = 10_000;

function field(parts: FormPart[], name: string): string | undefined {
  const part = parts.find((candidate) => candidate.name === name);
  return part === undefined ? undefined : decoder.decode(part.data).trim();
}

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^\d{1,6}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw badRequest(`${name}: expected an integer from ${min} to ${max}, got '${text.slice(0, 20)}'`);
  }
  return Number(text);
}

/** chunk/chunks: both, or neither for a one-chunk archive (footnote 5). */
function chunkNumbers(parts: FormPart[]): { chunk: number; chunks: number } {
  const chunkText = field(parts, 'chunk');
  const chunksText = field(parts, 'chunks');
  if (chunkText === undefined && chunksText === undefined) {
    return { chunk: 0, chunks: 1 };
  }
  if (chunksText === undefined) {
    throw badRequest("chunks: required with 'chunk' (both may be left out only for a one-chunk archive)");
  }
  const chunks = integer('chunks', chunksText, 1, MAX_CHUNKS);
  if (chunkText === undefined) {
    if (chunks === 1) {
      return { chunk: 0, chunks };
    }
    throw badRequest(`chunk: required when chunks is ${chunks} (the zero-based index of this chunk)`);
  }
  return { chunk: integer('chunk', chunkText, 0, chunks - 1), chunks };
}

/** `meta`, when sent, must be a JSON object naming the order's own service. */
function checkMeta(parts: FormPart[], order: EpguOrder): void {
  const text = field(parts, 'meta');
  if (text === undefined) {
    return;
  }
  const meta = parseJsonText(text, 'meta');
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw badRequest('meta: expected a JSON object {region, serviceCode, targetCode}');
  }
  const record = meta as Record<string, unknown>;
  for (const name of ['region', 'serviceCode', 'targetCode'] as const) {
    const value = record[name];
    if (value !== undefined && value !== null && String(value) !== order[name]) {
      throw badRequest(
        `meta.${name}: '${String(value).slice(0, 40)}' differs from the order's ${order[name]}`,
      );
    }
  }
}

function checkSize(options: ResolvedEpguOptions, size: number, chunk: number, last: boolean): void {
  if (size > options.chunkMaxBytes) {
    throw badRequest(`file: chunk ${chunk} has ${size} bytes, more than ${options.chunkMaxBytes}`);
  }
  if (size === 0 || (!last && size < options.chunkMinBytes)) {
    throw badRequest(
      `file: chunk ${chunk} has ${size} bytes; every chunk but the last needs at least ${options.chunkMinBytes}`,
    );
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) {
    return false;
  }
  for (let i = 0; i < a.byteLength; i += 1) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

function dropUpload(state: EpguState, key: string): void {
  const upload = state.uploads.get(key);
  if (upload) {
    state.uploads.delete(key);
    releaseUploadBytes(state, upload.bytes);
  }
}

/** The order's name for the archive: chunk 0's file name with `.z001` written as `.zip`. */
function uploadName(file: FormPart, orderId: number): string {
  const name = archiveName(file.filename, `req_${orderId}.zip`);
  return name.replace(/\.z\d{2,3}$/i, '.zip');
}

function assemble(upload: ChunkUpload): Uint8Array {
  const out = new Uint8Array(upload.bytes);
  let at = 0;
  for (let index = 0; index < upload.chunks; index += 1) {
    const part = upload.parts.get(index) as Uint8Array;
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

async function accept(
  ctx: RouteContext<EpguState>,
  options: ResolvedEpguOptions,
  order: EpguOrder,
  parts: FormPart[],
): Promise<ReturnType<typeof json>> {
  const { chunk, chunks } = chunkNumbers(parts);
  const file = filePart(parts, 'file');
  checkMeta(parts, order);
  const now = ctx.sim.clock.now();
  assertPushable(order, now);
  const key = String(order.id);
  const last = chunk === chunks - 1;
  checkSize(options, file.data.length, chunk, last);
  let upload = ctx.state.uploads.get(key);
  if (upload && now - upload.startedMs > options.chunkWindowMs) {
    dropUpload(ctx.state, key);
    throw new EpguRejection(
      409,
      'push_denied',
      `Загрузка отменена: все части должны поступить в течение ${options.chunkWindowMs / 1000} с после первой; начните заново с части 0`,
    );
  }
  if (chunk === 0) {
    if (!isZip(file.data)) {
      throw badRequest("file: chunk 0 does not start with the zip signature 'PK\\x03\\x04'");
    }
    const again = upload?.parts.get(0);
    if (upload && again !== undefined && upload.chunks === chunks && sameBytes(again, file.data)) {
      return json({ orderId: order.id }, 206); // a retry of the first chunk
    }
    dropUpload(ctx.state, key); // chunk 0 (re)starts the upload
    upload = {
      orderId: order.id,
      ownerId: order.ownerId,
      chunks,
      startedMs: now,
      parts: new Map(),
      bytes: 0,
      fileName: uploadName(file, order.id),
    };
  } else if (!upload) {
    throw badRequest(`chunk: the upload of order ${order.id} must start with chunk 0, got chunk ${chunk}`);
  } else if (upload.chunks !== chunks) {
    throw badRequest(`chunks: the upload was started with chunks=${upload.chunks}, got ${chunks}`);
  }
  const known = upload.parts.get(chunk);
  if (known !== undefined) {
    if (sameBytes(known, file.data)) {
      return json({ orderId: order.id }, last ? 200 : 206);
    }
    throw badRequest(`chunk: chunk ${chunk} was already received with other bytes`);
  }
  if (last && chunks > 1 && upload.parts.size !== chunks - 1) {
    const missing = Array.from({ length: chunks - 1 }, (_, index) => index).filter(
      (index) => !upload?.parts.has(index),
    );
    throw badRequest(
      `chunk: the last chunk (${chunk}) must be sent after all others; still missing ${missing.slice(0, 10).join(', ')}`,
    );
  }
  if (upload.bytes + file.data.length > options.maxChunkedArchiveBytes) {
    dropUpload(ctx.state, key);
    throw badRequest(
      `file: the chunks add up to more than ${options.maxChunkedArchiveBytes} bytes (the simulator's maxChunkedArchiveBytes); the upload is dropped`,
    );
  }
  if (!reserveUploadBytes(ctx.state, file.data.length, options.storageMaxBytes)) {
    throw badRequest(
      `file: the simulator's storage (storageMaxBytes ${options.storageMaxBytes}) is full of uploads in progress`,
    );
  }
  // A copy: the part is a view into the whole request body.
  upload.parts.set(chunk, file.data.slice());
  upload.bytes += file.data.length;
  ctx.state.uploads.set(key, upload);
  if (upload.parts.size < chunks) {
    return json({ orderId: order.id }, 206);
  }
  const archive = assemble(upload);
  dropUpload(ctx.state, key);
  await attachArchive(ctx, options, order, archive, { fileName: upload.fileName, chunks });
  return json({ orderId: order.id });
}

export function pushChunkedRoute(options: ResolvedEpguOptions): RouteDefinition<EpguState> {
  return {
    method: 'POST',
    path: '/api/gusmev/push/chunked',
    operation: 'pushChunk',
    handler: guarded(
      options,
      async (ctx, caller) => {
        const parts = parseMultipart(ctx.request.body, ctx.request.headers['content-type']);
        const orderId = field(parts, 'orderId');
        if (orderId === undefined) {
          throw badRequest("multipart part 'orderId' is required");
        }
        const order = ownedOrder(ctx.state, orderId, caller);
        return accept(ctx, options, order, parts);
      },
      { maxFileBytes: options.chunkMaxBytes },
    ),
  };
}
