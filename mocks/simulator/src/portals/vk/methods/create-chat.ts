/**
 * messages.createChat (user, community): a chat owned by the caller (a community's own when it is
 * a community token, or when a community admin passes group_id). A community adds only people who
 * can receive its messages — those with a linked «учебный профиль»; the others are left out of
 * `peer_ids` and join by the invite link. Unknown user ids → 936. Answers `{ chat_id, peer_ids }`
 * from `v` ≥ 5.199 (option createChatObjectFrom), the bare chat id before.
 */

import { addMember, createChatRecord, unixNow } from '../chats.js';
import { invalidParam, VkApiFailure } from '../errors.js';
import { versionAtLeast } from '../options.js';
import { type MethodContext, USER_OR_GROUP, type VkMethod } from './method.js';

export const MAX_TITLE = 255;
/** VK's limit on people in a chat. */
export const MAX_CHAT_MEMBERS = 2000;

/** The member id the caller acts as: itself, or a community it administers (group_id). */
export function actingAs(context: MethodContext): number {
  const groupId = context.params.int('group_id', { min: 0 });
  const { caller, state } = context;
  if (groupId === undefined || groupId === 0) {
    return caller.memberId;
  }
  if (caller.kind === 'community') {
    if (groupId !== caller.ownerId) {
      throw new VkApiFailure(203);
    }
    return caller.memberId;
  }
  const group = state.communities.get(groupId);
  if (group === undefined || !group.adminIds.includes(caller.ownerId)) {
    throw new VkApiFailure(203);
  }
  return -groupId;
}

export const createChat: VkMethod = {
  name: 'messages.createChat',
  tokens: USER_OR_GROUP,
  scope: 'messages',
  run: (context) => {
    const { params, state } = context;
    const ownerId = actingAs(context);
    const title = params.string('title') ?? 'Беседа';
    if (title.length > MAX_TITLE) {
      throw invalidParam('title', `should be at most ${MAX_TITLE} characters`);
    }
    const userIds = params.ints('user_ids', MAX_CHAT_MEMBERS) ?? [];
    for (const id of userIds) {
      if (!state.users.has(id)) {
        throw new VkApiFailure(936);
      }
    }
    const date = unixNow(context.nowMs);
    const chat = createChatRecord(state, context.runtime.random, { title, ownerId, date });
    const added: number[] = [];
    for (const id of userIds) {
      const reachable = ownerId > 0 || state.users.get(id)?.educationProfile === true;
      if (reachable && !chat.members.has(id)) {
        addMember(chat, id, ownerId, date);
        added.push(id);
      }
    }
    if (!versionAtLeast(context.version, context.options.createChatObjectFrom)) {
      return chat.id;
    }
    return { chat_id: chat.id, peer_ids: added };
  },
};
