/**
 * Attaching a received archive to an order: only drafts take one (else 409 push_denied). The archive
 * must be a readable zip (else 400 bad_request); its files are listed for orderAttachmentFiles and its
 * bytes kept (storage.ts) so each can be downloaded. Its structure decides failures the spec marks
 * final (Приложение 1): folders or nested archives → INVALID_FILES_STRUCTURE («структура не
 * плоская»), no XML file at all → REQ_NOT_FOUND; otherwise the seeded plan runs (timeline.ts).
 */
import type { RouteContext } from '../../engine/types.js';
import { badRequest, EpguRejection } from './errors.js';
import { sha256Hex } from './multipart.js';
import type { ResolvedEpguOptions } from './options.js';
import type { ArchiveFile, EpguOrder, EpguState } from './state.js';
import { watchStatusNotices } from './status-notices.js';
import { LK_STATUS } from './statuses.js';
import { storeArchive } from './storage.js';
import { currentStep, planAfterPush, type StructureFailure } from './timeline.js';
import { readZipDirectory, type ZipEntry } from './zip-archive.js';

/** 409 push_denied unless the order is a draft without an archive. */
export function assertPushable(order: EpguOrder, nowMs: number): void {
  if (order.archive || currentStep(order, nowMs).statusId !== LK_STATUS.DRAFT) {
    throw new EpguRejection(409, 'push_denied', `Заявление ${order.id} уже отправлено или отменено`);
  }
}

const MIME_TYPES: ReadonlyMap<string, string> = new Map([
  ['xml', 'application/xml'],
  ['pdf', 'application/pdf'],
  ['sig', 'application/pkcs7-signature'],
  ['p7s', 'application/pkcs7-signature'],
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
  ['txt', 'text/plain'],
  ['json', 'application/json'],
]);

const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

export function mimeTypeOf(name: string): string {
  return MIME_TYPES.get(extensionOf(name)) ?? 'application/octet-stream';
}

const NESTED_ARCHIVES = new Set(['zip', '7z', 'rar', 'gz', 'tar', 'tgz']);

/** The final failure the structure decides, if any. */
export function structureFailure(entries: readonly ZipEntry[]): StructureFailure | undefined {
  const nested = entries.find(
    (entry) => entry.directory || entry.name.includes('/') || entry.name.includes('\\'),
  );
  if (nested) {
    return {
      state: 'INVALID_FILES_STRUCTURE',
      comment: `INVALID_FILES_STRUCTURE: архив содержит папки (${nested.name.slice(0, 80)}), структура должна быть плоской`,
    };
  }
  const archive = entries.find((entry) => NESTED_ARCHIVES.has(extensionOf(entry.name)));
  if (archive) {
    return {
      state: 'INVALID_FILES_STRUCTURE',
      comment: `INVALID_FILES_STRUCTURE: архив содержит вложенный архив ${archive.name.slice(0, 80)}`,
    };
  }
  if (!entries.some((entry) => extensionOf(entry.name) === 'xml')) {
    return { state: 'REQ_NOT_FOUND', comment: 'REQ_NOT_FOUND: в архиве нет XML-файла заявления' };
  }
  return undefined;
}

function listFiles(entries: readonly ZipEntry[]): ArchiveFile[] {
  const names = new Set(entries.map((entry) => entry.name));
  let request = false;
  return entries
    .filter((entry) => !entry.directory)
    .map((entry) => {
      const isRequest = !request && /^req[^/]*\.xml$/i.test(entry.name);
      request ||= isRequest;
      return {
        name: entry.name,
        size: entry.size,
        entry: {
          method: entry.method,
          compressedSize: entry.compressedSize,
          headerOffset: entry.headerOffset,
          encrypted: entry.encrypted,
        },
        mimeType: mimeTypeOf(entry.name),
        type: isRequest ? 'REQUEST' : 'ATTACHMENT',
        signed: names.has(`${entry.name}.sig`),
      };
    });
}

/** Reads the archive or answers 400 naming what is wrong with it. */
export function readArchive(bytes: Uint8Array): ZipEntry[] {
  const entries = readZipDirectory(bytes);
  if (typeof entries === 'string') {
    throw badRequest(`file: not a readable zip archive (${entries})`);
  }
  if (entries.length === 0) {
    throw badRequest('file: the zip archive holds no files');
  }
  return entries;
}

export async function attachArchive(
  ctx: RouteContext<EpguState>,
  options: ResolvedEpguOptions,
  order: EpguOrder,
  bytes: Uint8Array,
  upload: { fileName: string; chunks: number },
): Promise<void> {
  const now = ctx.sim.clock.now();
  assertPushable(order, now);
  const entries = readArchive(bytes);
  order.archive = {
    fileName: upload.fileName,
    size: bytes.byteLength,
    sha256: await sha256Hex(bytes),
    chunks: upload.chunks,
    pushedMs: now,
    files: listFiles(entries),
  };
  storeArchive(ctx.state, order.id, bytes, options.storageMaxBytes);
  // Forked by order id: the plan depends on the seed and the order, not on other traffic.
  const random = ctx.sim.random.fork(`epgu:order:${order.id}`);
  order.steps = [...order.steps, ...planAfterPush(random, options, now, structureFailure(entries))];
  if (options.notifications) {
    watchStatusNotices(ctx, order);
  }
}

/** A safe file name for links (the multipart filename, else a default). */
export function archiveName(filename: string | undefined, fallback: string): string {
  const cleaned = (filename ?? '').replace(/[^\w.-]+/g, '_').slice(0, 100);
  return cleaned === '' ? fallback : cleaned;
}
