/**
 * Messages. `POST /messages` takes exactly one of `chat_id` and `user_id` (a user must have started a
 * dialog with the bot), text of at most 4000 characters (`proto.payload` "Field 'text' size (4001)
 * must be at most 4000" otherwise), attachments whose upload tokens are ready (`attachment.not.ready`
 * for the first sends after a video, audio or file upload), and holds 2 messages a second per chat on
 * the virtual clock (429). Edits and deletes answer `{ success: true }`; reading a group's history
 * needs read_all_messages. `POST /answers` answers a pressed button.
 */
import { takeToken } from '@goskit/core';
import { json } from '../../../engine/responses.js';
import type { RouteDefinition } from '../../../engine/types.js';
import { botChat, chatOf, hasPermission, requirePermission } from '../access.js';
import { broadcast, type MaxWorld } from '../events.js';
import { denied, MaxFault, notFound, payload, tooManyRequests } from '../fault.js';
import { queryInt } from '../ids.js';
import { createMessage, type MessageContent } from '../messages.js';
import { boolField, botRoute, jsonBody, stringField } from '../route.js';
import { type BotRecord, type ChatRecord, dialogKey, type MaxState, type MessageRecord } from '../state.js';

const TEXT_LIMIT = 4000;
const FORMATS = new Set(['markdown', 'html']);
const ok = () => json({ success: true });

/** The body of a new or edited message, checked; `undefined` fields were not given. */
function readContent(world: MaxWorld, body: Record<string, unknown>): Partial<MessageContent> {
  const content: Partial<MessageContent> = {};
  if (Object.hasOwn(body, 'text')) {
    content.text = stringField(body, 'text', TEXT_LIMIT) ?? null;
  }
  if (Object.hasOwn(body, 'attachments')) {
    const attachments = body.attachments;
    if (attachments === null) {
      content.attachments = null;
    } else if (!Array.isArray(attachments) || attachments.length > 10) {
      throw payload("Field 'attachments' must be a list of at most 10 attachments");
    } else {
      content.attachments = attachments.map((attachment: unknown, index) =>
        readAttachment(world, attachment, index),
      );
    }
  }
  if (Object.hasOwn(body, 'link') && body.link !== null) {
    const link = body.link as { type?: unknown; mid?: unknown };
    if (
      typeof link !== 'object' ||
      (link.type !== 'reply' && link.type !== 'forward') ||
      typeof link.mid !== 'string'
    ) {
      throw payload("Field 'link' must be { type: reply|forward, mid }");
    }
    const linked = world.state.messages.get(link.mid);
    if (linked === undefined) {
      throw notFound(`Message ${link.mid.slice(0, 80)} not found`);
    }
    content.link = {
      type: link.type,
      sender: linked.json.sender,
      chat_id: linked.chatId,
      message: linked.json.body,
    };
  }
  const format = Object.hasOwn(body, 'format') ? body.format : undefined;
  if (format !== undefined && format !== null && (typeof format !== 'string' || !FORMATS.has(format))) {
    throw payload("Field 'format' must be markdown or html");
  }
  boolField(body, 'notify');
  return content;
}

/** An attachment request; upload tokens must belong to a finished upload. */
function readAttachment(world: MaxWorld, attachment: unknown, index: number): Record<string, unknown> {
  const entry = attachment as { type?: unknown; payload?: unknown } | null;
  if (
    entry === null ||
    typeof entry !== 'object' ||
    typeof entry.type !== 'string' ||
    entry.type.length > 40
  ) {
    throw payload(`Field 'attachments[${index}].type' is required`);
  }
  const data = entry.payload;
  if (data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    throw payload(`Field 'attachments[${index}].payload' must be an object`);
  }
  const token = (data as { token?: unknown } | undefined)?.token;
  if (token !== undefined) {
    if (typeof token !== 'string') {
      throw payload(`Field 'attachments[${index}].payload.token' must be a string`);
    }
    const ready = world.state.attachmentTokens.get(token);
    if (ready === undefined || ready.type !== entry.type) {
      throw payload(`Attachment token of attachments[${index}] is not valid for type '${entry.type}'`);
    }
    const upload = world.state.uploads.get(ready.uploadId);
    if (upload?.received !== true || ready.notReadyLeft > 0) {
      if (upload?.received === true) {
        ready.notReadyLeft -= 1;
      }
      throw new MaxFault(400, 'attachment.not.ready', 'Key: errors.process.attachment.file.not.processed');
    }
  }
  const copy = data === undefined ? '{}' : JSON.stringify(data);
  if (copy.length > 64 * 1024) {
    throw payload(`Field 'attachments[${index}].payload' is too large`);
  }
  return { type: entry.type, payload: JSON.parse(copy) as Record<string, unknown> };
}

