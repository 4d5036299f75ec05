/**
 * The base of every error the MAX client reports itself. Transport failures (network, timeout, a 429
 * after the retries) stay core's classes; what MAX refuses, or what the client refuses before sending,
 * becomes one of these. Messages never carry the bot token.
 */
import { GoskitError } from '@goskit/core';

/** Stable codes of the failures the MAX client reports itself. */
export type MaxErrorCode =
  | 'MAX_API_ERROR' // MAX answered `{ code, message }` with a non-2xx status (`maxCode` keeps MAX's code)
  | 'INVALID_INPUT' // an id, text, URL, secret or option the client refuses before sending
  | 'ENDPOINT_REMOVED' // an endpoint MAX no longer serves (GET /chats since June 2026)
  | 'UPLOAD_FAILED' // step 2 of an upload (the multipart POST to the upload URL) failed
  | 'INVALID_RESPONSE'; // a 2xx body that is not what the contract says

/** A short explanation of the usual cause, in Russian and English. */
export interface MaxErrorHint {
  ru: string;
  en: string;
}

export class MaxError<Code extends MaxErrorCode = MaxErrorCode> extends GoskitError<Code> {
  readonly hint: MaxErrorHint | undefined;

  constructor(
    code: Code,
    message: string,
    options: { cause?: unknown; hint?: MaxErrorHint | undefined } = {},
  ) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), ...(this.hint ? { hint: this.hint } : {}) };
  }
}

export function isMaxError(value: unknown): value is MaxError {
  return value instanceof MaxError;
}
