/**
 * The chat sync's transport over the MAX Bot API. A MAX bot cannot create chats or list them
 * (`createChat` and `findChatsByTitle` are false): the plan asks a person to create each chat, and the
 * registry learns it from `bot_added` (`maxRegistryUpdates`). Reads are `GET /chats/{id}` plus its
 * members by marker; a chat the bot is not in (403 `chat.denied`) is out of reach, a 404 or a removed
 * chat is gone. Adds go one user at a time so each refusal (privacy, not found, the 09.2026
 * restriction, a bot without `add_remove_members`) is reported for that person. The invite link is
 * MAX's read-only `Chat.link`. Sends are idempotent per key (MAX has no `random_id`): the key is
 * marked pending before the send; after an ambiguous failure, and before a repeat of a pending key,
 * the chat's latest messages are searched for the bot's one with that text — sent only if none is.
 */
import { type KeyValueStore, MemoryStore } from '@goskit/core';
import type { MaxClient } from '../max/create-max-client.js';
import { isMaxApiError } from '../max/errors/max-api-error.js';
import type { MaxChat } from '../max/models.js';
import type {
  ChatTransport,
  ChatTransportCapabilities,
  MemberOutcome,
  RemoteChatState,
} from '../sync/chat-transport.js';
import { maxMemberRefusal } from './max-member-refusal.js';

export interface MaxChatTransportOptions {
  /** The school bot's client. */
  max: MaxClient;
  /**
   * Keeps the message id of every idempotency key sent (`KeyValueStore`, Redis in production), so a
   * repeated send posts nothing. Default: in memory (one process).
   */
  store?: KeyValueStore;
  /** Key prefix in `store`. Default 'goskit:sferum:max:sent:'. */
  storePrefix?: string;
  /** How long a sent key is remembered, ms. Default 30 days. */
  sentTtlMs?: number;
  /** False when the bot has no `add_remove_members` anywhere: everyone gets the chat link. Default true. */
  addMembers?: boolean;
  /** Chats read at once by `getChats`. Default 4. */
  concurrency?: number;
}

/** MAX: a title is 1–200 characters (`PATCH /chats/{id}`). */
const MAX_TITLE = 200;
const MESSAGE_SEARCH = 50;
/** A send under way or of unknown outcome. */
const PENDING = '\u0000pending';

function chatIdOf(chatId: string): number | undefined {
  const value = Number(chatId);
  return /^-?[1-9]\d{0,18}$/.test(chatId) && Number.isSafeInteger(value) ? value : undefined;
}

function userIdOf(userId: string): number | undefined {
  const value = Number(userId);
  return /^[1-9]\d{0,18}$/.test(userId) && Number.isSafeInteger(value) ? value : undefined;
}

