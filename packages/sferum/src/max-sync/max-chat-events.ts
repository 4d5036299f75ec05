/**
 * MAX updates as the sync's chat events: `bot_added` / `bot_removed`, `chat_title_changed`,
 * `user_added` / `user_removed`, and group `message_created` (which may carry a claim code). Channels,
 * dialogs and every other update type are nothing for the registry (undefined).
 */
import type { MaxIncomingUpdate } from '../max/models.js';
import type { ChatEvent } from '../sync/chat-events.js';

const asId = (value: unknown): string | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value !== 0 ? String(value) : undefined;

export function maxChatEvent(update: MaxIncomingUpdate): ChatEvent | undefined {
  const raw = update as unknown as Record<string, unknown>;
  if (raw.is_channel === true) {
    return undefined;
  }
  const chatId = asId(raw.chat_id);
  const userId = asId((raw.user as { user_id?: unknown } | undefined)?.user_id);
  switch (update.update_type) {
    case 'bot_added':
      return chatId === undefined ? undefined : { type: 'bot-added', chatId };
    case 'bot_removed':
      return chatId === undefined ? undefined : { type: 'bot-removed', chatId };
    case 'chat_title_changed':
      return chatId === undefined || typeof raw.title !== 'string'
        ? undefined
        : { type: 'title-changed', chatId, title: raw.title };
    case 'user_added':
      return chatId === undefined || userId === undefined
        ? undefined
        : { type: 'member-added', chatId, userId };
    case 'user_removed':
      return chatId === undefined || userId === undefined
        ? undefined
        : { type: 'member-removed', chatId, userId };
    case 'message_created': {
      const message = (raw.message ?? {}) as {
        recipient?: { chat_id?: unknown; chat_type?: unknown };
        body?: { text?: unknown };
      };
      const messageChat = asId(message.recipient?.chat_id);
      if (message.recipient?.chat_type !== 'chat' || messageChat === undefined) {
        return undefined;
      }
      const text = message.body?.text;
      return typeof text === 'string' && text !== ''
        ? { type: 'message', chatId: messageChat, text }
        : undefined;
    }
    default:
      return undefined;
  }
}
