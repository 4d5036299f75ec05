/**
 * The chat sync's transport over the VK API. Reads go through one batcher, so a district's
 * `getConversationsById`, `getConversationMembers` and `createChat` calls travel 25 to an `execute`. A community
 * token creates chats with their first members (`createChat(user_ids)`) but cannot add anyone later:
 * `addMembers` is true only for a user token, and the others get the invite link. Calls need a user
 * token (`calls.*`): pass a teacher's or admin's client as `callsVk`.
 */
import { VkApiError } from '../errors/vk-api-error.js';
import { VK_ERROR } from '../errors/vk-error-codes.js';
import type {
  ChatTransport,
  ChatTransportCapabilities,
  CreatedChat,
  MemberOutcome,
  RemoteChat,
  RemoteChatState,
} from '../sync/chat-transport.js';
import type { VkClient } from '../vk/create-vk-client.js';
import type { VkBatcherOptions } from '../vk/execute/batcher.js';
import {
  createChatResponse,
  getConversationMembersResponse,
  getConversationsByIdResponse,
  type VkConversation,
} from '../vk/models/chats.js';
import { chatPeerId } from '../vk/models/common.js';
import { memberRefusal } from './member-refusal.js';

export interface VkChatTransportOptions {
  /** The school community's client (or a user's). */
  vk: VkClient;
  /** A user-token client for lesson calls (`calls.start` needs a user token). */
  callsVk?: VkClient;
  /** Start calls on behalf of the community (`group_id`). Default true when `vk.groupId` is set. */
  callsAsCommunity?: boolean;
  batcher?: VkBatcherOptions;
  /** Pages of `getConversations` (200 each) searched to reconcile an interrupted create. Default 50. */
  maxConversationPages?: number;
  /** Longest chat title accepted. Default 255 (VK's own limit is [unconfirmed]). */
  maxTitleLength?: number;
}

const MEMBERS_PAGE = 200;

function chatIdNumber(chatId: string): number | undefined {
  const value = Number(chatId);
  return /^[1-9]\d{0,8}$/.test(chatId) && value <= 100_000_000 ? value : undefined;
}

