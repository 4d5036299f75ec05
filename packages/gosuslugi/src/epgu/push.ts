import { InvalidOptionsError, isTimeoutError } from '@goskit/core';
import { EpguError } from '../errors/epgu-error.js';
import { type EpguContext, epguCall } from './context.js';
import { orderIdSchema } from './models.js';
import { checkOrderId } from './orders.js';

/** EPGU accepts a single-call archive of at most 50 000 000 bytes. */
export const MAX_PUSH_BYTES = 50_000_000;
export const MIN_CHUNK_BYTES = 5_000_000;
export const MAX_CHUNK_BYTES = 50_000_000;
/** Every chunk of one archive must arrive within 5 minutes of the first. */
export const CHUNK_WINDOW_MS = 5 * 60_000;

export type EpguFile = Uint8Array | Blob;

export interface PushInput {
  /** region, serviceCode, targetCode and optionally orderId — sent as the JSON `meta` part. */
  meta: Record<string, unknown>;
  /** The zip archive. */
  file: EpguFile;
  fileName?: string;
  signal?: AbortSignal;
}

function toBlob(file: EpguFile, type: string): Blob {
  return file instanceof Blob ? file : new Blob([file as Uint8Array<ArrayBuffer>], { type });
}

const sizeOf = (file: EpguFile) => (file instanceof Blob ? file.size : file.byteLength);

function tooLarge(size: number, limit: number, what: string): EpguError<'FILE_TOO_LARGE'> {
  return new EpguError('FILE_TOO_LARGE', `${what} is ${size} bytes; EPGU accepts at most ${limit}`, {
    hint: {
      ru: 'Архив больше 50 МБ: отправьте его частями через pushChunked().',
      en: 'The archive exceeds 50 MB: send it in chunks with pushChunked().',
    },
  });
}

/** POST /api/gusmev/push: multipart `meta` (JSON) + `file` (zip), size checked before sending. */
export async function push(context: EpguContext, input: PushInput): Promise<{ orderId: number }> {
  const size = sizeOf(input.file);
  if (size > MAX_PUSH_BYTES) {
    throw tooLarge(size, MAX_PUSH_BYTES, 'The archive');
  }
  if (size === 0) {
    throw new InvalidOptionsError('push() needs a non-empty archive');
  }
  const form = new FormData();
  form.set('meta', JSON.stringify(input.meta));
  form.set('file', toBlob(input.file, 'application/zip'), input.fileName ?? 'archive.zip');
  const body = await epguCall(() =>
    context.transport.post('/api/gusmev/push', {
      body: form,
      schema: orderIdSchema,
      ...(input.signal ? { signal: input.signal } : {}),
    }),
  );
  return { orderId: body.orderId };
}

export interface PushChunkedInput extends Omit<PushInput, 'meta'> {
  /** The order made by createOrder(): the archive is pushed into it. */
  orderId: number | string;
  /**
   * Sent as the JSON `meta` part of every chunk only when given. The spec's Таблица 10 marks it
   * required, but its own chunked example and production clients send none, and EPGU takes the
   * service from the order (docs/decisions/065). When sent it must match the order.
   */
  meta?: Record<string, unknown>;
  /** Bytes per chunk, 5 000 000 … 50 000 000. Default 10 000 000. */
  chunkSize?: number;
  /** Called after each accepted chunk. */
  onChunk?: (progress: { chunk: number; chunks: number; bytesSent: number; totalBytes: number }) => void;
}

/** The file name of one chunk: the archive's name for a single chunk, `<name>.z001`, `.z002`… for several (spec's example). */
export function chunkFileName(fileName: string, chunk: number, chunks: number): string {
  if (chunks === 1) {
    return fileName;
  }
  const base = fileName.replace(/\.zip$/i, '');
  return `${base}.z${String(chunk + 1).padStart(3, '0')}`;
}

