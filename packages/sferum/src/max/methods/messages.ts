/**
 * Messages: send to a chat or to a user (exactly one), edit, delete, read one, list a chat's (newest
 * first; in a group the bot needs `read_all_messages`). Text is at most 4000 characters; `format` is
 * `markdown` or `html`. A send waits for the chat's slot (2 messages/s per chat) and repeats by itself
 * while MAX answers `attachment.not.ready` (the message was not posted); after a 5xx it is never
 * repeated, since MAX may have posted it.
 */
import { type CallOptions, type MaxContext, maxCall } from '../context.js';
import { isMaxApiError } from '../errors/max-api-error.js';
import { MaxInputError } from '../errors/max-input-error.js';
import { checkChatId, checkOpaqueId, checkUserId, type MaxId } from '../ids.js';
import type { MaxAttachmentRequest, MaxMessage } from '../models.js';
import { messageSchema, messagesSchema, sendResultSchema, successSchema } from '../schemas.js';
import { signalOf } from './bot.js';

export const MAX_TEXT_LENGTH = 4000;

export type MessageTarget = { chatId: MaxId; userId?: never } | { userId: MaxId; chatId?: never };

export interface NewMessage {
  text?: string | null;
  /** `null` in an edit keeps the attachments; `[]` removes them all. */
  attachments?: readonly MaxAttachmentRequest[] | null;
  /** Reply to or forward a message. */
  link?: { type: 'reply' | 'forward'; mid: string } | null;
  /** Notify the members. Default true (MAX's). */
  notify?: boolean;
  format?: 'markdown' | 'html' | null;
}

export interface SendOptions extends CallOptions {
  disableLinkPreview?: boolean;
}

export interface ListMessagesOptions extends CallOptions {
  chatId?: MaxId;
  messageIds?: readonly string[];
  /** Messages after this time, epoch ms. */
  after?: number;
  /** Messages before this time, epoch ms. */
  before?: number;
  /** 1–100, default 50 (MAX's). */
  count?: number;
}

/** The body MAX takes, checked: text within 4000 characters, a known format, a link with a mid. */
export function messageBody(message: NewMessage, requireContent: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (message.text !== undefined && message.text !== null) {
    if (typeof message.text !== 'string' || message.text.length > MAX_TEXT_LENGTH) {
      throw new MaxInputError('text', 'max-length-4000', {
        ru: 'Текст сообщения — строка до 4000 символов.',
        en: 'Message text is a string of at most 4000 characters.',
      });
    }
    body.text = message.text;
  } else if (message.text === null) {
    body.text = null;
  }
  if (message.attachments !== undefined) {
    if (message.attachments !== null && !Array.isArray(message.attachments)) {
      throw new MaxInputError('attachments', 'list', {
        ru: 'attachments — список вложений, null (оставить как есть) или [] (убрать все).',
        en: 'attachments is a list, null (keep them) or [] (remove them all).',
      });
    }
    body.attachments = message.attachments;
  }
  if (message.link !== undefined && message.link !== null) {
    if (message.link.type !== 'reply' && message.link.type !== 'forward') {
      throw new MaxInputError('link.type', 'link-type', {
        ru: "link.type — 'reply' или 'forward'.",
        en: "link.type is 'reply' or 'forward'.",
      });
    }
    body.link = { type: message.link.type, mid: checkOpaqueId(message.link.mid, 'link.mid') };
  }
  if (message.notify !== undefined) {
    body.notify = message.notify;
  }
  if (message.format !== undefined && message.format !== null) {
    if (message.format !== 'markdown' && message.format !== 'html') {
      throw new MaxInputError('format', 'format', {
        ru: "format — 'markdown' или 'html'.",
        en: "format is 'markdown' or 'html'.",
      });
    }
    body.format = message.format;
  }
  const hasText = typeof body.text === 'string' && body.text.length > 0;
  const hasAttachments = Array.isArray(body.attachments) && body.attachments.length > 0;
  if (requireContent && !hasText && !hasAttachments) {
    throw new MaxInputError('text', 'required', {
      ru: 'Нужен текст или хотя бы одно вложение.',
      en: 'Give a text or at least one attachment.',
    });
  }
  return body;
}

function targetOf(target: MessageTarget): { query: Record<string, number>; lane: string } {
  const hasChat = target?.chatId !== undefined;
  const hasUser = target?.userId !== undefined;
  if (hasChat === hasUser) {
    throw new MaxInputError('target', 'exactly-one', {
      ru: 'Укажите ровно одно: chatId (чат) или userId (личный диалог).',
      en: 'Give exactly one of chatId (a chat) and userId (a dialog).',
    });
  }
  if (hasChat) {
    const chatId = checkChatId(target.chatId);
    return { query: { chat_id: chatId }, lane: `chat:${chatId}` };
  }
  const userId = checkUserId(target.userId);
  return { query: { user_id: userId }, lane: `user:${userId}` };
}

