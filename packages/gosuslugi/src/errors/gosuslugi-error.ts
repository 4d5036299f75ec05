import { GoskitError } from '@goskit/core';

/** Stable codes of every failure @goskit/gosuslugi reports itself (transport failures stay core's). */
export type GosuslugiErrorCode =
  // ESIA
  | 'ESIA_ERROR' // ESIA answered with an ESIA-0xxxxx code (redirect or token endpoint)
  | 'STATE_MISMATCH' // unknown, expired, reused or not echoed `state`
  | 'INVALID_CALLBACK' // the callback carries neither `code` nor `error`
  | 'TOKEN_INVALID' // signature, algorithm, issuer, audience or lifetime check failed
  | 'MISSING_SCOPE' // REST 403: the token lacks the scope of the resource
  | 'UNAUTHORIZED' // REST 401 after the one refresh (or without a session to refresh)
  | 'REFRESH_UNAVAILABLE' // the session has no refresh_token (access_type=online)
  | 'INVALID_RESPONSE' // a 2xx body that is not what the contract says
  // EPGU
  | 'EPGU_ERROR' // EPGU answered `{ code, message }`
  | 'FILE_TOO_LARGE'
  | 'INVALID_CHUNK_SIZE'
  | 'UPLOAD_WINDOW_EXCEEDED'
  | 'CHUNK_PROTOCOL'
  | 'DICTIONARY_ERROR' // NSI answered 200 with a non-zero `error.code` (7: no such dictionary)
  | 'INVALID_FILE_LINK' // an orderAttachmentFiles / orderResponseFiles link that is not terrabyte://…/id/name/type
  // E-diary (goskit's own feed contract)
  | 'EDIARY_ERROR' // the feed answered `{ code, message }`
  | 'NO_CHILDREN_MATCHED'; // linking found none of the parent's children among the school's pupils

/** A short explanation of the usual cause, in Russian and English. */
export interface ErrorHint {
  ru: string;
  en: string;
}

/**
 * Base class of @goskit/gosuslugi errors. Messages name the step and the portal's code, never a
 * token, client_secret, code or personal data.
 */
export class GosuslugiError<Code extends GosuslugiErrorCode = GosuslugiErrorCode> extends GoskitError<Code> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'GosuslugiError';

  readonly hint: ErrorHint | undefined;

  constructor(code: Code, message: string, options: { cause?: unknown; hint?: ErrorHint } = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), ...(this.hint ? { hint: this.hint } : {}) };
  }
}

export function isGosuslugiError(value: unknown): value is GosuslugiError {
  return value instanceof GosuslugiError;
}
