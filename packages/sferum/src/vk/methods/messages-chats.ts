/**
 * Chat lifecycle methods: `messages.createChat`, `editChat`, `getConversationsById`,
 * `getConversations` (to find a chat by title after an interrupted create) and `getInviteLink`.
 * `createChat` is never repeated after an ambiguous failure (network, error 10): it could create a
 * second chat.
 */
import { callMethod } from '../call-method.js';
import type { VkContext } from '../context.js';
import {
  createChatResponse,
  getConversationsByIdResponse,
  getConversationsResponse,
  inviteLinkResponse,
  type VkConversations,
  type VkConversationsById,
  type VkCreatedChat,
  type VkInviteLink,
} from '../models/chats.js';
import { okResponse, type VkOk } from '../models/common.js';
import { checkIdList, checkInteger, checkText } from '../params.js';
import { MAX_CHAT_ID, MAX_PEER_ID, type VkMethodOptions, withGroupId } from './shared.js';

export interface CreateChatParams {
  title: string;
  /** Members to add at creation (a community can add people only this way). */
  user_ids?: readonly number[];
  group_id?: number;
}

export interface EditChatParams {
  chat_id: number;
  title: string;
}

export interface GetConversationsByIdParams {
  /** Up to 100 peer ids. */
  peer_ids: readonly number[];
  extended?: boolean;
  fields?: readonly string[];
  group_id?: number;
}

export interface GetConversationsParams {
  offset?: number;
  /** Up to 200. */
  count?: number;
  filter?: 'all' | 'unread' | 'important' | 'unanswered' | 'archive';
  extended?: boolean;
  fields?: readonly string[];
  group_id?: number;
}

export interface GetInviteLinkParams {
  peer_id: number;
  /** Rotate the link: the old one stops working. */
  reset?: boolean;
  group_id?: number;
}

/** Bound on chat titles the client checks; VK's own limit is [unconfirmed]. */
export const VK_TITLE_MAX = 512;

export function messagesChats(context: VkContext) {
  return {
    async createChat(params: CreateChatParams, options: VkMethodOptions = {}): Promise<VkCreatedChat> {
      checkText('title', params.title, VK_TITLE_MAX);
      if (params.user_ids !== undefined) {
        checkIdList('user_ids', params.user_ids, { min: 1, max: MAX_PEER_ID, minItems: 0, maxItems: 1000 });
      }
      return callMethod(context, 'messages.createChat', withGroupId(context, { ...params }), {
        ...options,
        schema: createChatResponse,
      });
    },
    async editChat(params: EditChatParams, options: VkMethodOptions = {}): Promise<VkOk> {
      checkInteger('chat_id', params.chat_id, 1, MAX_CHAT_ID);
      checkText('title', params.title, VK_TITLE_MAX);
      return callMethod(context, 'messages.editChat', { ...params }, { ...options, schema: okResponse });
    },
    async getConversationsById(
      params: GetConversationsByIdParams,
      options: VkMethodOptions = {},
    ): Promise<VkConversationsById> {
      checkIdList('peer_ids', params.peer_ids, {
        min: -MAX_PEER_ID,
        max: MAX_PEER_ID,
        minItems: 1,
        maxItems: 100,
      });
      return callMethod(context, 'messages.getConversationsById', withGroupId(context, { ...params }), {
        ...options,
        schema: getConversationsByIdResponse,
      });
    },
    async getConversations(
      params: GetConversationsParams = {},
      options: VkMethodOptions = {},
    ): Promise<VkConversations> {
      if (params.count !== undefined) {
        checkInteger('count', params.count, 0, 200);
      }
      if (params.offset !== undefined) {
        checkInteger('offset', params.offset, 0, MAX_PEER_ID);
      }
      return callMethod(context, 'messages.getConversations', withGroupId(context, { ...params }), {
        ...options,
        schema: getConversationsResponse,
      });
    },
    async getInviteLink(params: GetInviteLinkParams, options: VkMethodOptions = {}): Promise<VkInviteLink> {
      checkInteger('peer_id', params.peer_id, -MAX_PEER_ID, MAX_PEER_ID);
      return callMethod(context, 'messages.getInviteLink', withGroupId(context, { ...params }), {
        ...options,
        schema: inviteLinkResponse,
      });
    },
  };
}
