/**
 * `messages.send`. Every send carries a `random_id` so that VK drops a repeat: one is drawn once per
 * call (reused by every retry and after a captcha), or derived from `idempotencyKey` so that a
 * re-run after a crash — in any process — sends the same id and VK posts the message once.
 */
import { SferumInputError } from '../../errors/sferum-input-error.js';
import { callMethod } from '../call-method.js';
import type { VkContext } from '../context.js';
import { sendResponse, type VkSendResult } from '../models/chats.js';
import { checkIdList, checkInteger, requireExactlyOne } from '../params.js';
import { checkRandomId, randomIdForKey } from '../random-id.js';
import { MAX_CHAT_ID, MAX_PEER_ID, type VkMethodOptions, withGroupId } from './shared.js';

export interface SendParams {
  /** Exactly one recipient: `peer_id`, `peer_ids` (≤ 100), `user_id`, `chat_id` or `domain`. */
  peer_id?: number;
  peer_ids?: readonly number[];
  user_id?: number;
  chat_id?: number;
  domain?: string;
  /** Text, up to 9000 characters (VK answers 914 beyond). */
  message?: string;
  attachment?: string | readonly string[];
  /** Your own id; otherwise one is drawn (or derived from `idempotencyKey`). */
  random_id?: number;
  reply_to?: number;
  keyboard?: string | { readonly [key: string]: unknown };
  payload?: string;
  disable_mentions?: boolean;
  dont_parse_links?: boolean;
  intent?: string;
  group_id?: number;
}

export interface SendOptions extends VkMethodOptions {
  /** A stable key of this message (e.g. `lesson:42:link`): the same key always sends the same `random_id`. */
  idempotencyKey?: string;
}

const RECIPIENTS = ['peer_id', 'peer_ids', 'user_id', 'chat_id', 'domain'] as const;

/** `random_id` of a send: the caller's, the key's, or undefined (the call draws one). */
export function sendRandomId(params: SendParams, idempotencyKey: string | undefined): number | undefined {
  if (params.random_id !== undefined) {
    if (idempotencyKey !== undefined) {
      throw new SferumInputError('params.random_id', 'exactly-one', {
        ru: 'Передайте random_id или idempotencyKey, но не оба.',
        en: 'Pass random_id or idempotencyKey, not both.',
      });
    }
    return checkRandomId(params.random_id);
  }
  return idempotencyKey === undefined ? undefined : randomIdForKey(idempotencyKey);
}

export function checkSendParams(params: SendParams): void {
  const recipient = requireExactlyOne({ ...params }, RECIPIENTS);
  if (recipient === 'peer_id') {
    checkInteger('peer_id', params.peer_id, -MAX_PEER_ID, MAX_PEER_ID);
  } else if (recipient === 'peer_ids') {
    checkIdList('peer_ids', params.peer_ids, {
      min: -MAX_PEER_ID,
      max: MAX_PEER_ID,
      minItems: 1,
      maxItems: 100,
    });
  } else if (recipient === 'chat_id') {
    checkInteger('chat_id', params.chat_id, 1, MAX_CHAT_ID);
  } else if (recipient === 'user_id') {
    checkInteger('user_id', params.user_id, 1, MAX_PEER_ID);
  }
  const hasText = typeof params.message === 'string' && params.message.length > 0;
  if (!hasText && params.attachment === undefined) {
    throw new SferumInputError('params.message', 'message-or-attachment', {
      ru: 'Сообщению нужен текст (message) или вложение (attachment).',
      en: 'A message needs text (message) or an attachment.',
    });
  }
}

export function messagesSend(context: VkContext) {
  return {
    async send(params: SendParams, options: SendOptions = {}): Promise<VkSendResult> {
      checkSendParams(params);
      const randomId = sendRandomId(params, options.idempotencyKey);
      const { idempotencyKey: _key, ...callOptions } = options;
      const body = withGroupId(context, {
        ...params,
        ...(randomId === undefined ? {} : { random_id: randomId }),
      });
      return callMethod(context, 'messages.send', body, { ...callOptions, schema: sendResponse });
    },
  };
}
