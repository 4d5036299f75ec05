/**
 * Chat members: `messages.getConversationMembers`, `removeChatUser` and `addChatUser`. VK allows
 * `addChatUser` only with a user token; with a community token the client refuses before sending
 * (`VkTokenKindError`) and says what works instead (createChat with user_ids, the invite link).
 */
import { callMethod, checkTokenKindFor } from '../call-method.js';
import type { VkContext } from '../context.js';
import { getConversationMembersResponse, type VkConversationMembers } from '../models/chats.js';
import { okResponse, type VkOk } from '../models/common.js';
import { checkInteger, requireExactlyOne } from '../params.js';
import { MAX_CHAT_ID, MAX_PEER_ID, type VkMethodOptions, withGroupId } from './shared.js';

export interface GetConversationMembersParams {
  peer_id: number;
  offset?: number;
  /** Default 20, up to 1000 (vk-api-schema). */
  count?: number;
  extended?: boolean;
  fields?: readonly string[];
  group_id?: number;
}

export interface AddChatUserParams {
  chat_id: number;
  user_id: number;
  /** How many earlier messages the new member sees (0–1000). */
  visible_messages_count?: number;
}

export interface RemoveChatUserParams {
  chat_id: number;
  /** A user… */
  user_id?: number;
  /** …or any member (a negative id for a community). */
  member_id?: number;
}

export function messagesMembers(context: VkContext) {
  return {
    async getConversationMembers(
      params: GetConversationMembersParams,
      options: VkMethodOptions = {},
    ): Promise<VkConversationMembers> {
      checkInteger('peer_id', params.peer_id, -MAX_PEER_ID, MAX_PEER_ID);
      if (params.count !== undefined) {
        checkInteger('count', params.count, 0, 1000);
      }
      if (params.offset !== undefined) {
        checkInteger('offset', params.offset, 0, MAX_PEER_ID);
      }
      return callMethod(context, 'messages.getConversationMembers', withGroupId(context, { ...params }), {
        ...options,
        schema: getConversationMembersResponse,
      });
    },
    async addChatUser(params: AddChatUserParams, options: VkMethodOptions = {}): Promise<VkOk> {
      checkTokenKindFor(context, 'messages.addChatUser');
      checkInteger('chat_id', params.chat_id, 1, MAX_CHAT_ID);
      checkInteger('user_id', params.user_id, 1, MAX_PEER_ID);
      if (params.visible_messages_count !== undefined) {
        checkInteger('visible_messages_count', params.visible_messages_count, 0, 1000);
      }
      return callMethod(context, 'messages.addChatUser', { ...params }, { ...options, schema: okResponse });
    },
    async removeChatUser(params: RemoveChatUserParams, options: VkMethodOptions = {}): Promise<VkOk> {
      checkInteger('chat_id', params.chat_id, 1, MAX_CHAT_ID);
      requireExactlyOne({ ...params }, ['user_id', 'member_id']);
      if (params.user_id !== undefined) {
        checkInteger('user_id', params.user_id, 1, MAX_PEER_ID);
      }
      if (params.member_id !== undefined) {
        checkInteger('member_id', params.member_id, -MAX_PEER_ID, MAX_PEER_ID);
      }
      return callMethod(
        context,
        'messages.removeChatUser',
        { ...params },
        { ...options, schema: okResponse },
      );
    },
  };
}
