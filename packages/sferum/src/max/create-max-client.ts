/**
 * `createMaxClient(options)`: the MAX Bot API on core's transport — the bot itself, chats, members and
 * admins, messages and callback answers, two-step uploads, webhook subscriptions and updates (one poll,
 * or a poller that commits a marker only after its batch is handled). A bot cannot create chats and
 * cannot list them (`GET /chats` is gone since June 2026): it learns each chat from `bot_added`.
 */
import type { Paginated } from '@goskit/core';
import { type CallOptions, createMaxContext } from './context.js';
import type { MaxId } from './ids.js';
import type { MaxRateLimiter } from './limiter.js';
import { type AdminGrant, addAdmins, listAdmins, removeAdmin } from './methods/admins.js';
import { answerCallback, type CallbackAnswer } from './methods/answers.js';
import { getMe } from './methods/bot.js';
import {
  type EditChatInput,
  editChat,
  getChat,
  getMembership,
  getPinnedMessage,
  leaveChat,
  pinMessage,
  sendAction,
  unpinMessage,
} from './methods/chats.js';
import {
  type AddMembersResult,
  addMembers,
  iterateMembers,
  type ListMembersOptions,
  listMembers,
  type MembersPage,
  removeMember,
} from './methods/members.js';
import {
  deleteMessage,
  editMessage,
  getMessage,
  type ListMessagesOptions,
  listMessages,
  type MessageTarget,
  type NewMessage,
  type SendOptions,
  sendMessage,
} from './methods/messages.js';
import { listChatsRemoved } from './methods/removed.js';
import { listSubscriptions, type SubscribeInput, subscribe, unsubscribe } from './methods/subscriptions.js';
import { type UploadedFile, type UploadInput, upload } from './methods/uploads.js';
import type {
  MaxBotInfo,
  MaxChat,
  MaxChatMember,
  MaxMessage,
  MaxSenderAction,
  MaxSubscription,
} from './models.js';
import type { MaxClientOptions } from './options.js';
import { type GetUpdatesOptions, getUpdates, type UpdatesBatch } from './updates/get-updates.js';
import { type PollingOptions, startPolling, type UpdatePoller } from './updates/poller.js';

export interface MaxClient {
  readonly baseUrl: string;
  /** The limiter every call waits on (per token; per chat for sends). */
  readonly rateLimiter: MaxRateLimiter;
  getMe(options?: CallOptions): Promise<MaxBotInfo>;
  /** Always throws `ENDPOINT_REMOVED`: MAX no longer lists a bot's chats; keep ids from `bot_added`. */
  listChats(): never;
  getChat(chatId: MaxId, options?: CallOptions): Promise<MaxChat>;
  editChat(chatId: MaxId, input: EditChatInput, options?: CallOptions): Promise<MaxChat>;
  sendAction(chatId: MaxId, action: MaxSenderAction, options?: CallOptions): Promise<void>;
  getPinnedMessage(chatId: MaxId, options?: CallOptions): Promise<MaxMessage | null>;
  pinMessage(chatId: MaxId, messageId: string, options?: CallOptions & { notify?: boolean }): Promise<void>;
  unpinMessage(chatId: MaxId, options?: CallOptions): Promise<void>;
  /** The bot's own membership: is it an admin, with which permissions. */
  getMembership(chatId: MaxId, options?: CallOptions): Promise<MaxChatMember>;
  leaveChat(chatId: MaxId, options?: CallOptions): Promise<void>;
  listMembers(chatId: MaxId, options?: ListMembersOptions): Promise<MembersPage>;
  members(chatId: MaxId, options?: { pageSize?: number; signal?: AbortSignal }): Paginated<MaxChatMember>;
  /** Refusals per user come back as data (`refused`), not as an exception. */
  addMembers(chatId: MaxId, userIds: readonly MaxId[], options?: CallOptions): Promise<AddMembersResult>;
  removeMember(chatId: MaxId, userId: MaxId, options?: CallOptions & { block?: boolean }): Promise<void>;
  listAdmins(chatId: MaxId, options?: CallOptions): Promise<MaxChatMember[]>;
  addAdmins(chatId: MaxId, admins: readonly AdminGrant[], options?: CallOptions): Promise<void>;
  removeAdmin(chatId: MaxId, userId: MaxId, options?: CallOptions): Promise<void>;
  sendMessage(target: MessageTarget, message: NewMessage, options?: SendOptions): Promise<MaxMessage>;
  editMessage(messageId: string, message: NewMessage, options?: CallOptions): Promise<void>;
  deleteMessage(messageId: string, options?: CallOptions): Promise<void>;
  getMessage(messageId: string, options?: CallOptions): Promise<MaxMessage>;
  listMessages(options: ListMessagesOptions): Promise<MaxMessage[]>;
  answerCallback(callbackId: string, answer: CallbackAnswer, options?: CallOptions): Promise<void>;
  upload(input: UploadInput): Promise<UploadedFile>;
  listSubscriptions(options?: CallOptions): Promise<MaxSubscription[]>;
  subscribe(input: SubscribeInput): Promise<void>;
  unsubscribe(url: string, options?: CallOptions): Promise<void>;
  /** One poll; pass the returned marker only once its updates are handled. */
  getUpdates(options?: GetUpdatesOptions): Promise<UpdatesBatch>;
  /** Polls until stopped, committing each batch's marker only after its handlers finished. */
  startPolling(options: PollingOptions): UpdatePoller;
}

