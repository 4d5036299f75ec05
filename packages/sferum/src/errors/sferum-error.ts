/**
 * The base of every error @goskit/sferum reports itself. Transport failures (network, timeout,
 * HTTP status) stay core's classes; what VK, VK ID or the sync refuse becomes one of these.
 */
import { GoskitError } from '@goskit/core';

/** Stable codes of every failure this package reports itself. */
export type SferumErrorCode =
  // VK API
  | 'VK_API_ERROR' // VK answered `{ error }` (vkCode keeps VK's own number)
  | 'VK_CAPTCHA' // error 14 that no solver answered (or the solver gave up)
  | 'VK_TOKEN_KIND' // the method needs another token kind (addChatUser, calls.* need a user token)
  | 'INVALID_RESPONSE' // a 2xx body that is neither `{ response }` nor `{ error }`
  | 'INVALID_INPUT' // a method name, parameter, id or option the client refuses before sending
  // VK ID
  | 'VKID_ERROR' // VK ID answered an OAuth error (`error`, `error_description`)
  | 'STATE_MISMATCH' // unknown, expired, reused or not echoed `state`
  | 'INVALID_CALLBACK' // the callback lacks `code` or `device_id`
  // School chat sync
  | 'INVALID_ROSTER' // the school data breaks a rule (ids, references, names)
  | 'INVALID_TEMPLATE' // a title template names an unknown field or renders an unusable title
  | 'DUPLICATE_TITLE' // two desired chats of one school would get the same title
  | 'SYNC_LOCKED' // another run holds the school's sync lock
  | 'TRANSPORT_CAPABILITY' // a step the chat transport cannot perform
  | 'LESSON_CALL_STATE'; // finish/cancel of a lesson call that is not running

/** A short explanation of the usual cause, in Russian and English. */
export interface ErrorHint {
  ru: string;
  en: string;
}

export class SferumError<Code extends SferumErrorCode = SferumErrorCode> extends GoskitError<Code> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'SferumError';

  readonly hint: ErrorHint | undefined;

  constructor(code: Code, message: string, options: { cause?: unknown; hint?: ErrorHint | undefined } = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), ...(this.hint ? { hint: this.hint } : {}) };
  }
}

export function isSferumError(value: unknown): value is SferumError {
  return value instanceof SferumError;
}
