/**
 * Chat shapes of the messages.* methods a school sync uses (vk-api-schema 5.199,
 * `messages/objects.json`, `messages/responses.json`). Objects are loose: VK adds fields freely.
 */
import { z } from 'zod';
import { chatPeerId } from './common.js';

const int = z.number().int();

/**
 * `messages.createChat`: the schema answers `{ chat_id, peer_ids }`, older versions (and dev.vk.com's
 * text) a bare chat id; which `v` flips it is [unconfirmed], so both are read.
 */
export const createChatResponse = z
  .union([int, z.looseObject({ chat_id: int, peer_ids: z.array(int).optional() })])
  .transform((value) => {
    const chat_id = typeof value === 'number' ? value : value.chat_id;
    const peer_ids = typeof value === 'number' ? undefined : value.peer_ids;
    return { chat_id, peer_id: chatPeerId(chat_id), ...(peer_ids ? { peer_ids } : {}) };
  });
export type VkCreatedChat = z.output<typeof createChatResponse>;

export const conversationMember = z.looseObject({
  member_id: int,
  invited_by: int.optional(),
  join_date: int.optional(),
  is_admin: z.boolean().optional(),
  is_owner: z.boolean().optional(),
  can_kick: z.boolean().optional(),
});
export type VkConversationMember = z.output<typeof conversationMember>;

export const profile = z.looseObject({
  id: int,
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  deactivated: z.string().optional(),
});

export const getConversationMembersResponse = z.looseObject({
  count: int,
  items: z.array(conversationMember),
  profiles: z.array(profile).optional(),
  groups: z.array(z.looseObject({ id: int, name: z.string().optional() })).optional(),
});
export type VkConversationMembers = z.output<typeof getConversationMembersResponse>;

export const chatSettings = z.looseObject({
  title: z.string(),
  owner_id: int.optional(),
  members_count: int.optional(),
  /** `in`, `kicked`, `left`, `out`. */
  state: z.string().optional(),
  admin_ids: z.array(int).optional(),
});

export const conversation = z.looseObject({
  peer: z.looseObject({ id: int, type: z.string(), local_id: int.optional() }),
  chat_settings: chatSettings.optional(),
});
export type VkConversation = z.output<typeof conversation>;

export const getConversationsByIdResponse = z.looseObject({
  count: int,
  items: z.array(conversation),
});
export type VkConversationsById = z.output<typeof getConversationsByIdResponse>;

export const getConversationsResponse = z.looseObject({
  count: int,
  items: z.array(z.looseObject({ conversation, last_message: z.unknown().optional() })),
});
export type VkConversations = z.output<typeof getConversationsResponse>;

export const inviteLinkResponse = z.looseObject({ link: z.string().min(1) });
export type VkInviteLink = z.output<typeof inviteLinkResponse>;

/** `messages.send`: a message id, or per-peer results when `peer_ids` was given. */
export const sendResponse = z.union([
  int,
  z.array(
    z.looseObject({
      peer_id: int,
      message_id: int.optional(),
      conversation_message_id: int.optional(),
      error: z.unknown().optional(),
    }),
  ),
]);
export type VkSendResult = z.output<typeof sendResponse>;
