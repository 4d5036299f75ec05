/**
 * Making a message, for a bot's send and a person's post alike: the next sequence number, a
 * `mid.<hex>` id, the timestamp from the virtual clock; the chat keeps its last 1 000 message ids and
 * the portal its last 50 000 messages (the oldest are forgotten, as history fades from the API).
 */
import type { MaxWorld } from './events.js';
import { MESSAGE_SEQ_BASE, messageId } from './ids.js';
import type { ChatRecord, MessageJson, MessageRecord, UserRecord } from './state.js';
import { userView } from './views.js';

const CHAT_HISTORY = 1_000;
const PORTAL_HISTORY = 50_000;

export interface MessageContent {
  text: string | null;
  attachments: Record<string, unknown>[] | null;
  link: Record<string, unknown> | null;
}

export function createMessage(
  world: MaxWorld,
  chat: ChatRecord,
  sender: UserRecord,
  content: MessageContent,
): MessageRecord {
  const { state } = world;
  state.seq.message += 1;
  const seq = MESSAGE_SEQ_BASE + state.seq.message;
  const mid = messageId(chat.chat_id, seq);
  const now = world.live.now;
  const recipientUser =
    chat.dialog === null
      ? null
      : sender.user_id === chat.dialog.userId
        ? chat.dialog.botId
        : chat.dialog.userId;
  const json: MessageJson = {
    sender: userView(sender),
    recipient: { chat_id: chat.chat_id, chat_type: chat.type, user_id: recipientUser },
    timestamp: now,
    link: content.link,
    body: { mid, seq, text: content.text, attachments: content.attachments, markup: null },
  };
  const record: MessageRecord = { chatId: chat.chat_id, senderId: sender.user_id, json };
  state.messages.set(mid, record);
  if (state.messages.size > PORTAL_HISTORY) {
    const oldest = state.messages.keys().next().value;
    if (oldest !== undefined) {
      state.messages.delete(oldest);
    }
  }
  chat.messages.push(mid);
  if (chat.messages.length > CHAT_HISTORY) {
    chat.messages.splice(0, chat.messages.length - CHAT_HISTORY);
  }
  chat.messages_count += 1;
  chat.last_event_time = now;
  sender.last_activity_time = now;
  return record;
}