export function createMaxChatTransport(options: MaxChatTransportOptions): ChatTransport {
  const { max } = options;
  const sent: KeyValueStore = options.store ?? new MemoryStore();
  const prefix = options.storePrefix ?? 'goskit:sferum:max:sent:';
  const sentTtlMs = options.sentTtlMs ?? 30 * 86_400_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let botId: Promise<number> | undefined;
  const ownId = () => {
    botId ??= max.getMe().then(
      (me) => me.user_id,
      (error: unknown) => {
        botId = undefined;
        throw error;
      },
    );
    return botId;
  };
  const capabilities: ChatTransportCapabilities = {
    createChat: false,
    membersOnCreate: false,
    renameChat: true,
    addMembers: options.addMembers ?? true,
    removeMembers: true,
    inviteLink: 'read-only',
    findChatsByTitle: false,
    sendMessages: true,
    calls: false,
    maxTitleLength: MAX_TITLE,
  };
  const signalOf = (signal: AbortSignal | undefined) => (signal === undefined ? {} : { signal });

  const unavailable = (chatId: string, error: unknown): RemoteChatState => {
    if (isMaxApiError(error) && (error.status === 404 || error.maxCode === 'not.found')) {
      return { available: false, chatId, reason: 'not-found' };
    }
    if (isMaxApiError(error) && (error.status === 403 || error.maxCode === 'chat.denied')) {
      return { available: false, chatId, reason: 'no-access' };
    }
    throw error;
  };

  const stateOf = async (chatId: string, signal: AbortSignal | undefined): Promise<RemoteChatState> => {
    const id = chatIdOf(chatId);
    if (id === undefined) {
      return { available: false, chatId, reason: 'not-found' };
    }
    let chat: MaxChat;
    try {
      chat = await max.getChat(id, signalOf(signal));
    } catch (error) {
      return unavailable(chatId, error);
    }
    if (chat.status === 'left') {
      return { available: false, chatId, reason: 'left' };
    }
    if (chat.status !== 'active' || chat.type !== 'chat') {
      return { available: false, chatId, reason: 'not-found' };
    }
    const memberIds: string[] = [];
    const adminIds: string[] = [];
    try {
      for await (const member of max.members(id, { pageSize: 100, ...signalOf(signal) })) {
        if (member.is_bot) {
          continue;
        }
        memberIds.push(String(member.user_id));
        if (member.is_admin || member.is_owner) {
          adminIds.push(String(member.user_id));
        }
      }
    } catch (error) {
      return unavailable(chatId, error);
    }
    if (typeof chat.owner_id === 'number' && !adminIds.includes(String(chat.owner_id))) {
      adminIds.push(String(chat.owner_id));
    }
    return { available: true, chatId, title: chat.title ?? '', memberIds, adminIds };
  };

  const sentKey = (key: string) => `${prefix}${key}`;

  /** The bot's message with this text among the chat's latest, if MAX shows one. */
  const findSent = async (chatId: number, text: string, signal: AbortSignal | undefined) => {
    const me = await ownId();
    const recent = await max.listMessages({ chatId, count: MESSAGE_SEARCH, ...signalOf(signal) });
    return recent.find((message) => message.sender?.user_id === me && message.body.text === text);
  };

  return {
    kind: 'max',
    network: 'max',
    capabilities,
    async getChats(chatIds, signal) {
      const out = new Map<string, RemoteChatState>();
      const queue = [...new Set(chatIds)];
      const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let chatId = queue.shift(); chatId !== undefined; chatId = queue.shift()) {
          out.set(chatId, await stateOf(chatId, signal));
        }
      });
      await Promise.all(workers);
      return out;
    },
    async renameChat(chatId, title, signal) {
      await max.editChat(chatId, { title }, signalOf(signal));
    },
    async addMember(chatId, userId, signal): Promise<MemberOutcome> {
      const user = userIdOf(userId);
      if (user === undefined) {
        return { ok: false, reason: 'not-found', message: 'not a MAX user id' };
      }
      try {
        const result = await max.addMembers(chatId, [user], signalOf(signal));
        const refusal = result.refused.find((item) => item.userId === user);
        return refusal === undefined
          ? { ok: true }
          : { ok: false, reason: maxMemberRefusal(refusal.errorCode), message: refusal.errorCode };
      } catch (error) {
        // The bot lacks add_remove_members in this chat (or the chat is a channel): a refusal to report.
        if (isMaxApiError(error) && (error.maxCode === 'chat.denied' || error.maxCode === 'proto.payload')) {
          return { ok: false, reason: 'no-access', message: error.maxCode };
        }
        throw error;
      }
    },
    async removeMember(chatId, userId, signal): Promise<MemberOutcome> {
      const user = userIdOf(userId);
      if (user === undefined) {
        return { ok: true };
      }
      try {
        await max.removeMember(chatId, user, signalOf(signal));
        return { ok: true };
      } catch (error) {
        if (isMaxApiError(error) && error.maxCode === 'not.found') {
          return { ok: true }; // not in the chat: the wanted state
        }
        if (isMaxApiError(error) && error.maxCode === 'chat.denied') {
          return { ok: false, reason: 'no-access', message: error.maxCode };
        }
        throw error;
      }
    },
    async inviteLink(chatId, _linkOptions, signal) {
      const id = chatIdOf(chatId);
      if (id === undefined) {
        return undefined;
      }
      const chat = await max.getChat(id, signalOf(signal));
      return typeof chat.link === 'string' && chat.link !== '' ? chat.link : undefined;
    },
    async sendMessage(chatId, message, signal) {
      const id = chatIdOf(chatId);
      if (id === undefined) {
        throw new TypeError('sendMessage: chatId is not a MAX chat id');
      }
      const key = sentKey(message.idempotencyKey);
      const stored = await sent.get(key);
      if (typeof stored === 'string' && stored !== PENDING) {
        return { messageId: stored };
      }
      const remember = async (messageId: string) => {
        await sent.set(key, messageId, { ttlMs: sentTtlMs });
        return { messageId };
      };
      if (stored === PENDING) {
        // An earlier attempt may have posted it: look first, and send only when MAX shows nothing.
        const found = await findSent(id, message.text, signal);
        if (found !== undefined) {
          return remember(found.body.mid);
        }
      }
      await sent.set(key, PENDING, { ttlMs: sentTtlMs });
      try {
        const posted = await max.sendMessage({ chatId: id }, { text: message.text }, signalOf(signal));
        return remember(posted.body.mid);
      } catch (error) {
        // MAX refused it (4xx): nothing was posted. Anything else may have posted it: look now.
        if (isMaxApiError(error) && error.status < 500) {
          await sent.delete(key);
          throw error;
        }
        const found = await findSent(id, message.text, signal).catch(() => undefined);
        if (found === undefined) {
          throw error; // still pending: a repeat with this key looks before it sends
        }
        return remember(found.body.mid);
      }
    },
  };
}