export function createVkChatTransport(options: VkChatTransportOptions): ChatTransport {
  const { vk } = options;
  const callsVk = options.callsVk ?? (vk.tokenKind === 'user' ? vk : undefined);
  const batcher = vk.batcher(options.batcher);
  const group = vk.tokenKind === 'community' && vk.groupId !== undefined ? { group_id: vk.groupId } : {};
  const maxPages = options.maxConversationPages ?? 50;
  const capabilities: ChatTransportCapabilities = {
    createChat: true,
    membersOnCreate: true,
    renameChat: true,
    addMembers: vk.tokenKind === 'user',
    removeMembers: true,
    inviteLink: 'rotatable',
    findChatsByTitle: true,
    sendMessages: true,
    calls: callsVk !== undefined,
    maxTitleLength: options.maxTitleLength ?? 255,
  };

  const members = async (chatId: string, conversation: VkConversation): Promise<RemoteChatState> => {
    const peerId = conversation.peer.id;
    const memberIds: string[] = [];
    const adminIds = new Set<string>();
    const settings = conversation.chat_settings;
    if (settings?.owner_id !== undefined && settings.owner_id > 0) {
      adminIds.add(String(settings.owner_id));
    }
    for (const id of settings?.admin_ids ?? []) {
      if (id > 0) {
        adminIds.add(String(id));
      }
    }
    for (let offset = 0; ; offset += MEMBERS_PAGE) {
      let page: Awaited<ReturnType<typeof getPage>>;
      try {
        page = await getPage(peerId, offset);
      } catch (error) {
        if (error instanceof VkApiError && error.vkCode === VK_ERROR.CHAT_NO_ACCESS) {
          return { available: false, chatId, reason: 'no-access' };
        }
        if (error instanceof VkApiError && error.vkCode === VK_ERROR.CHAT_NOT_FOUND) {
          return { available: false, chatId, reason: 'not-found' };
        }
        throw error;
      }
      for (const item of page.items) {
        if (item.member_id > 0) {
          memberIds.push(String(item.member_id));
          if (item.is_admin || item.is_owner) {
            adminIds.add(String(item.member_id));
          }
        }
      }
      if (page.items.length < MEMBERS_PAGE || offset + MEMBERS_PAGE >= page.count) {
        break;
      }
    }
    return { available: true, chatId, title: settings?.title ?? '', memberIds, adminIds: [...adminIds] };
  };

  const getPage = (peerId: number, offset: number) =>
    batcher.call(
      'messages.getConversationMembers',
      { peer_id: peerId, offset, count: MEMBERS_PAGE, ...group },
      { schema: getConversationMembersResponse },
    );

  const stateOf = async (
    chatId: string,
    conversation: VkConversation | undefined,
  ): Promise<RemoteChatState> => {
    if (conversation?.peer.type !== 'chat') {
      return { available: false, chatId, reason: 'not-found' };
    }
    const state = conversation.chat_settings?.state;
    if (state === 'kicked') {
      return { available: false, chatId, reason: 'kicked' };
    }
    if (state === 'left' || state === 'out') {
      return { available: false, chatId, reason: 'left' };
    }
    return members(chatId, conversation);
  };

  const getChats = async (chatIds: readonly string[]): Promise<Map<string, RemoteChatState>> => {
    const out = new Map<string, RemoteChatState>();
    const valid: { chatId: string; peerId: number }[] = [];
    for (const chatId of chatIds) {
      const number = chatIdNumber(chatId);
      if (number === undefined) {
        out.set(chatId, { available: false, chatId, reason: 'not-found' });
      } else {
        valid.push({ chatId, peerId: chatPeerId(number) });
      }
    }
    const chunks: (typeof valid)[] = [];
    for (let start = 0; start < valid.length; start += 100) {
      chunks.push(valid.slice(start, start + 100));
    }
    const conversations = new Map<number, VkConversation>();
    await Promise.all(
      chunks.map(async (chunk) => {
        const answer = await batcher.call(
          'messages.getConversationsById',
          { peer_ids: chunk.map((item) => item.peerId), ...group },
          { schema: getConversationsByIdResponse },
        );
        for (const item of answer.items) {
          conversations.set(item.peer.id, item);
        }
      }),
    );
    const states = await Promise.all(
      valid.map(({ chatId, peerId }) => stateOf(chatId, conversations.get(peerId))),
    );
    for (const state of states) {
      out.set(state.chatId, state);
    }
    return out;
  };

  const refusedAll = (ids: readonly string[], reason: NonNullable<ReturnType<typeof memberRefusal>>) =>
    new Map(ids.map((id) => [id, { ok: false as const, reason }]));

  const transport: ChatTransport = {
    kind: 'vk',
    network: 'vk',
    capabilities,
    getChats,
    async findChatsByTitle(titles) {
      const wanted = new Set(titles);
      const found = new Map<string, string[]>();
      for (let page = 0; page < maxPages; page += 1) {
        const answer = await vk.messages.getConversations({ offset: page * 200, count: 200, filter: 'all' });
        for (const { conversation } of answer.items) {
          const title = conversation.chat_settings?.title;
          const chatId = conversation.peer.local_id ?? conversation.peer.id - 2_000_000_000;
          if (conversation.peer.type === 'chat' && title !== undefined && wanted.has(title) && chatId > 0) {
            found.set(title, [...(found.get(title) ?? []), String(chatId)]);
          }
        }
        if (answer.items.length < 200 || (page + 1) * 200 >= answer.count) {
          break;
        }
      }
      const ids = [...found.values()].flat();
      const states = ids.length > 0 ? await getChats(ids) : new Map<string, RemoteChatState>();
      const out = new Map<string, RemoteChat[]>();
      for (const [title, chatIds] of found) {
        out.set(
          title,
          chatIds.flatMap((chatId) => {
            const state = states.get(chatId);
            return state?.available ? [state] : [];
          }),
        );
      }
      return out;
    },
    async createChat(input, signal): Promise<CreatedChat> {
      const userIds = input.memberIds.map(Number);
      try {
        // Through the batcher: a district's creates travel 25 to an `execute`. An execute holding a
        // create is never repeated after an ambiguous failure (as a plain create is not): the sync
        // looks such chats up by title.
        const created = await batcher.call(
          'messages.createChat',
          { title: input.title, ...(userIds.length > 0 ? { user_ids: userIds } : {}), ...group },
          { schema: createChatResponse, ...(signal ? { signal } : {}) },
        );
        const added = created.peer_ids === undefined ? undefined : new Set(created.peer_ids.map(String));
        const refused = new Map<string, MemberOutcome & { ok: false }>();
        for (const id of input.memberIds) {
          if (added !== undefined && !added.has(id)) {
            refused.set(id, { ok: false, reason: 'not-allowed' });
          }
        }
        return { chatId: String(created.chat_id), refused };
      } catch (error) {
        // VK refused because of a member: VK did not create the chat, so create it empty and invite them.
        const reason = error instanceof VkApiError ? memberRefusal(error.vkCode) : undefined;
        if (reason === undefined || userIds.length === 0) {
          throw error;
        }
        const created = await vk.messages.createChat({ title: input.title }, signal ? { signal } : {});
        return { chatId: String(created.chat_id), refused: refusedAll(input.memberIds, reason) };
      }
    },
    async renameChat(chatId, title, signal) {
      await vk.messages.editChat({ chat_id: Number(chatId), title }, signal ? { signal } : {});
    },
    async addMember(chatId, userId, signal) {
      try {
        await vk.messages.addChatUser(
          { chat_id: Number(chatId), user_id: Number(userId) },
          signal ? { signal } : {},
        );
        return { ok: true };
      } catch (error) {
        const reason = error instanceof VkApiError ? memberRefusal(error.vkCode) : undefined;
        if (reason === undefined) {
          throw error;
        }
        return { ok: false, reason, message: (error as VkApiError).vkMessage };
      }
    },
    async removeMember(chatId, userId, signal) {
      try {
        await vk.messages.removeChatUser(
          { chat_id: Number(chatId), member_id: Number(userId) },
          signal ? { signal } : {},
        );
        return { ok: true };
      } catch (error) {
        if (error instanceof VkApiError && error.vkCode === VK_ERROR.USER_NOT_IN_CHAT) {
          return { ok: true }; // already out: the wanted state
        }
        throw error;
      }
    },
    async inviteLink(chatId, linkOptions, signal) {
      const number = chatIdNumber(chatId);
      if (number === undefined) {
        return undefined;
      }
      try {
        const { link } = await vk.messages.getInviteLink(
          { peer_id: chatPeerId(number), ...(linkOptions.reset ? { reset: true } : {}) },
          signal ? { signal } : {},
        );
        return link;
      } catch (error) {
        if (error instanceof VkApiError && error.vkCode === VK_ERROR.INVITE_LINK_HIDDEN) {
          return undefined;
        }
        throw error;
      }
    },
    async sendMessage(chatId, message, signal) {
      const number = Number(chatId);
      const result = await vk.messages.send(
        { peer_id: chatPeerId(number), message: message.text },
        { idempotencyKey: message.idempotencyKey, ...(signal ? { signal } : {}) },
      );
      return { messageId: String(typeof result === 'number' ? result : (result[0]?.message_id ?? '')) };
    },
  };
  if (callsVk !== undefined) {
    const asCommunity = options.callsAsCommunity ?? vk.groupId !== undefined;
    transport.startCall = async (_chatId, signal) => {
      const call = await callsVk.calls.start(
        asCommunity && vk.groupId !== undefined ? { group_id: vk.groupId } : {},
        signal ? { signal } : {},
      );
      return { callId: call.call_id ?? '', joinLink: call.join_link };
    };
    transport.finishCall = async (callId, signal) => {
      await callsVk.calls.forceFinish({ call_id: callId }, signal ? { signal } : {});
    };
  }
  return transport;
}
