/**
 * The max portal's state: people and bots as MAX users, chats with their members and messages, each
 * bot's update queue (or its webhook subscription and pending deliveries), uploads and callbacks.
 * Every table keyed by request input is a Map, and everything is structured-cloneable (snapshots);
 * timers and waiting polls live outside, in live.ts.
 */
import type { BucketState } from '@goskit/core';

export type Permission =
  | 'read_all_messages'
  | 'add_remove_members'
  | 'add_admins'
  | 'change_chat_info'
  | 'pin_message'
  | 'edit_link'
  | 'write'
  | 'edit'
  | 'delete'
  | 'can_call'
  | 'view_stats';

export const PERMISSIONS: readonly Permission[] = [
  'read_all_messages',
  'add_remove_members',
  'add_admins',
  'change_chat_info',
  'pin_message',
  'edit_link',
  'write',
  'edit',
  'delete',
  'can_call',
  'view_stats',
];

export type RestrictionMode = 'auto' | 'on' | 'off';

export interface MaxSettings {
  /** Webhook URLs may be http://, on any port, when they point at a loopback address. */
  allowHttpLoopbackWebhooks: boolean;
  /** GET /chats: `removed` (since June 2026) or the legacy list. */
  chatList: 'removed' | 'legacy';
  /** The 09.2026 member-add restriction; `auto` follows the virtual clock. */
  memberAddRestriction: RestrictionMode;
}

export interface UserRecord {
  user_id: number;
  first_name: string;
  last_name: string | null;
  username: string | null;
  is_bot: boolean;
  last_activity_time: number;
  /** The roster persona this user is («teacher-demo»…), for people. */
  personaId: string | null;
  role: string | null;
  /** «Кто может добавлять меня в чаты: только контакты» — adds answer add.participant.privacy. */
  privacy: boolean;
}

export interface MemberRecord {
  user_id: number;
  is_owner: boolean;
  is_admin: boolean;
  permissions: Permission[] | null;
  alias: string | null;
  join_time: number;
  last_access_time: number;
}

export interface ChatRecord {
  chat_id: number;
  type: 'chat' | 'channel' | 'dialog';
  status: 'active' | 'removed';
  title: string | null;
  description: string | null;
  icon: { url: string } | null;
  owner_id: number | null;
  is_public: boolean;
  link: string | null;
  last_event_time: number;
  members: Map<number, MemberRecord>;
  /** Message ids, oldest first (bounded). */
  messages: string[];
  messages_count: number;
  pinned: string | null;
  /** Dialogs: the bot and the person. */
  dialog: { botId: number; userId: number } | null;
}

export interface MessageRecord {
  chatId: number;
  senderId: number;
  /** The message as the API shows it. */
  json: MessageJson;
}

export interface MessageJson {
  sender: Record<string, unknown>;
  recipient: { chat_id: number; chat_type: string; user_id: number | null };
  timestamp: number;
  link: Record<string, unknown> | null;
  body: {
    mid: string;
    seq: number;
    text: string | null;
    attachments: Record<string, unknown>[] | null;
    markup: null;
  };
}

export type UpdateJson = { update_type: string; timestamp: number } & Record<string, unknown>;

export interface LoggedUpdate {
  seq: number;
  update: UpdateJson;
}

export interface UpdateLog {
  /** Uncommitted updates, oldest first; `entries[i].seq === firstSeq + i`. */
  entries: LoggedUpdate[];
  /** Seq the next update gets. */
  nextSeq: number;
  /** Updates dropped because the queue was full (oldest first). */
  dropped: number;
}

export interface SubscriptionRecord {
  url: string;
  secret: string | null;
  update_types: string[] | null;
  version: string | null;
  time: number;
}

export interface DeliveryRecord {
  id: number;
  update: UpdateJson;
  attempts: number;
  /** Virtual ms of the planned next attempt. */
  nextAt: number;
  /** Virtual ms of the first failed attempt (the 8-hour window starts there). */
  firstFailureAt: number | null;
  lastError: string | null;
}

export interface DeliveryEvent {
  at: number;
  botId: number;
  url: string;
  updateType: string;
  outcome: 'delivered' | 'failed' | 'unsubscribed';
  status: number | null;
  error: string | null;
  attempt: number;
}

export interface BotRecord {
  userId: number;
  name: string;
  username: string;
  token: string;
  description: string;
  log: UpdateLog;
  subscription: SubscriptionRecord | null;
  deliveries: DeliveryRecord[];
}

export interface UploadRecord {
  id: string;
  type: 'image' | 'video' | 'audio' | 'file';
  botId: number;
  /** Video and audio get their token at step 1. */
  token: string | null;
  received: boolean;
}

export interface AttachmentToken {
  type: UploadRecord['type'];
  uploadId: string;
  /** Sends still to be answered attachment.not.ready. */
  notReadyLeft: number;
}

export interface CallbackRecord {
  botId: number;
  userId: number;
  mid: string;
  answered: boolean;
}

/** The portal's fixed figures (from its options), kept in the state so every path reads the same ones. */
export interface MaxConfig {
  attachmentNotReadyAttempts: number;
  messagesPerChatPerSecond: number;
  maxQueuedUpdates: number;
  /** Longest real wait of one poll, ms; undefined = the poll's own timeout. */
  maxRealWaitMs: number | null;
  webhook: { firstRetryMs: number; maxRetryMs: number; retryWindowMs: number; attemptTimeoutMs: number };
  tickMs: number;
}

export interface MaxState {
  config: MaxConfig;
  settings: MaxSettings;
  users: Map<number, UserRecord>;
  /** Roster persona id → MAX user id. */
  personas: Map<string, number>;
  bots: Map<number, BotRecord>;
  /** Token → bot user id. */
  tokens: Map<string, number>;
  chats: Map<number, ChatRecord>;
  /** `${botId}:${userId}` → dialog chat id. */
  dialogs: Map<string, number>;
  messages: Map<string, MessageRecord>;
  callbacks: Map<string, CallbackRecord>;
  uploads: Map<string, UploadRecord>;
  attachmentTokens: Map<string, AttachmentToken>;
  /** Per-chat send buckets (2 messages/s), on the virtual clock. */
  sendBuckets: Map<string, BucketState>;
  deliveryLog: DeliveryEvent[];
  seq: { group: number; dialog: number; message: number; upload: number; callback: number; delivery: number };
}

export const dialogKey = (botId: number, userId: number): string => `${botId}:${userId}`;
