/**
 * Acting as a person in VK, from outside the API (a teacher renames a chat in the app, a parent
 * leaves, a pupil links their «учебный профиль», someone joins by the invite link): the changes a
 * school sync must notice. Control routes POST /__goskit/vk/act/* and `vkActions(sim)` share these.
 * Errors carry VK's own code (VkMessengerError.vkCode).
 */
import { VkMessengerError } from '../../services/vk-messenger.js';
import { addMember, INVITE_PREFIX, unixNow } from './chats.js';
import { errorMessage } from './errors.js';
import { MAX_TITLE } from './methods/create-chat.js';
import type { VkChat, VkState, VkUser } from './state.js';

function fail(code: number, detail?: string): VkMessengerError {
  return new VkMessengerError(code, errorMessage(code, detail));
}

function userOf(state: VkState, userId: number): VkUser {
  const user = state.users.get(userId);
  if (user === undefined) {
    throw fail(113);
  }
  return user;
}

function chatOf(state: VkState, chatId: number): VkChat {
  const chat = state.chats.get(chatId);
  if (chat === undefined) {
    throw fail(927);
  }
  return chat;
}

function memberChat(state: VkState, userId: number, chatId: number): VkChat {
  userOf(state, userId);
  const chat = chatOf(state, chatId);
  if (!chat.members.has(userId)) {
    throw fail(chat.left.has(userId) ? 922 : 917);
  }
  return chat;
}

/** A member renames the chat in the app (a change the registry did not make). */
export function renameChat(state: VkState, input: { userId: number; chatId: number; title: string }): VkChat {
  const chat = memberChat(state, input.userId, input.chatId);
  const title = input.title.trim();
  if (title === '' || title.length > MAX_TITLE) {
    throw fail(100, `title should be 1–${MAX_TITLE} characters`);
  }
  chat.title = title;
  return chat;
}

/** A member leaves; only the invite link brings them back. */
export function leaveChat(state: VkState, input: { userId: number; chatId: number }): VkChat {
  const chat = memberChat(state, input.userId, input.chatId);
  if (chat.members.get(input.userId)?.isOwner === true) {
    throw fail(15, "the owner can't leave the chat");
  }
  chat.members.delete(input.userId);
  chat.left.add(input.userId);
  return chat;
}

/** The person links (or unlinks) their «учебный профиль». */
export function linkProfile(state: VkState, input: { userId: number; linked: boolean }): VkUser {
  const user = userOf(state, input.userId);
  user.educationProfile = input.linked;
  return user;
}

/** Joins by an invite link (https://vk.me/join/<code>, or the bare code); a reset link is dead (927). */
export function joinByLink(state: VkState, input: { userId: number; link: string; nowMs: number }): VkChat {
  const user = userOf(state, input.userId);
  const code = input.link.startsWith(INVITE_PREFIX) ? input.link.slice(INVITE_PREFIX.length) : input.link;
  const chatId = state.invites.get(code);
  const chat = chatId === undefined ? undefined : state.chats.get(chatId);
  if (chat === undefined) {
    throw fail(927, 'the invite link is invalid or was reset');
  }
  if (chat.ownerId < 0 && !user.educationProfile) {
    throw fail(947);
  }
  if (!chat.members.has(user.id)) {
    addMember(chat, user.id, user.id, unixNow(input.nowMs));
  }
  return chat;
}
