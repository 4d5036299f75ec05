/**
 * What people do in MAX, which no bot can: create a group (a bot cannot create chats), add the bot to
 * it — the bot learns the chat from `bot_added` — rename it, add and remove members, write, start a
 * dialog with a bot, press a button. Control routes and `maxControl(sim)` both act through these, so
 * every update a bot sees comes from here or from the bot's own calls.
 */
import { SimulatorError } from '../../engine/errors.js';
import type { MaxWorld } from './events.js';
import { broadcast, emit } from './events.js';
import { DIALOG_BASE, GROUP_BASE } from './ids.js';
import { createMessage } from './messages.js';
import {
  type BotRecord,
  type ChatRecord,
  dialogKey,
  type MemberRecord,
  type MessageRecord,
  PERMISSIONS,
  type Permission,
  type UserRecord,
} from './state.js';
import { userView } from './views.js';

/** What a person or the control API asked of MAX that MAX refuses: `status` is the HTTP answer. */
export class MaxControlError extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'MaxControlError';

  readonly status: number;
  readonly field: string;

  constructor(field: string, message: string, status = 400) {
    super('BAD_REQUEST', message);
    this.field = field;
    this.status = status;
  }
}

export interface BotMembership {
  bot: BotRecord;
  /** Default true: a school bot is added as an admin. */
  admin?: boolean;
  /** Default: every permission. */
  permissions?: readonly Permission[];
}

export interface CreateChatInput {
  title: string;
  owner: UserRecord;
  members: readonly UserRecord[];
  bot?: BotMembership | undefined;
  type?: 'chat' | 'channel';
  description?: string;
}

const LINK_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function inviteLink(world: MaxWorld): string {
  let code = '';
  for (let i = 0; i < 22; i += 1) {
    code += LINK_ALPHABET[world.runtime.random.int(0, LINK_ALPHABET.length - 1)];
  }
  return `https://max.ru/join/${code}`;
}

function member(world: MaxWorld, userId: number, role: Partial<MemberRecord> = {}): MemberRecord {
  const now = world.live.now;
  return {
    user_id: userId,
    is_owner: false,
    is_admin: false,
    permissions: null,
    alias: null,
    join_time: now,
    last_access_time: now,
    ...role,
  };
}

export function userOf(world: MaxWorld, userId: number): UserRecord {
  const user = world.state.users.get(userId);
  if (user === undefined) {
    throw new MaxControlError('user', `no MAX user ${userId}`, 404);
  }
  return user;
}

export function createChat(world: MaxWorld, input: CreateChatInput): ChatRecord {
  const { state } = world;
  const title = input.title.trim();
  if (title.length < 1 || title.length > 200) {
    throw new MaxControlError('title', 'title must be 1 to 200 characters');
  }
  state.seq.group += 1;
  const chatId = -(GROUP_BASE + state.seq.group);
  const now = world.live.now;
  const chat: ChatRecord = {
    chat_id: chatId,
    type: input.type ?? 'chat',
    status: 'active',
    title,
    description: input.description ?? null,
    icon: null,
    owner_id: input.owner.user_id,
    is_public: false,
    link: inviteLink(world),
    last_event_time: now,
    members: new Map(),
    messages: [],
    messages_count: 0,
    pinned: null,
    dialog: null,
  };
  chat.members.set(
    input.owner.user_id,
    member(world, input.owner.user_id, { is_owner: true, is_admin: true, permissions: [...PERMISSIONS] }),
  );
  for (const user of input.members) {
    if (!chat.members.has(user.user_id) && !user.is_bot) {
      chat.members.set(user.user_id, member(world, user.user_id));
    }
  }
  state.chats.set(chatId, chat);
  if (input.bot !== undefined) {
    addBot(world, chat, input.bot, input.owner);
  }
  return chat;
}

export function addBot(world: MaxWorld, chat: ChatRecord, membership: BotMembership, by: UserRecord): void {
  const admin = membership.admin ?? true;
  chat.members.set(
    membership.bot.userId,
    member(world, membership.bot.userId, {
      is_admin: admin,
      permissions: admin ? [...(membership.permissions ?? PERMISSIONS)] : null,
    }),
  );
  chat.last_event_time = world.live.now;
  emit(world, membership.bot, {
    update_type: 'bot_added',
    timestamp: world.live.now,
    chat_id: chat.chat_id,
    user: userView(by),
    is_channel: chat.type === 'channel',
  });
}

export function removeBot(world: MaxWorld, chat: ChatRecord, bot: BotRecord, by: UserRecord): void {
  if (!chat.members.delete(bot.userId)) {
    throw new MaxControlError('bot', `the bot is not in chat ${chat.chat_id}`, 404);
  }
  chat.last_event_time = world.live.now;
  emit(world, bot, {
    update_type: 'bot_removed',
    timestamp: world.live.now,
    chat_id: chat.chat_id,
    user: userView(by),
    is_channel: chat.type === 'channel',
  });
}

export function renameChat(world: MaxWorld, chat: ChatRecord, title: string, by: UserRecord): void {
  const trimmed = title.trim();
  if (trimmed.length < 1 || trimmed.length > 200) {
    throw new MaxControlError('title', 'title must be 1 to 200 characters');
  }
  chat.title = trimmed;
  chat.last_event_time = world.live.now;
  broadcast(world, chat, 'all-bots', {
    update_type: 'chat_title_changed',
    timestamp: world.live.now,
    chat_id: chat.chat_id,
    user: userView(by),
    title: trimmed,
  });
}