/** 2 messages a second per chat on the virtual clock (0 switches it off). */
function takeSendSlot(world: MaxWorld, chat: ChatRecord): void {
  const rate = world.state.config.messagesPerChatPerSecond;
  if (rate <= 0) {
    return;
  }
  const key = String(chat.chat_id);
  const decision = takeToken(
    world.state.sendBuckets.get(key),
    { ratePerSecond: rate, burst: Math.max(1, Math.ceil(rate)) },
    world.live.now,
  );
  world.state.sendBuckets.set(key, decision.state);
  if (!decision.allowed) {
    throw tooManyRequests(
      `Too many messages to chat ${chat.chat_id}. Limit is: ${rate} messages per second.`,
    );
  }
}

function messageFor(
  world: MaxWorld,
  bot: BotRecord,
  mid: string | null,
): { record: MessageRecord; chat: ChatRecord } {
  if (mid === null || mid === '' || mid.length > 256) {
    throw payload("Parameter 'message_id' is required");
  }
  const record = world.state.messages.get(mid);
  const chat = record === undefined ? undefined : world.state.chats.get(record.chatId);
  if (record === undefined || chat === undefined) {
    throw notFound(`Message ${mid.slice(0, 80)} not found`);
  }
  if (!chat.members.has(bot.userId)) {
    throw denied(`Bot is not a member of chat ${chat.chat_id}`);
  }
  return { record, chat };
}