/**
 * POST /api/gusmev/push/chunked once per chunk (`orderId`, `chunk` from 0, `chunks`, `file`, and
 * `meta` only when given): EPGU answers 206 for each but the last and 200 at the end, each with the
 * order's id. The whole upload must finish within 5 minutes: the remaining window bounds every
 * request and a chunk that would start after it throws EpguError('UPLOAD_WINDOW_EXCEEDED').
 */
export async function pushChunked(
  context: EpguContext,
  input: PushChunkedInput,
): Promise<{ orderId: number; chunks: number }> {
  const orderId = checkOrderId(input.orderId);
  const chunkSize = input.chunkSize ?? 10_000_000;
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_BYTES || chunkSize > MAX_CHUNK_BYTES) {
    throw new EpguError(
      'INVALID_CHUNK_SIZE',
      `chunkSize must be an integer between ${MIN_CHUNK_BYTES} and ${MAX_CHUNK_BYTES} bytes, got ${chunkSize}`,
    );
  }
  const blob = toBlob(input.file, 'application/zip');
  if (blob.size === 0) {
    throw new InvalidOptionsError('pushChunked() needs a non-empty archive');
  }
  const chunks = Math.ceil(blob.size / chunkSize);
  const started = context.now();
  let last: { orderId: number } | undefined;
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const remaining = CHUNK_WINDOW_MS - (context.now() - started);
    if (remaining <= 0) {
      throw windowExceeded(chunk, chunks);
    }
    const form = new FormData();
    form.set('orderId', orderId);
    if (input.meta !== undefined) {
      form.set('meta', JSON.stringify(input.meta));
    }
    form.set('chunk', String(chunk));
    form.set('chunks', String(chunks));
    form.set(
      'file',
      blob.slice(chunk * chunkSize, Math.min(blob.size, (chunk + 1) * chunkSize)),
      chunkFileName(input.fileName ?? 'archive.zip', chunk, chunks),
    );
    let result: Awaited<ReturnType<typeof context.transport.raw>>;
    try {
      result = await epguCall(() =>
        context.transport.raw({
          path: '/api/gusmev/push/chunked',
          method: 'POST',
          body: form,
          totalTimeout: remaining,
          ...(input.signal ? { signal: input.signal } : {}),
        }),
      );
    } catch (error) {
      if (isTimeoutError(error) && context.now() - started >= CHUNK_WINDOW_MS - 1) {
        throw windowExceeded(chunk, chunks, error);
      }
      throw error;
    }
    const isLast = chunk === chunks - 1;
    const expected = isLast ? 200 : 206;
    if (result.response.status !== expected) {
      throw new EpguError(
        'CHUNK_PROTOCOL',
        `EPGU answered HTTP ${result.response.status} to chunk ${chunk + 1} of ${chunks}; expected ${expected}`,
        { status: result.response.status },
      );
    }
    const parsed = orderIdSchema.safeParse(result.data);
    if (parsed.success) {
      if (String(parsed.data.orderId) !== orderId) {
        throw new EpguError(
          'CHUNK_PROTOCOL',
          `EPGU answered chunk ${chunk + 1} of ${chunks} with order ${parsed.data.orderId}; expected ${orderId}`,
          { status: result.response.status },
        );
      }
      last = { orderId: parsed.data.orderId };
    }
    input.onChunk?.({
      chunk,
      chunks,
      bytesSent: Math.min(blob.size, (chunk + 1) * chunkSize),
      totalBytes: blob.size,
    });
  }
  return { orderId: last?.orderId ?? Number(orderId), chunks };
}

function windowExceeded(chunk: number, chunks: number, cause?: unknown): EpguError<'UPLOAD_WINDOW_EXCEEDED'> {
  return new EpguError(
    'UPLOAD_WINDOW_EXCEEDED',
    `Chunked upload did not finish within 5 minutes (stopped before chunk ${chunk + 1} of ${chunks})`,
    {
      cause,
      hint: {
        ru: 'Все части архива должны уйти за 5 минут: увеличьте chunkSize или проверьте канал.',
        en: 'All chunks must arrive within 5 minutes: raise chunkSize or check the link.',
      },
    },
  );
}