export async function sendMessage(
  context: MaxContext,
  target: MessageTarget,
  message: NewMessage,
  options: SendOptions = {},
): Promise<MaxMessage> {
  const { query, lane } = targetOf(target);
  const json = messageBody(message, true);
  if (options.disableLinkPreview !== undefined) {
    Object.assign(query, { disable_link_preview: options.disableLinkPreview });
  }
  const tokenKey = await context.tokenKey();
  const { attempts, delayMs } = context.attachmentRetry;
  for (let attempt = 1; ; attempt += 1) {
    const release = await context.limiter.acquireMessage(tokenKey, lane, signalOf(options));
    try {
      const answer = await maxCall<{ message: MaxMessage }, typeof sendResultSchema>(context, {
        method: 'POST',
        path: '/messages',
        query,
        json,
        schema: sendResultSchema,
        ...signalOf(options),
      });
      return answer.message;
    } catch (error) {
      if (!isMaxApiError(error) || error.maxCode !== 'attachment.not.ready' || attempt >= attempts) {
        throw error;
      }
    } finally {
      release();
    }
    await context.sleep(delayMs * 2 ** (attempt - 1), options.signal);
  }
}

export async function editMessage(
  context: MaxContext,
  messageId: string,
  message: NewMessage,
  options: CallOptions = {},
): Promise<void> {
  const mid = checkOpaqueId(messageId, 'messageId');
  const json = messageBody(message, false);
  await maxCall(context, {
    method: 'PUT',
    path: '/messages',
    query: { message_id: mid },
    json,
    schema: successSchema,
    ...signalOf(options),
  });
}

export async function deleteMessage(
  context: MaxContext,
  messageId: string,
  options: CallOptions = {},
): Promise<void> {
  const mid = checkOpaqueId(messageId, 'messageId');
  await maxCall(context, {
    method: 'DELETE',
    path: '/messages',
    query: { message_id: mid },
    schema: successSchema,
    ...signalOf(options),
  });
}

export async function getMessage(
  context: MaxContext,
  messageId: string,
  options: CallOptions = {},
): Promise<MaxMessage> {
  const mid = checkOpaqueId(messageId, 'messageId');
  return maxCall<MaxMessage, typeof messageSchema>(context, {
    method: 'GET',
    path: `/messages/${encodeURIComponent(mid)}`,
    schema: messageSchema,
    ...signalOf(options),
  });
}

export async function listMessages(context: MaxContext, options: ListMessagesOptions): Promise<MaxMessage[]> {
  const query: Record<string, string | number> = {};
  if (options.chatId !== undefined) {
    query.chat_id = checkChatId(options.chatId);
  }
  if (options.messageIds !== undefined) {
    if (
      !Array.isArray(options.messageIds) ||
      options.messageIds.length === 0 ||
      options.messageIds.length > 100
    ) {
      throw new MaxInputError('messageIds', 'list-1-100', {
        ru: 'messageIds — список от 1 до 100 идентификаторов сообщений.',
        en: 'messageIds is a list of 1 to 100 message ids.',
      });
    }
    query.message_ids = options.messageIds.map((mid, i) => checkOpaqueId(mid, `messageIds[${i}]`)).join(',');
  }
  if (query.chat_id === undefined && query.message_ids === undefined) {
    throw new MaxInputError('chatId', 'required', {
      ru: 'Укажите chatId или messageIds.',
      en: 'Give chatId or messageIds.',
    });
  }
  for (const field of ['after', 'before'] as const) {
    const value = options[field];
    if (value !== undefined) {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new MaxInputError(field, 'epoch-ms', {
          ru: `${field} — время в миллисекундах с 1970 года.`,
          en: `${field} is a time in epoch milliseconds.`,
        });
      }
      query[field] = value;
    }
  }
  if (options.count !== undefined) {
    if (!(Number.isInteger(options.count) && options.count >= 1 && options.count <= 100)) {
      throw new MaxInputError('count', 'range-1-100', {
        ru: 'count — целое число от 1 до 100.',
        en: 'count is an integer from 1 to 100.',
      });
    }
    query.count = options.count;
  }
  const answer = await maxCall<{ messages: MaxMessage[] }, typeof messagesSchema>(context, {
    method: 'GET',
    path: '/messages',
    query,
    schema: messagesSchema,
    ...signalOf(options),
  });
  return answer.messages;
}
