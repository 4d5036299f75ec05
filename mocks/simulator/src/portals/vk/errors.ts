/**
 * VK API errors: the exact base messages of VK's schema (`errors.json`, 5.199), the failure a method
 * throws, and the `{ error: { error_code, error_msg, request_params } }` envelope VK answers with
 * HTTP 200. A detail is appended the way VK does: `Access denied: no access to call this method`.
 */
import { SimulatorError } from '../../engine/errors.js';

/** Base messages by code (schema `errors.json` descriptions). */
export const VK_ERROR_MESSAGES: ReadonlyMap<number, string> = new Map([
  [1, 'Unknown error occurred'],
  [3, 'Unknown method passed'],
  [5, 'User authorization failed'],
  [6, 'Too many requests per second'],
  [7, 'Permission to perform this action is denied'],
  [8, 'Invalid request'],
  [9, 'Flood control'],
  [10, 'Internal server error'],
  [12, 'Unable to compile code'],
  [13, 'Runtime error occurred during code invocation'],
  [14, 'Captcha needed'],
  [15, 'Access denied'],
  [18, 'User was deleted or banned'],
  [27, 'Group authorization failed'],
  [28, 'Application authorization failed'],
  [29, 'Rate limit reached'],
  [100, 'One of the parameters specified was missing or invalid'],
  [104, 'Not found'],
  [113, 'Invalid user id'],
  [125, 'Invalid group id'],
  [203, 'Access to group denied'],
  [900, "Can't send messages for users from blacklist"],
  [901, "Can't send messages for users without permission"],
  [902, "Can't send messages to this user due to their privacy settings"],
  [914, 'Message is too long'],
  [917, "You don't have access to this chat"],
  [919, "You can't see invite link for this chat"],
  [922, 'You left this chat'],
  [925, 'You are not admin of this chat'],
  [927, 'Chat does not exist'],
  [931, "You can't change invite link for this chat"],
  [932, "Your community can't interact with this peer"],
  [935, 'User not found in chat'],
  [936, 'Contact not found'],
  [939, 'Message request already sent'],
  [945, 'Chat was disabled'],
  [946, 'Chat not supported'],
  [947, "Can't add user to chat, because user has no access to group"],
  [1012, 'Writing is disabled for this chat'],
]);

/** Full `error_msg`: the base message, then VK's detail after a colon when there is one. */
export function errorMessage(code: number, detail?: string): string {
  const base = VK_ERROR_MESSAGES.get(code) ?? VK_ERROR_MESSAGES.get(1) ?? 'Unknown error occurred';
  return detail === undefined ? base : `${base}: ${detail}`;
}

/**
 * What a method throws to answer with a VK error. Internal: the portal turns it into the envelope;
 * it never leaves the portal (the engine would answer 400 for it otherwise).
 */
export class VkApiFailure extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'VkApiFailure';

  readonly errorCode: number;
  readonly errorMsg: string;
  /** Extra envelope fields (captcha_sid, redirect_uri…). */
  readonly extra: Record<string, unknown>;

  constructor(errorCode: number, detail?: string, extra: Record<string, unknown> = {}) {
    const errorMsg = errorMessage(errorCode, detail);
    super('BAD_REQUEST', `VK error ${errorCode}: ${errorMsg}`);
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
    this.extra = extra;
  }
}

/** 100 with VK's wording for a missing parameter. */
export function missingParam(name: string): VkApiFailure {
  return new VkApiFailure(100, `${name} is a required parameter`);
}

/** 100 for a value of the wrong shape: `chat_id not integer`. */
export function invalidParam(name: string, rule: string): VkApiFailure {
  return new VkApiFailure(100, `${name} ${rule}`);
}

/** Community tokens on user-only methods (messages.getChat, addChatUser, calls.*). */
export function groupAuthRefused(): VkApiFailure {
  return new VkApiFailure(27, 'method is unavailable with group auth.');
}

/** Service tokens on user or community methods. */
export function serviceTokenRefused(): VkApiFailure {
  return new VkApiFailure(28, 'method is unavailable with service token.');
}
