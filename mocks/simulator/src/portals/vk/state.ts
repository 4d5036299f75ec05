/**
 * The vk portal's state: VK users, communities, tokens, chats with members and messages, calls,
 * the random_id window, captcha challenges and per-token buckets. Every table keyed by something a
 * request carries is a Map; snapshots clone it as it is.
 */
import type { BucketState } from '@goskit/core';
import type { VkAccount } from '../../services/vk-accounts.js';

export type VkUser = VkAccount;

export type VkTokenKind = 'user' | 'community' | 'service';

export interface VkTokenRecord {
  token: string;
  kind: VkTokenKind;
  /** User id, community id (positive) or application id. */
  ownerId: number;
  /** 'messages', 'manage', 'groups', 'offline'… */
  scopes: string[];
  /** Where it came from: the demo data, `data.vk.tokens`, or the control API. */
  source: 'demo' | 'data';
}

export interface VkCommunity {
  id: number;
  name: string;
  screenName: string;
  /** Users who administer the community (may act for it: calls.start with group_id). */
  adminIds: number[];
  /** The roster organisation it belongs to, when it is a school's community. */
  organisationOid?: string;
}

export interface VkChatMember {
  /** User id, or -group_id for a community. */
  memberId: number;
  invitedBy: number;
  /** Unix seconds. */
  joinDate: number;
  isAdmin: boolean;
  isOwner: boolean;
}

export interface VkMessage {
  id: number;
  conversationMessageId: number;
  peerId: number;
  fromId: number;
  text: string;
  /** Unix seconds. */
  date: number;
  randomId: string;
  attachment?: string;
}

export interface VkChat {
  id: number;
  title: string;
  /** Member id of the creator (-group_id for a community). */
  ownerId: number;
  /** By member id, in join order. */
  members: Map<number, VkChatMember>;
  /** Users who left by themselves: only they can come back (by the invite link). */
  left: Set<number>;
  /** Code of the current invite link (https://vk.me/join/<code>). */
  inviteCode: string;
  /** Unix seconds. */
  createdAt: number;
  /** The last messages (bounded); `messageCount` counts all. */
  messages: VkMessage[];
  messageCount: number;
}

export interface VkCall {
  id: string;
  joinLink: string;
  initiatorId: number;
  /** The community the call was started for (calls.start group_id). */
  groupId?: number;
  /** Unix seconds. */
  startedAt: number;
  finishedAt?: number;
}

/** A send remembered for random_id idempotency. */
export interface SentMessage {
  messageId: number;
  peerId: number;
  conversationMessageId: number;
  atMs: number;
}

export interface ArmedCaptcha {
  id: string;
  /** Only calls of this method (also inside execute); every method when absent. */
  method?: string;
  remaining: number;
  form: 'legacy' | 'redirect';
}

export interface CaptchaChallenge {
  sid: string;
  form: 'legacy' | 'redirect';
  /** Legacy: the text on the picture, to be sent back as captcha_key. */
  answer: string;
  /** Redirect form: what the not_robot_captcha page hands out, sent back as success_token. */
  successToken: string;
  method: string;
  createdMs: number;
}

/** How a demo chat relates to the registry a school system computes. */
export interface VkDemoChat {
  chatId: number;
  title: string;
  kind: 'CLASS' | 'PARENTS' | 'TEACHER';
  /** Roster class id, for CLASS and PARENTS. */
  classId?: string;
  /** What the registry would call it, when the title in VK differs (a rename waiting). */
  registryTitle?: string;
}

export interface VkState {
  /** «Демо школа»'s community and chats; undefined with `data.vk.demo: false`. */
  demo: { groupId: number; chats: VkDemoChat[] } | undefined;
  users: Map<number, VkUser>;
  /** Roster person id → VK user id. */
  usersByPerson: Map<string, number>;
  communities: Map<number, VkCommunity>;
  tokens: Map<string, VkTokenRecord>;
  chats: Map<number, VkChat>;
  /** Invite code → chat id (the current link only). */
  invites: Map<string, number>;
  nextChatId: number;
  nextMessageId: number;
  /** Messages to users and communities (not chats), bounded. */
  direct: VkMessage[];
  /** `${fromId}:${peerId}:${randomId}` → the first send, within the random_id window. */
  sent: Map<string, SentMessage>;
  calls: Map<string, VkCall>;
  armedCaptchas: ArmedCaptcha[];
  /** By captcha_sid (legacy) or session_token (redirect form). */
  captchas: Map<string, CaptchaChallenge>;
  /** success_token → session_token. */
  captchaTokens: Map<string, string>;
  nextCaptchaRule: number;
  /** The 3 req/s tier of user and service tokens (the engine's limiter holds the 20 req/s one). */
  userBuckets: Map<string, BucketState>;
}

/** Messages kept per chat and in `direct`. */
export const MAX_MESSAGES_KEPT = 1000;
/** random_id entries kept at most (the oldest go first). */
export const MAX_SENT_KEPT = 100_000;
/** Captcha challenges kept at most. */
export const MAX_CAPTCHAS_KEPT = 1000;

export const PEER_CHAT_OFFSET = 2_000_000_000;

export function emptyVkState(): VkState {
  return {
    demo: undefined,
    users: new Map(),
    usersByPerson: new Map(),
    communities: new Map(),
    tokens: new Map(),
    chats: new Map(),
    invites: new Map(),
    nextChatId: 1,
    nextMessageId: 1,
    direct: [],
    sent: new Map(),
    calls: new Map(),
    armedCaptchas: [],
    captchas: new Map(),
    captchaTokens: new Map(),
    nextCaptchaRule: 1,
    userBuckets: new Map(),
  };
}