/** Adds people; returns those who were not members yet. A bot in `users` is added as a plain member. */
export function addUsers(
  world: MaxWorld,
  chat: ChatRecord,
  users: readonly UserRecord[],
  by: UserRecord | null,
  except?: number,
): UserRecord[] {
  const added: UserRecord[] = [];
  for (const user of users) {
    if (chat.members.has(user.user_id)) {
      continue;
    }
    chat.members.set(user.user_id, member(world, user.user_id));
    added.push(user);
    chat.last_event_time = world.live.now;
    broadcast(
      world,
      chat,
      'readers',
      {
        update_type: 'user_added',
        timestamp: world.live.now,
        chat_id: chat.chat_id,
        user: userView(user),
        inviter_id: by?.user_id ?? null,
        is_channel: chat.type === 'channel',
      },
      except,
    );
  }
  return added;
}

export function removeUser(world: MaxWorld, chat: ChatRecord, user: UserRecord, by: UserRecord | null): void {
  if (chat.owner_id === user.user_id) {
    throw new MaxControlError('user', 'the owner cannot be removed from the chat', 409);
  }
  const bot = world.state.bots.get(user.user_id);
  if (bot !== undefined && by !== null) {
    removeBot(world, chat, bot, by);
    return;
  }
  if (!chat.members.delete(user.user_id)) {
    throw new MaxControlError('user', `user ${user.user_id} is not in chat ${chat.chat_id}`, 404);
  }
  chat.last_event_time = world.live.now;
  broadcast(world, chat, 'readers', {
    update_type: 'user_removed',
    timestamp: world.live.now,
    chat_id: chat.chat_id,
    user: userView(user),
    admin_id: by?.user_id ?? null,
    is_channel: chat.type === 'channel',
  });
}

/** A person writes `count` messages (the same text, numbered when count > 1). */
export function post(
  world: MaxWorld,
  chat: ChatRecord,
  user: UserRecord,
  text: string,
  count = 1,
): MessageRecord[] {
  if (!chat.members.has(user.user_id)) {
    throw new MaxControlError('from', `user ${user.user_id} is not in chat ${chat.chat_id}`, 403);
  }
  const made: MessageRecord[] = [];
  for (let i = 1; i <= count; i += 1) {
    const record = createMessage(world, chat, user, {
      text: count > 1 ? `${text} #${i}` : text,
      attachments: [],
      link: null,
    });
    made.push(record);
    broadcast(world, chat, 'readers', {
      update_type: 'message_created',
      timestamp: record.json.timestamp,
      message: record.json,
      user_locale: 'ru',
    });
  }
  return made;
}

/** The dialog between a bot and a person, created on first use. */
export function dialogOf(world: MaxWorld, bot: BotRecord, user: UserRecord): ChatRecord {
  const { state } = world;
  const key = dialogKey(bot.userId, user.user_id);
  const existing = state.dialogs.get(key);
  const found = existing === undefined ? undefined : state.chats.get(existing);
  if (found !== undefined) {
    return found;
  }
  state.seq.dialog += 1;
  const chatId = DIALOG_BASE + state.seq.dialog;
  const chat: ChatRecord = {
    chat_id: chatId,
    type: 'dialog',
    status: 'active',
    title: null,
    description: null,
    icon: null,
    owner_id: null,
    is_public: false,
    link: null,
    last_event_time: world.live.now,
    members: new Map([
      [user.user_id, member(world, user.user_id)],
      [bot.userId, member(world, bot.userId)],
    ]),
    messages: [],
    messages_count: 0,
    pinned: null,
    dialog: { botId: bot.userId, userId: user.user_id },
  };
  state.chats.set(chatId, chat);
  state.dialogs.set(key, chatId);
  return chat;
}

/** A person presses «Начать» in a bot's profile: `bot_started`, and the bot may now write to them. */
export function startDialog(
  world: MaxWorld,
  bot: BotRecord,
  user: UserRecord,
  payload: string | null,
): ChatRecord {
  const chat = dialogOf(world, bot, user);
  emit(world, bot, {
    update_type: 'bot_started',
    timestamp: world.live.now,
    chat_id: chat.chat_id,
    user: userView(user),
    payload,
    user_locale: 'ru',
  });
  return chat;
}

/** A person presses a callback button under a bot's message. */
export function pressButton(world: MaxWorld, user: UserRecord, mid: string, payload: string | null): string {
  const { state } = world;
  const message = state.messages.get(mid);
  const bot = message === undefined ? undefined : state.bots.get(message.senderId);
  if (message === undefined || bot === undefined) {
    throw new MaxControlError('mid', `no bot message ${mid.slice(0, 80)}`, 404);
  }
  const chat = state.chats.get(message.chatId);
  if (chat === undefined || !chat.members.has(user.user_id)) {
    throw new MaxControlError('user', `user ${user.user_id} does not see message ${mid.slice(0, 80)}`, 403);
  }
  state.seq.callback += 1;
  const callbackId = `cb.${state.seq.callback.toString(16).padStart(8, '0')}${world.runtime.random.int(0, 0xffffff).toString(16).padStart(6, '0')}`;
  state.callbacks.set(callbackId, { botId: bot.userId, userId: user.user_id, mid, answered: false });
  emit(world, bot, {
    update_type: 'message_callback',
    timestamp: world.live.now,
    callback: { timestamp: world.live.now, callback_id: callbackId, payload, user: userView(user) },
    message: message.json,
    user_locale: 'ru',
  });
  return callbackId;
}