export const messageRoutes: RouteDefinition<MaxState>[] = [
  botRoute('POST', '/messages', 'messages.send', ({ world, bot, request }) => {
    const chatId = queryInt(request.query, 'chat_id');
    const userId = queryInt(request.query, 'user_id', { min: 1 });
    if ((chatId === undefined) === (userId === undefined)) {
      throw payload('Exactly one of chat_id and user_id is required');
    }
    let chat: ChatRecord;
    if (chatId !== undefined) {
      chat = botChat(world, bot, String(chatId)).chat;
      const member = chat.members.get(bot.userId);
      if (chat.type === 'channel' && (member === undefined || !hasPermission(member, 'write'))) {
        throw denied(`Bot cannot write to channel ${chat.chat_id}`);
      }
    } else {
      const dialogId = world.state.dialogs.get(dialogKey(bot.userId, userId as number));
      if (!world.state.users.has(userId as number)) {
        throw notFound(`User ${userId} not found`);
      }
      if (dialogId === undefined) {
        throw denied(`User ${userId} has not started a dialog with the bot`);
      }
      chat = chatOf(world, dialogId);
    }
    const content = readContent(world, jsonBody(request));
    const hasText = typeof content.text === 'string' && content.text.length > 0;
    if (!hasText && (content.attachments ?? []).length === 0) {
      throw payload('Message must have text or attachments');
    }
    takeSendSlot(world, chat);
    const sender = world.state.users.get(bot.userId);
    if (sender === undefined) {
      throw notFound('Bot user not found');
    }
    const record = createMessage(world, chat, sender, {
      text: content.text ?? null,
      attachments: content.attachments ?? [],
      link: content.link ?? null,
    });
    broadcast(
      world,
      chat,
      'readers',
      {
        update_type: 'message_created',
        timestamp: record.json.timestamp,
        message: record.json,
        user_locale: null,
      },
      bot.userId,
    );
    return json({ message: record.json });
  }),
  botRoute('PUT', '/messages', 'messages.edit', ({ world, bot, request }) => {
    const { record, chat } = messageFor(world, bot, request.query.get('message_id'));
    if (record.senderId !== bot.userId) {
      throw denied('A bot can edit only its own messages');
    }
    const content = readContent(world, jsonBody(request));
    if (content.text !== undefined) {
      record.json.body.text = content.text;
    }
    if (content.attachments !== undefined && content.attachments !== null) {
      record.json.body.attachments = content.attachments;
    }
    broadcast(
      world,
      chat,
      'readers',
      { update_type: 'message_edited', timestamp: world.live.now, message: record.json },
      bot.userId,
    );
    return ok();
  }),
  botRoute('DELETE', '/messages', 'messages.delete', ({ world, bot, request }) => {
    const mid = request.query.get('message_id');
    const { record, chat } = messageFor(world, bot, mid);
    const member = chat.members.get(bot.userId);
    if (record.senderId !== bot.userId && (member === undefined || !hasPermission(member, 'delete'))) {
      throw denied('A bot can delete others’ messages only as an admin with the delete permission');
    }
    world.state.messages.delete(record.json.body.mid);
    chat.messages = chat.messages.filter((id) => id !== record.json.body.mid);
    if (chat.pinned === record.json.body.mid) {
      chat.pinned = null;
    }
    broadcast(
      world,
      chat,
      'readers',
      {
        update_type: 'message_removed',
        timestamp: world.live.now,
        message_id: record.json.body.mid,
        chat_id: chat.chat_id,
        user_id: bot.userId,
      },
      bot.userId,
    );
    return ok();
  }),
  botRoute('GET', '/messages/:messageId', 'messages.get', ({ world, bot, ctx }) => {
    const { record, chat } = messageFor(world, bot, ctx.params.messageId ?? null);
    const member = chat.members.get(bot.userId);
    if (record.senderId !== bot.userId && member !== undefined) {
      requirePermission(chat, member, 'read_all_messages');
    }
    return json(record.json);
  }),
  botRoute('GET', '/messages', 'messages.list', ({ world, bot, request }) => {
    const count = queryInt(request.query, 'count', { min: 1, max: 100 }) ?? 50;
    const after = queryInt(request.query, 'after') ?? queryInt(request.query, 'from');
    const before = queryInt(request.query, 'before') ?? queryInt(request.query, 'to');
    const idsText = request.query.get('message_ids');
    let mids: string[];
    if (idsText !== null && idsText !== '') {
      mids = idsText.split(',').slice(0, 100);
    } else {
      const chatId = queryInt(request.query, 'chat_id');
      if (chatId === undefined) {
        throw payload('chat_id or message_ids is required');
      }
      const { chat, member } = botChat(world, bot, String(chatId));
      requirePermission(chat, member, 'read_all_messages');
      mids = [...chat.messages].reverse();
    }
    const messages: unknown[] = [];
    for (const mid of mids) {
      const record = world.state.messages.get(mid);
      const chat = record === undefined ? undefined : world.state.chats.get(record.chatId);
      const member = chat?.members.get(bot.userId);
      if (record === undefined || chat === undefined || member === undefined) {
        continue;
      }
      if (
        chat.type !== 'dialog' &&
        record.senderId !== bot.userId &&
        !hasPermission(member, 'read_all_messages')
      ) {
        continue;
      }
      const time = record.json.timestamp;
      if ((after !== undefined && time < after) || (before !== undefined && time > before)) {
        continue;
      }
      messages.push(record.json);
      if (messages.length >= count) {
        break;
      }
    }
    return json({ messages });
  }),
  botRoute('POST', '/answers', 'answers.send', ({ world, bot, request }) => {
    const callbackId = request.query.get('callback_id');
    const callback = callbackId === null ? undefined : world.state.callbacks.get(callbackId);
    if (callbackId === null || callbackId === '') {
      throw payload("Parameter 'callback_id' is required");
    }
    if (callback === undefined || callback.botId !== bot.userId) {
      throw notFound(`Callback ${callbackId.slice(0, 80)} not found`);
    }
    const body = jsonBody(request);
    const notification = stringField(body, 'notification', TEXT_LIMIT);
    const message = Object.hasOwn(body, 'message') ? body.message : undefined;
    if (notification === undefined && (message === undefined || message === null)) {
      throw payload('Answer must have message or notification');
    }
    if (message !== undefined && message !== null) {
      if (typeof message !== 'object' || Array.isArray(message)) {
        throw payload("Field 'message' must be an object");
      }
      const content = readContent(world, message as Record<string, unknown>);
      const original = world.state.messages.get(callback.mid);
      if (original !== undefined) {
        if (content.text !== undefined) {
          original.json.body.text = content.text;
        }
        if (content.attachments !== undefined && content.attachments !== null) {
          original.json.body.attachments = content.attachments;
        }
      }
    }
    callback.answered = true;
    return ok();
  }),
];