/**
 * @example
 * const max = createMaxClient({ token: process.env.MAX_BOT_TOKEN! });
 * const poller = max.startPolling({
 *   onUpdate: async (update) => {
 *     if (update.update_type === 'bot_added') await registry.rememberChat(update.chat_id);
 *   },
 * });
 * await max.sendMessage({ chatId: -70000000000005 }, { text: 'Здравствуйте!' });
 */
export function createMaxClient(options: MaxClientOptions): MaxClient {
  const context = createMaxContext(options);
  return {
    baseUrl: context.baseUrl,
    rateLimiter: context.limiter,
    getMe: (callOptions) => getMe(context, callOptions),
    listChats: listChatsRemoved,
    getChat: (chatId, callOptions) => getChat(context, chatId, callOptions),
    editChat: (chatId, input, callOptions) => editChat(context, chatId, input, callOptions),
    sendAction: (chatId, action, callOptions) => sendAction(context, chatId, action, callOptions),
    getPinnedMessage: (chatId, callOptions) => getPinnedMessage(context, chatId, callOptions),
    pinMessage: (chatId, messageId, callOptions) => pinMessage(context, chatId, messageId, callOptions),
    unpinMessage: (chatId, callOptions) => unpinMessage(context, chatId, callOptions),
    getMembership: (chatId, callOptions) => getMembership(context, chatId, callOptions),
    leaveChat: (chatId, callOptions) => leaveChat(context, chatId, callOptions),
    listMembers: (chatId, listOptions) => listMembers(context, chatId, listOptions),
    members: (chatId, iterateOptions) => iterateMembers(context, chatId, iterateOptions),
    addMembers: (chatId, userIds, callOptions) => addMembers(context, chatId, userIds, callOptions),
    removeMember: (chatId, userId, callOptions) => removeMember(context, chatId, userId, callOptions),
    listAdmins: (chatId, callOptions) => listAdmins(context, chatId, callOptions),
    addAdmins: (chatId, admins, callOptions) => addAdmins(context, chatId, admins, callOptions),
    removeAdmin: (chatId, userId, callOptions) => removeAdmin(context, chatId, userId, callOptions),
    sendMessage: (target, message, sendOptions) => sendMessage(context, target, message, sendOptions),
    editMessage: (messageId, message, callOptions) => editMessage(context, messageId, message, callOptions),
    deleteMessage: (messageId, callOptions) => deleteMessage(context, messageId, callOptions),
    getMessage: (messageId, callOptions) => getMessage(context, messageId, callOptions),
    listMessages: (listOptions) => listMessages(context, listOptions),
    answerCallback: (callbackId, answer, callOptions) =>
      answerCallback(context, callbackId, answer, callOptions),
    upload: (input) => upload(context, input),
    listSubscriptions: (callOptions) => listSubscriptions(context, callOptions),
    subscribe: (input) => subscribe(context, input),
    unsubscribe: (url, callOptions) => unsubscribe(context, url, callOptions),
    getUpdates: (updatesOptions) => getUpdates(context, updatesOptions),
    startPolling: (pollingOptions) => startPolling(context, pollingOptions),
  };
}
