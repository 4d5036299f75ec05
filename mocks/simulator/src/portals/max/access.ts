/**
 * Who may do what in a chat: the chat must exist (404) and the bot be in it (403 `chat.denied`);
 * admin actions need the matching permission — add_remove_members for members, add_admins for admins,
 * change_chat_info for edits, pin_message for pins, read_all_messages to read a group's history.
 */
import type { MaxWorld } from './events.js';
import { denied, notFound } from './fault.js';
import { pathChatId } from './ids.js';
import type { BotRecord, ChatRecord, MemberRecord, Permission } from './state.js';

export interface BotInChat {
  chat: ChatRecord;
  member: MemberRecord;
}

export function chatOf(world: MaxWorld, chatId: number): ChatRecord {
  const chat = world.state.chats.get(chatId);
  if (chat === undefined || chat.status === 'removed') {
    throw notFound(`Chat ${chatId} not found`);
  }
  return chat;
}

/** The chat of a path parameter, with the bot's membership in it. */
export function botChat(world: MaxWorld, bot: BotRecord, chatIdText: string | undefined): BotInChat {
  const chat = chatOf(world, pathChatId(chatIdText));
  const member = chat.members.get(bot.userId);
  if (member === undefined) {
    throw denied(`Bot is not a member of chat ${chat.chat_id}`);
  }
  member.last_access_time = world.live.now;
  return { chat, member };
}

export function hasPermission(member: MemberRecord, permission: Permission): boolean {
  return member.is_owner || (member.is_admin && (member.permissions?.includes(permission) ?? false));
}

export function requirePermission(chat: ChatRecord, member: MemberRecord, permission: Permission): void {
  if (chat.type !== 'dialog' && !hasPermission(member, permission)) {
    throw denied(`Bot needs admin rights with '${permission}' in chat ${chat.chat_id}`);
  }
}
