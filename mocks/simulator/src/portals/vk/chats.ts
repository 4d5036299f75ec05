/**
 * Chats as VK keeps them: peer_id = 2000000000 + chat_id, members with admin/owner flags, an invite
 * link that rotates on reset, the last messages. One chat_id space for everyone [unconfirmed: VK may
 * number chats per owner]. Access: a caller sees a chat it is a member of (917 otherwise, 922 when it
 * left); admin actions need is_admin (925).
 */
import type { SeededRandom } from '../../engine/types.js';
import { VkApiFailure } from './errors.js';
import {
  MAX_MESSAGES_KEPT,
  PEER_CHAT_OFFSET,
  type VkChat,
  type VkChatMember,
  type VkMessage,
  type VkState,
} from './state.js';
import type { Caller } from './tokens.js';

export const INVITE_PREFIX = 'https://vk.me/join/';
const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';
/** The largest chat_id VK's schema allows. */
export const MAX_CHAT_ID = 100_000_000;

export function peerOf(chatId: number): number {
  return PEER_CHAT_OFFSET + chatId;
}

/** The chat id of a chat peer id, or undefined for user and community peers. */
export function chatIdOf(peerId: number): number | undefined {
  const chatId = peerId - PEER_CHAT_OFFSET;
  return chatId > 0 && chatId <= MAX_CHAT_ID ? chatId : undefined;
}

export function inviteCode(random: SeededRandom): string {
  let code = 'A';
  for (let i = 0; i < 31; i += 1) {
    code += CODE_ALPHABET[random.int(0, CODE_ALPHABET.length - 1)];
  }
  return code;
}

export function inviteLink(chat: VkChat): string {
  return `${INVITE_PREFIX}${chat.inviteCode}`;
}

export function createChatRecord(
  state: VkState,
  random: SeededRandom,
  input: { title: string; ownerId: number; date: number },
): VkChat {
  const id = state.nextChatId;
  state.nextChatId += 1;
  const chat: VkChat = {
    id,
    title: input.title,
    ownerId: input.ownerId,
    members: new Map(),
    left: new Set(),
    inviteCode: inviteCode(random),
    createdAt: input.date,
    messages: [],
    messageCount: 0,
  };
  addMember(chat, input.ownerId, input.ownerId, input.date, true, true);
  state.chats.set(id, chat);
  state.invites.set(chat.inviteCode, id);
  return chat;
}

export function addMember(
  chat: VkChat,
  memberId: number,
  invitedBy: number,
  joinDate: number,
  isAdmin = false,
  isOwner = false,
): VkChatMember {
  const member: VkChatMember = { memberId, invitedBy, joinDate, isAdmin: isAdmin || isOwner, isOwner };
  chat.members.set(memberId, member);
  chat.left.delete(memberId);
  return member;
}

export function rotateInvite(state: VkState, chat: VkChat, random: SeededRandom): void {
  state.invites.delete(chat.inviteCode);
  chat.inviteCode = inviteCode(random);
  state.invites.set(chat.inviteCode, chat.id);
}

/** The chat by id: 927 when there is none. */
export function chatById(state: VkState, chatId: number): VkChat {
  const chat = state.chats.get(chatId);
  if (chat === undefined) {
    throw new VkApiFailure(927);
  }
  return chat;
}

/** The caller's membership: 922 when it left, 917 when it never was (or was removed). */
export function membership(chat: VkChat, caller: Caller): VkChatMember {
  const member = chat.members.get(caller.memberId);
  if (member === undefined) {
    throw new VkApiFailure(chat.left.has(caller.memberId) ? 922 : 917);
  }
  return member;
}

/** The chat of a peer the caller may see (927 for a chat that does not exist, 917 for a stranger). */
export function visibleChat(state: VkState, chatId: number, caller: Caller): VkChat {
  const chat = chatById(state, chatId);
  membership(chat, caller);
  return chat;
}

export function requireAdmin(chat: VkChat, caller: Caller): VkChatMember {
  const member = membership(chat, caller);
  if (!member.isAdmin) {
    throw new VkApiFailure(925);
  }
  return member;
}

export function postMessage(
  state: VkState,
  chat: VkChat | undefined,
  input: {
    fromId: number;
    text: string;
    date: number;
    randomId?: string;
    attachment?: string;
    peerId?: number;
  },
): VkMessage {
  const id = state.nextMessageId;
  state.nextMessageId += 1;
  const peerId = chat === undefined ? (input.peerId ?? 0) : peerOf(chat.id);
  const conversationMessageId = chat === undefined ? id : chat.messageCount + 1;
  const message: VkMessage = {
    id,
    conversationMessageId,
    peerId,
    fromId: input.fromId,
    text: input.text,
    date: input.date,
    randomId: input.randomId ?? '0',
    ...(input.attachment === undefined ? {} : { attachment: input.attachment }),
  };
  const list = chat === undefined ? state.direct : chat.messages;
  list.push(message);
  if (list.length > MAX_MESSAGES_KEPT) {
    list.splice(0, list.length - MAX_MESSAGES_KEPT);
  }
  if (chat !== undefined) {
    chat.messageCount += 1;
  }
  return message;
}

/** Unix seconds of the virtual clock. */
export function unixNow(nowMs: number): number {
  return Math.floor(nowMs / 1000);
}
