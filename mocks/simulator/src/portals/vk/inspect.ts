/**
 * Read-only views of the portal for tests, the control API and the dashboard: demo tokens (kind,
 * token, owner), users with their «учебный профиль» status, chats with members, a chat's messages.
 */
import { inviteLink, peerOf } from './chats.js';
import type { VkChat, VkMessage, VkState, VkTokenRecord } from './state.js';

export interface VkTokenInfo {
  kind: VkTokenRecord['kind'];
  token: string;
  scopes: string[];
  owner: { type: 'user' | 'group' | 'app'; id: number; name: string; personId?: string };
}

export function tokenInfos(state: VkState): VkTokenInfo[] {
  return [...state.tokens.values()].map((record) => {
    let owner: VkTokenInfo['owner'];
    if (record.kind === 'user') {
      const user = state.users.get(record.ownerId);
      owner = {
        type: 'user',
        id: record.ownerId,
        name: user === undefined ? '' : `${user.firstName} ${user.lastName}`,
        ...(user?.personId === undefined ? {} : { personId: user.personId }),
      };
    } else if (record.kind === 'community') {
      owner = { type: 'group', id: record.ownerId, name: state.communities.get(record.ownerId)?.name ?? '' };
    } else {
      owner = { type: 'app', id: record.ownerId, name: 'Демо-приложение VK ID' };
    }
    return { kind: record.kind, token: record.token, scopes: [...record.scopes], owner };
  });
}

export interface VkUserInfo {
  id: number;
  name: string;
  personId?: string;
  role?: string;
  login: string;
  educationProfile: boolean;
}

export function userInfos(state: VkState): VkUserInfo[] {
  return [...state.users.values()].map((user) => ({
    id: user.id,
    name: `${user.lastName} ${user.firstName} ${user.middleName}`.trim(),
    login: user.login,
    educationProfile: user.educationProfile,
    ...(user.personId === undefined ? {} : { personId: user.personId }),
    ...(user.role === undefined ? {} : { role: user.role }),
  }));
}

export interface VkChatSummary {
  chatId: number;
  peerId: number;
  title: string;
  ownerId: number;
  inviteLink: string;
  messageCount: number;
  members: { memberId: number; isAdmin: boolean; isOwner: boolean; educationProfile?: boolean }[];
  left: number[];
}

export function chatSummary(state: VkState, chat: VkChat): VkChatSummary {
  return {
    chatId: chat.id,
    peerId: peerOf(chat.id),
    title: chat.title,
    ownerId: chat.ownerId,
    inviteLink: inviteLink(chat),
    messageCount: chat.messageCount,
    members: [...chat.members.values()].map((member) => {
      const user = member.memberId > 0 ? state.users.get(member.memberId) : undefined;
      return {
        memberId: member.memberId,
        isAdmin: member.isAdmin,
        isOwner: member.isOwner,
        ...(user === undefined ? {} : { educationProfile: user.educationProfile }),
      };
    }),
    left: [...chat.left],
  };
}

export function chatSummaries(state: VkState): VkChatSummary[] {
  return [...state.chats.values()].map((chat) => chatSummary(state, chat));
}

export function messagesOf(chat: VkChat): { count: number; items: VkMessage[] } {
  return { count: chat.messageCount, items: chat.messages.map((message) => ({ ...message })) };
}
