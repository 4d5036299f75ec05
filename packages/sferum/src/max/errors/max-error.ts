/**
 * The base of every error the MAX client reports itself. Transport failures (network, timeout, a 429
 * after the retries) stay core's classes; what MAX refuses, or what the client refuses before sending,
 * becomes one of these. Messages never carry the bot token. It extends `SferumError`.
 */
import { type ErrorHint, SferumError } from '../../errors/sferum-error.js';

/** Stable codes of the failures the MAX client reports itself. */
export type MaxErrorCode =
  | 'MAX_API_ERROR' // MAX answered `{ code, message }` with a non-2xx status (`maxCode` keeps MAX's code)
  | 'INVALID_INPUT' // an id, text, URL, secret or option the client refuses before sending
  | 'ENDPOINT_REMOVED' // an endpoint MAX no longer serves (GET /chats since June 2026)
  | 'UPLOAD_FAILED' // step 2 of an upload (the multipart POST to the upload URL) failed
  | 'INVALID_RESPONSE'; // a 2xx body that is not what the contract says

/** A short explanation of the usual cause, in Russian and English. */
export type MaxErrorHint = ErrorHint;

/** A `SferumError` (so one `isSferumError` check covers VK, MAX and the sync) with MAX's codes. */
export class MaxError<Code extends MaxErrorCode = MaxErrorCode> extends SferumError<Code> {
  static override readonly name: string = 'MaxError';
}

export function isMaxError(value: unknown): value is MaxError {
  return value instanceof MaxError;
}
