/**
 * Two-step uploads. 1: `POST /uploads?type=image|video|audio|file` gives an upload URL (and, for video
 * and audio, the token). 2: a multipart POST with the field `data` to that URL — which is another host
 * in production, so it is sent WITHOUT the bot token — answers the token for images and files. The
 * result is ready to attach: `{ type, payload: { token } }`. Size limits: image 50 MB, video 250 MB,
 * audio 256 MB, file 4 GB. `type=photo` is no longer accepted by MAX.
 */
import { clientTransportOptions, createTransport, HttpError } from '@goskit/core';
import { type CallOptions, type MaxContext, maxCall } from '../context.js';
import { MaxInputError } from '../errors/max-input-error.js';
import { MaxUploadError } from '../errors/max-upload-error.js';
import type { MaxAttachmentRequest, MaxUploadType } from '../models.js';
import { REPEATABLE } from '../retry-policy.js';
import { uploadUrlSchema } from '../schemas.js';
import { signalOf } from './bot.js';

const MB = 1024 * 1024;
export const MAX_UPLOAD_BYTES: Readonly<Record<MaxUploadType, number>> = Object.freeze({
  image: 50 * MB,
  video: 250 * MB,
  audio: 256 * MB,
  file: 4 * 1024 * MB,
});

export interface UploadInput extends CallOptions {
  type: MaxUploadType;
  data: Blob | Uint8Array | ArrayBuffer;
  /** The file name MAX shows (files) — default 'file'. */
  filename?: string;
  /** Per-attempt timeout of step 2, ms. Default 300 000. */
  timeout?: number;
}

export interface UploadedFile {
  type: MaxUploadType;
  token: string;
  /** Attach it: `sendMessage(target, { attachments: [uploaded.attachment] })`. */
  attachment: MaxAttachmentRequest;
}

/** 1–255 characters, none of them a control character or a slash. */
function isFileName(name: string): boolean {
  if (name.length < 1 || name.length > 255) {
    return false;
  }
  for (let i = 0; i < name.length; i += 1) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x2f || code === 0x5c) {
      return false;
    }
  }
  return true;
}

function toBlob(data: UploadInput['data']): Blob {
  if (data instanceof Blob) {
    return data;
  }
  if (data instanceof Uint8Array) {
    return new Blob([data as Uint8Array<ArrayBuffer>]);
  }
  if (data instanceof ArrayBuffer) {
    return new Blob([data]);
  }
  throw new MaxInputError('data', 'bytes', {
    ru: 'data — Blob, Uint8Array или ArrayBuffer.',
    en: 'data is a Blob, a Uint8Array or an ArrayBuffer.',
  });
}

export async function upload(context: MaxContext, input: UploadInput): Promise<UploadedFile> {
  const limit = MAX_UPLOAD_BYTES[input.type];
  if (limit === undefined || !Object.hasOwn(MAX_UPLOAD_BYTES, input.type)) {
    throw new MaxInputError('type', 'upload-type', {
      ru: 'Тип загрузки — image, video, audio или file (photo больше не принимается).',
      en: 'The upload type is image, video, audio or file (photo is no longer accepted).',
    });
  }
  const blob = toBlob(input.data);
  if (blob.size === 0 || blob.size > limit) {
    throw new MaxInputError('data', 'size', {
      ru: `Файл типа ${input.type} — от 1 байта до ${limit / MB} МБ.`,
      en: `A ${input.type} upload is 1 byte to ${limit / MB} MB.`,
    });
  }
  const filename = input.filename ?? 'file';
  if (typeof filename !== 'string' || !isFileName(filename)) {
    throw new MaxInputError('filename', 'file-name', {
      ru: 'Имя файла — 1–255 символов без управляющих символов и косых черт.',
      en: 'A file name is 1–255 characters without control characters or slashes.',
    });
  }
  const target = await maxCall<{ url: string; token?: string }, typeof uploadUrlSchema>(context, {
    method: 'POST',
    path: '/uploads',
    query: { type: input.type },
    schema: uploadUrlSchema,
    retry: REPEATABLE,
    ...signalOf(input),
  });
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MaxUploadError('INVALID_RESPONSE', 'POST /uploads answered an upload URL that is not http(s)', {
      uploadType: input.type,
    });
  }
  const form = new FormData();
  form.append('data', blob, filename);
  // The upload host gets none of the bot's: no token, no token limiter, no MAX retry policy.
  const {
    headers: callerHeaders,
    token: _token,
    baseUrl: _baseUrl,
    rateLimit: _rateLimit,
    attachmentRetry: _attachmentRetry,
    sleep: _sleep,
    retry: _retry,
    ...clientOptions
  } = context.options;
  const headers = Object.fromEntries(
    Object.entries(callerHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'authorization'),
  );
  const uploader = createTransport(
    clientTransportOptions(
      { ...clientOptions, headers },
      { baseUrl: url.origin, timeout: input.timeout ?? 300_000, retry: false },
    ),
  );
  let answer: unknown;
  try {
    answer = await uploader.post(url.href, {
      body: form,
      responseType: 'text',
      ...signalOf(input),
    });
  } catch (error) {
    if (error instanceof HttpError) {
      throw new MaxUploadError(
        'UPLOAD_FAILED',
        `upload of a ${input.type} failed with HTTP ${error.status}`,
        {
          status: error.status,
          uploadType: input.type,
          cause: error,
        },
      );
    }
    throw error;
  }
  const token = target.token ?? tokenFromAnswer(typeof answer === 'string' ? answer : '');
  if (token === undefined) {
    throw new MaxUploadError('INVALID_RESPONSE', `the upload URL answered no token for a ${input.type}`, {
      uploadType: input.type,
    });
  }
  return { type: input.type, token, attachment: { type: input.type, payload: { token } } };
}

/** `{ token }` (files) or `{ photos: { <key>: { token } } }` (images). */
function tokenFromAnswer(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text.slice(0, 64 * 1024));
  } catch {
    return undefined;
  }
  if (body === null || typeof body !== 'object') {
    return undefined;
  }
  const { token, photos } = body as { token?: unknown; photos?: unknown };
  if (typeof token === 'string' && token.length > 0) {
    return token;
  }
  if (photos !== null && typeof photos === 'object') {
    for (const photo of Object.values(photos as Record<string, unknown>)) {
      const photoToken = (photo as { token?: unknown } | null)?.token;
      if (typeof photoToken === 'string' && photoToken.length > 0) {
        return photoToken;
      }
    }
  }
  return undefined;
}
