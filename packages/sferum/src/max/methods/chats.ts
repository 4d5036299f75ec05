/**
 * One chat the bot is in: read it, edit it (title 1–200 characters, description up to 16 000, icon,
 * pinned message), show an action, pin and unpin, see its own membership, leave. `Chat.link` is
 * read-only: no endpoint creates or resets an invite link.
 */
import { type CallOptions, type MaxContext, maxCall } from '../context.js';
import { MaxInputError } from '../errors/max-input-error.js';
import { checkChatId, checkOpaqueId, type MaxId } from '../ids.js';
import type { MaxChat, MaxChatMember, MaxMessage, MaxSenderAction } from '../models.js';
import { REPEATABLE } from '../retry-policy.js';
import { chatSchema, memberSchema, pinSchema, successSchema } from '../schemas.js';
import { signalOf } from './bot.js';

export interface EditChatInput {
  title?: string;
  description?: string;
  /** `{ url }` of an image, or `{ token }` of an uploaded one. */
  icon?: { url: string } | { token: string };
  /** Message id to pin. */
  pin?: string;
  /** Notify members of the change. Default true (MAX's). */
  notify?: boolean;
}

const ACTIONS: ReadonlySet<string> = new Set([
  'typing_on',
  'sending_photo',
  'sending_video',
  'sending_audio',
  'sending_file',
  'mark_seen',
]);

export async function getChat(
  context: MaxContext,
  chatId: MaxId,
  options: CallOptions = {},
): Promise<MaxChat> {
  const id = checkChatId(chatId);
  return maxCall<MaxChat, typeof chatSchema>(context, {
    method: 'GET',
    path: `/chats/${id}`,
    schema: chatSchema,
    ...signalOf(options),
  });
}

export async function editChat(
  context: MaxContext,
  chatId: MaxId,
  input: EditChatInput,
  options: CallOptions = {},
): Promise<MaxChat> {
  const id = checkChatId(chatId);
  const body: Record<string, unknown> = {};
  if (input.title !== undefined) {
    const title = String(input.title).trim();
    if (title.length < 1 || title.length > 200) {
      throw new MaxInputError('title', 'length-1-200', {
        ru: 'Название чата — от 1 до 200 символов.',
        en: 'A chat title is 1 to 200 characters long.',
      });
    }
    body.title = title;
  }
  if (input.description !== undefined) {
    if (typeof input.description !== 'string' || input.description.length > 16_000) {
      throw new MaxInputError('description', 'max-length-16000', {
        ru: 'Описание чата — строка до 16 000 символов.',
        en: 'A chat description is a string of at most 16 000 characters.',
      });
    }
    body.description = input.description;
  }
  if (input.icon !== undefined) {
    body.icon = input.icon;
  }
  if (input.pin !== undefined) {
    body.pin = checkOpaqueId(input.pin, 'pin');
  }
  if (input.notify !== undefined) {
    body.notify = input.notify;
  }
  if (Object.keys(body).length === 0) {
    throw new MaxInputError('input', 'nothing-to-change', {
      ru: 'Укажите хотя бы одно поле: title, description, icon, pin или notify.',
      en: 'Give at least one field: title, description, icon, pin or notify.',
    });
  }
  return maxCall<MaxChat, typeof chatSchema>(context, {
    method: 'PATCH',
    path: `/chats/${id}`,
    json: body,
    schema: chatSchema,
    retry: REPEATABLE,
    ...signalOf(options),
  });
}

export async function sendAction(
  context: MaxContext,
  chatId: MaxId,
  action: MaxSenderAction,
  options: CallOptions = {},
): Promise<void> {
  const id = checkChatId(chatId);
  if (!ACTIONS.has(action)) {
    throw new MaxInputError('action', 'sender-action', {
      ru: `Действие — одно из: ${[...ACTIONS].join(', ')}.`,
      en: `The action is one of: ${[...ACTIONS].join(', ')}.`,
    });
  }
  await maxCall(context, {
    method: 'POST',
    path: `/chats/${id}/actions`,
    json: { action },
    schema: successSchema,
    retry: REPEATABLE,
    ...signalOf(options),
  });
}

export async function getPinnedMessage(
  context: MaxContext,
  chatId: MaxId,
  options: CallOptions = {},
): Promise<MaxMessage | null> {
  const id = checkChatId(chatId);
  const answer = await maxCall<{ message: MaxMessage | null }, typeof pinSchema>(context, {
    method: 'GET',
    path: `/chats/${id}/pin`,
    schema: pinSchema,
    ...signalOf(options),
  });
  return answer.message;
}

export async function pinMessage(
  context: MaxContext,
  chatId: MaxId,
  messageId: string,
  options: CallOptions & { notify?: boolean } = {},
): Promise<void> {
  const id = checkChatId(chatId);
  await maxCall(context, {
    method: 'PUT',
    path: `/chats/${id}/pin`,
    json: {
      message_id: checkOpaqueId(messageId, 'messageId'),
      ...(options.notify === undefined ? {} : { notify: options.notify }),
    },
    schema: successSchema,
    ...signalOf(options),
  });
}

export async function unpinMessage(
  context: MaxContext,
  chatId: MaxId,
  options: CallOptions = {},
): Promise<void> {
  const id = checkChatId(chatId);
  await maxCall(context, {
    method: 'DELETE',
    path: `/chats/${id}/pin`,
    schema: successSchema,
    ...signalOf(options),
  });
}

/** The bot as a member of the chat: whether it is an admin and with which permissions. */
export async function getMembership(
  context: MaxContext,
  chatId: MaxId,
  options: CallOptions = {},
): Promise<MaxChatMember> {
  const id = checkChatId(chatId);
  return maxCall<MaxChatMember, typeof memberSchema>(context, {
    method: 'GET',
    path: `/chats/${id}/members/me`,
    schema: memberSchema,
    ...signalOf(options),
  });
}

export async function leaveChat(
  context: MaxContext,
  chatId: MaxId,
  options: CallOptions = {},
): Promise<void> {
  const id = checkChatId(chatId);
  await maxCall(context, {
    method: 'DELETE',
    path: `/chats/${id}/members/me`,
    schema: successSchema,
    ...signalOf(options),
  });
}
