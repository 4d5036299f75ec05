/** VK objects as the API returns them: users, communities, chat members, conversations. */

import { peerOf } from './chats.js';
import type { Params } from './params.js';
import type { VkChat, VkChatMember, VkCommunity, VkUser } from './state.js';

const CAMERA = 'https://vk.com/images/camera';

/** users_user_full with the asked fields (sex, bdate, screen_name, domain, photo_*). */
export function userView(user: VkUser, fields: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    can_access_closed: true,
    is_closed: false,
  };
  for (const field of fields) {
    if (field === 'sex') {
      view.sex = user.sex;
    } else if (field === 'bdate') {
      view.bdate = user.birthDate;
    } else if (field === 'screen_name' || field === 'domain') {
      view[field] = user.screenName;
    } else if (field === 'photo_50' || field === 'photo_100' || field === 'photo_200') {
      view[field] = `${CAMERA}_${field.slice('photo_'.length)}.png`;
    }
  }
  return view;
}

export function groupView(group: VkCommunity, viewerId: number | undefined): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: group.id,
    name: group.name,
    screen_name: group.screenName,
    is_closed: 0,
    type: 'group',
    photo_50: `${CAMERA}_50.png`,
    photo_100: `${CAMERA}_100.png`,
    photo_200: `${CAMERA}_200.png`,
  };
  if (viewerId !== undefined) {
    const admin = group.adminIds.includes(viewerId);
    view.is_admin = admin ? 1 : 0;
    if (admin) {
      view.admin_level = 3;
    }
  }
  return view;
}

export function memberView(member: VkChatMember, viewer: VkChatMember | undefined): Record<string, unknown> {
  const view: Record<string, unknown> = {
    member_id: member.memberId,
    invited_by: member.invitedBy,
    join_date: member.joinDate,
    is_admin: member.isAdmin,
  };
  if (member.isOwner) {
    view.is_owner = true;
  }
  if (viewer?.isAdmin === true && !member.isOwner && member.memberId !== viewer.memberId) {
    view.can_kick = true;
  }
  return view;
}

/** The ACL a member has on a chat (messages_chat_settings_acl). */
export function aclOf(member: VkChatMember): Record<string, boolean> {
  const admin = member.isAdmin;
  return {
    can_change_info: admin,
    can_change_invite_link: admin,
    can_change_pin: admin,
    can_invite: admin,
    can_promote_users: member.isOwner,
    can_see_invite_link: admin,
    can_moderate: admin,
    can_copy_chat: admin,
    can_call: true,
    can_use_mass_mentions: admin,
  };
}

export function chatConversation(chat: VkChat, viewer: VkChatMember): Record<string, unknown> {
  const last = chat.messages.at(-1);
  const admins = [...chat.members.values()].filter((member) => member.isAdmin).map((m) => m.memberId);
  return {
    peer: { id: peerOf(chat.id), type: 'chat', local_id: chat.id },
    last_message_id: last?.id ?? 0,
    last_conversation_message_id: last?.conversationMessageId ?? 0,
    in_read: last?.id ?? 0,
    out_read: last?.id ?? 0,
    version: chat.messageCount + chat.members.size,
    can_write: { allowed: true },
    chat_settings: {
      owner_id: chat.ownerId,
      title: chat.title,
      state: 'in',
      members_count: chat.members.size,
      admin_ids: admins,
      active_ids: [],
      acl: aclOf(viewer),
    },
  };
}

export function peerConversation(peerId: number, type: 'user' | 'group'): Record<string, unknown> {
  return {
    peer: { id: peerId, type, local_id: Math.abs(peerId) },
    last_message_id: 0,
    last_conversation_message_id: 0,
    in_read: 0,
    out_read: 0,
    version: 0,
    can_write: { allowed: true },
  };
}

export function chatObject(chat: VkChat, params: Params, users: ReadonlyMap<number, VkUser>) {
  const fields = params.list('fields');
  const members = [...chat.members.keys()];
  return {
    type: 'chat',
    id: chat.id,
    title: chat.title,
    admin_id: chat.ownerId,
    members_count: members.length,
    users:
      fields.length === 0
        ? members
        : members.flatMap((id) => {
            const user = users.get(id);
            return user === undefined ? [] : [userView(user, fields)];
          }),
  };
}

/** `profiles` and `groups` of an extended answer, for the member ids given. */
export function extendedOf(
  state: { users: ReadonlyMap<number, VkUser>; communities: ReadonlyMap<number, VkCommunity> },
  memberIds: Iterable<number>,
  fields: readonly string[],
): { profiles: Record<string, unknown>[]; groups: Record<string, unknown>[] } {
  const profiles: Record<string, unknown>[] = [];
  const groups: Record<string, unknown>[] = [];
  for (const id of new Set(memberIds)) {
    if (id > 0) {
      const user = state.users.get(id);
      if (user !== undefined) {
        profiles.push(userView(user, fields));
      }
    } else {
      const group = state.communities.get(-id);
      if (group !== undefined) {
        groups.push(groupView(group, undefined));
      }
    }
  }
  return { profiles, groups };
}
