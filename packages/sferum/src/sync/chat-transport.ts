/**
 * The messenger behind the sync. VK implements it now (`createVkChatTransport`); MAX will — with
 * `createChat: false`, because a MAX bot cannot create chats, so the plan asks a person to create
 * each chat with its exact title instead. Ids are strings so that every messenger fits: a VK chat
 * id, a negative MAX chat id, a VK or MAX user id.
 */
import type { LinkNetwork } from '../links/person-link.js';

export interface ChatTransportCapabilities {
  /** The transport can create chats; false: a person must create them (MAX). */
  createChat: boolean;
  /** createChat takes the first members (VK: `user_ids`). */
  membersOnCreate: boolean;
  renameChat: boolean;
  /** Members can be added later (VK: user tokens only; MAX: with `add_remove_members`). */
  addMembers: boolean;
  removeMembers: boolean;
  /** `rotatable` (VK getInviteLink with reset), `read-only` (MAX `Chat.link`), `none`. */
  inviteLink: 'rotatable' | 'read-only' | 'none';
  /** Chats can be listed and matched by title — how an interrupted create is reconciled. */
  findChatsByTitle: boolean;
  /** Messages can be posted (join links, lesson notices). */
  sendMessages: boolean;
  /** Calls can be started and finished. */
  calls: boolean;
  maxTitleLength: number;
}

/** A chat as the messenger shows it now. */
export interface RemoteChat {
  available: true;
  chatId: string;
  title: string;
  /** Users in the chat (people only: no communities or bots). */
  memberIds: readonly string[];
  /** Owner and admins: never removed by the sync. */
  adminIds: readonly string[];
}

export interface UnavailableChat {
  available: false;
  chatId: string;
  /** `not-found`: gone; `no-access`: the transport was removed or lost rights; `left`/`kicked`. */
  reason: 'not-found' | 'no-access' | 'left' | 'kicked';
}

export type RemoteChatState = RemoteChat | UnavailableChat;

/** Why a member could not be added or removed. */
export type MemberRefusal = 'privacy' | 'not-found' | 'not-allowed' | 'no-access' | 'restricted';

export type MemberOutcome = { ok: true } | { ok: false; reason: MemberRefusal; message?: string };

export interface CreateChatInput {
  title: string;
  memberIds: readonly string[];
}

export interface CreatedChat {
  chatId: string;
  /** Members the messenger refused at creation, with why. */
  refused: ReadonlyMap<string, MemberOutcome & { ok: false }>;
}

export interface ChatTransport {
  /** 'vk', 'max' — part of the registry scope. */
  readonly kind: string;
  /** Whose user ids the transport speaks: links are looked up in this network. */
  readonly network: LinkNetwork;
  readonly capabilities: ChatTransportCapabilities;
  /** The state of known chats, by chat id; ids it cannot see come back unavailable. */
  getChats(chatIds: readonly string[], signal?: AbortSignal): Promise<Map<string, RemoteChatState>>;
  /** Chats whose title is exactly one of `titles` (`capabilities.findChatsByTitle`). */
  findChatsByTitle?(titles: readonly string[], signal?: AbortSignal): Promise<Map<string, RemoteChat[]>>;
  createChat?(input: CreateChatInput, signal?: AbortSignal): Promise<CreatedChat>;
  renameChat?(chatId: string, title: string, signal?: AbortSignal): Promise<void>;
  addMember?(chatId: string, userId: string, signal?: AbortSignal): Promise<MemberOutcome>;
  removeMember?(chatId: string, userId: string, signal?: AbortSignal): Promise<MemberOutcome>;
  inviteLink?(
    chatId: string,
    options: { reset?: boolean },
    signal?: AbortSignal,
  ): Promise<string | undefined>;
  /** Posts a message once per `idempotencyKey` (VK: the key's `random_id`). */
  sendMessage?(
    chatId: string,
    message: { text: string; idempotencyKey: string },
    signal?: AbortSignal,
  ): Promise<{ messageId: string }>;
  startCall?(chatId: string, signal?: AbortSignal): Promise<{ callId: string; joinLink: string }>;
  finishCall?(callId: string, signal?: AbortSignal): Promise<void>;
}
