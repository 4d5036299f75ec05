/**
 * Acting as people, in process and over HTTP alike: `maxControl(sim)` returns the actions, and the
 * control routes (/__goskit/max/…) call the same ones. People and bots are named by MAX user id, by
 * roster persona id ('teacher-demo'), or — bots — by username. Bad input is a `MaxControlError`
 * naming the field; the routes answer it as 400/403/404/409 JSON.
 */
import { portalRuntimeOf } from '../../engine/portal-runtime-of.js';
import type { PortalRuntime, Simulator } from '../../engine/types.js';
import { type MaxWorld, worldOf } from './events.js';
import { RESTRICTION_STARTS_AT, restrictionActive } from './options.js';
import {
  addBot,
  addUsers,
  createChat,
  MaxControlError,
  post,
  pressButton,
  removeBot,
  removeUser,
  renameChat,
  startDialog,
} from './people.js';
import {
  type BotRecord,
  type ChatRecord,
  type MaxSettings,
  type MaxState,
  PERMISSIONS,
  type Permission,
  type RestrictionMode,
  type UserRecord,
} from './state.js';
import { chatView } from './views.js';

export { MaxControlError };

export type UserRef = number | string;

export interface MaxBotSummary {
  name: string;
  username: string;
  userId: number;
  token: string;
  webhook: string | null;
  queuedUpdates: number;
  pendingDeliveries: number;
}

export interface MaxUserSummary {
  userId: number;
  name: string;
  personaId: string | null;
  role: string | null;
  privacy: boolean;
}

export interface CreateMaxChatInput {
  title: string;
  /** Who creates it (default: the school's director). */
  owner?: UserRef;
  members?: readonly UserRef[];
  /** Add a bot right away (default true: the school's bot, as admin with every permission). */
  addBot?: boolean | { bot?: UserRef; admin?: boolean; permissions?: readonly Permission[] };
  type?: 'chat' | 'channel';
}

const KNOWN_PERMISSIONS: ReadonlySet<string> = new Set(PERMISSIONS);

export function resolveUser(world: MaxWorld, ref: unknown, field: string): UserRecord {
  const { state } = world;
  let id: number | undefined;
  if (typeof ref === 'number' && Number.isSafeInteger(ref)) {
    id = ref;
  } else if (typeof ref === 'string' && ref.length <= 100) {
    id = /^\d{1,16}$/.test(ref) ? Number(ref) : state.personas.get(ref);
    if (id === undefined) {
      for (const bot of state.bots.values()) {
        if (bot.username === ref.replace(/^@/, '')) {
          id = bot.userId;
        }
      }
    }
  }
  const user = id === undefined ? undefined : state.users.get(id);
  if (user === undefined) {
    throw new MaxControlError(
      field,
      `${field}: no MAX user ${JSON.stringify(String(ref).slice(0, 60))}`,
      404,
    );
  }
  return user;
}

export function resolveBot(world: MaxWorld, ref: unknown, field = 'bot'): BotRecord {
  if (ref === undefined || ref === null) {
    const first = world.state.bots.values().next().value;
    if (first === undefined) {
      throw new MaxControlError(field, 'the simulator has no bot', 404);
    }
    return first;
  }
  const user = resolveUser(world, ref, field);
  const bot = world.state.bots.get(user.user_id);
  if (bot === undefined) {
    throw new MaxControlError(field, `${field}: user ${user.user_id} is not a bot`, 400);
  }
  return bot;
}

export function resolveChat(world: MaxWorld, ref: unknown): ChatRecord {
  const id =
    typeof ref === 'number'
      ? ref
      : typeof ref === 'string' && /^-?\d{1,19}$/.test(ref)
        ? Number(ref)
        : undefined;
  const chat = id === undefined ? undefined : world.state.chats.get(id);
  if (chat === undefined || chat.status !== 'active') {
    throw new MaxControlError('chatId', `chatId: no chat ${JSON.stringify(String(ref).slice(0, 40))}`, 404);
  }
  return chat;
}

function director(world: MaxWorld, runtime: PortalRuntime): UserRecord {
  const admin = runtime.demo.personas.find((persona) => persona.role === 'admin');
  const id = admin === undefined ? undefined : world.state.personas.get(admin.id);
  const user = id === undefined ? undefined : world.state.users.get(id);
  if (user === undefined) {
    throw new MaxControlError('owner', 'owner: give the user who creates the chat', 400);
  }
  return user;
}

function listOf(value: unknown, field: string, max = 1000): unknown[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value) || value.length > max) {
    throw new MaxControlError(field, `${field}: a list of at most ${max} users`);
  }
  return value;
}

/** The actions, over one simulator's max portal (state read live, so reset and restore are followed). */
export function maxActions(stateOf: () => MaxState, runtime: PortalRuntime) {
  const world = () => worldOf(stateOf(), runtime);
  return {
    bots(): MaxBotSummary[] {
      return [...stateOf().bots.values()].map((bot) => ({
        name: bot.name,
        username: bot.username,
        userId: bot.userId,
        token: bot.token,
        webhook: bot.subscription?.url ?? null,
        queuedUpdates: bot.log.entries.length,
        pendingDeliveries: bot.deliveries.length,
      }));
    },
    users(role?: string): MaxUserSummary[] {
      return [...stateOf().users.values()]
        .filter((user) => !user.is_bot && (role === undefined || user.role === role))
        .map((user) => ({
          userId: user.user_id,
          name: [user.last_name, user.first_name].filter(Boolean).join(' '),
          personaId: user.personaId,
          role: user.role,
          privacy: user.privacy,
        }));
    },
    /** A user id from a persona id ('teacher-demo') or a user id. */
    userId(ref: UserRef): number {
      return resolveUser(world(), ref, 'user').user_id;
    },
    createChat(input: CreateMaxChatInput): Record<string, unknown> {
      const w = world();
      if (typeof input?.title !== 'string') {
        throw new MaxControlError('title', 'title: a string of 1 to 200 characters');
      }
      if (input.type !== undefined && input.type !== 'chat' && input.type !== 'channel') {
        throw new MaxControlError('type', "type: 'chat' or 'channel'");
      }
      const owner = input.owner === undefined ? director(w, runtime) : resolveUser(w, input.owner, 'owner');
      const members = listOf(input.members, 'members').map((ref, i) => resolveUser(w, ref, `members[${i}]`));
      const wantBot = input.addBot ?? true;
      let bot: Parameters<typeof createChat>[1]['bot'];
      if (wantBot !== false) {
        const options = wantBot === true ? {} : wantBot;
        const permissions =
          options.permissions === undefined
            ? undefined
            : listOf(options.permissions, 'addBot.permissions', 20);
        if (permissions?.some((p) => typeof p !== 'string' || !KNOWN_PERMISSIONS.has(p))) {
          throw new MaxControlError(
            'addBot.permissions',
            `addBot.permissions: known permissions (${PERMISSIONS.join(', ')})`,
          );
        }
        bot = {
          bot: resolveBot(w, options.bot, 'addBot.bot'),
          ...(options.admin === undefined ? {} : { admin: Boolean(options.admin) }),
          ...(permissions === undefined ? {} : { permissions: permissions as Permission[] }),
        };
      }
      const chat = createChat(w, {
        title: input.title,
        owner,
        members,
        bot,
        ...(input.type ? { type: input.type } : {}),
      });
      return chatView(w.state, chat, bot?.bot.userId ?? 0);
    },
    renameChat(chatId: number | string, title: string, by?: UserRef): void {
      const w = world();
      const chat = resolveChat(w, chatId);
      if (typeof title !== 'string') {
        throw new MaxControlError('title', 'title: a string of 1 to 200 characters');
      }
      renameChat(w, chat, title, by === undefined ? ownerOf(w, chat) : resolveUser(w, by, 'by'));
    },
    addMembers(chatId: number | string, users: readonly UserRef[], by?: UserRef): number[] {
      const w = world();
      const chat = resolveChat(w, chatId);
      const people = listOf(users, 'users').map((ref, i) => resolveUser(w, ref, `users[${i}]`));
      const inviter = by === undefined ? ownerOf(w, chat) : resolveUser(w, by, 'by');
      return addUsers(w, chat, people, inviter).map((user) => user.user_id);
    },
    removeMember(chatId: number | string, user: UserRef, by?: UserRef): void {
      const w = world();
      const chat = resolveChat(w, chatId);
      const target = resolveUser(w, user, 'user');
      const remover = by === undefined ? ownerOf(w, chat) : resolveUser(w, by, 'by');
      removeUser(w, chat, target, remover);
    },
    addBot(
      chatId: number | string,
      options: { bot?: UserRef; admin?: boolean; permissions?: readonly Permission[]; by?: UserRef } = {},
    ): void {
      const w = world();
      const chat = resolveChat(w, chatId);
      const bot = resolveBot(w, options.bot);
      if (chat.members.has(bot.userId)) {
        throw new MaxControlError('bot', `the bot is already in chat ${chat.chat_id}`, 409);
      }
      const permissions =
        options.permissions === undefined ? undefined : listOf(options.permissions, 'permissions', 20);
      if (permissions?.some((p) => typeof p !== 'string' || !KNOWN_PERMISSIONS.has(p))) {
        throw new MaxControlError(
          'permissions',
          `permissions: known permissions (${PERMISSIONS.join(', ')})`,
        );
      }
      addBot(
        w,
        chat,
        {
          bot,
          ...(options.admin === undefined ? {} : { admin: Boolean(options.admin) }),
          ...(permissions === undefined ? {} : { permissions: permissions as Permission[] }),
        },
        options.by === undefined ? ownerOf(w, chat) : resolveUser(w, options.by, 'by'),
      );
    },
    removeBot(chatId: number | string, options: { bot?: UserRef; by?: UserRef } = {}): void {
      const w = world();
      const chat = resolveChat(w, chatId);
      removeBot(
        w,
        chat,
        resolveBot(w, options.bot),
        options.by === undefined ? ownerOf(w, chat) : resolveUser(w, options.by, 'by'),
      );
    },
    post(chatId: number | string, from: UserRef, text: string, count = 1): string[] {
      const w = world();
      const chat = resolveChat(w, chatId);
      if (typeof text !== 'string' || text.length < 1 || text.length > 4000) {
        throw new MaxControlError('text', 'text: 1 to 4000 characters');
      }
      if (!Number.isInteger(count) || count < 1 || count > 200_000) {
        throw new MaxControlError('count', 'count: an integer from 1 to 200000');
      }
      return post(w, chat, resolveUser(w, from, 'from'), text, count).map((record) => record.json.body.mid);
    },
    startDialog(user: UserRef, options: { bot?: UserRef; payload?: string } = {}): number {
      const w = world();
      const payload = options.payload;
      if (payload !== undefined && (typeof payload !== 'string' || payload.length > 512)) {
        throw new MaxControlError('payload', 'payload: a string of at most 512 characters');
      }
      return startDialog(w, resolveBot(w, options.bot), resolveUser(w, user, 'user'), payload ?? null)
        .chat_id;
    },
    pressButton(user: UserRef, mid: string, payload?: string): string {
      const w = world();
      if (typeof mid !== 'string' || mid.length < 1 || mid.length > 256) {
        throw new MaxControlError('mid', 'mid: the message id');
      }
      if (payload !== undefined && (typeof payload !== 'string' || payload.length > 1024)) {
        throw new MaxControlError('payload', 'payload: a string of at most 1024 characters');
      }
      return pressButton(w, resolveUser(w, user, 'user'), mid, payload ?? null);
    },
    restriction(mode?: RestrictionMode): { mode: RestrictionMode; active: boolean; startsAt: string } {
      const state = stateOf();
      if (mode !== undefined) {
        if (mode !== 'auto' && mode !== 'on' && mode !== 'off') {
          throw new MaxControlError('mode', "mode: 'auto', 'on' or 'off'");
        }
        state.settings.memberAddRestriction = mode;
      }
      return {
        mode: state.settings.memberAddRestriction,
        active: restrictionActive(state.settings, runtime.clock.nowMs()),
        startsAt: new Date(RESTRICTION_STARTS_AT).toISOString(),
      };
    },
    settings(patch: Partial<Pick<MaxSettings, 'allowHttpLoopbackWebhooks' | 'chatList'>> = {}): MaxSettings {
      const state = stateOf();
      if (patch.allowHttpLoopbackWebhooks !== undefined) {
        if (typeof patch.allowHttpLoopbackWebhooks !== 'boolean') {
          throw new MaxControlError('allowHttpLoopbackWebhooks', 'allowHttpLoopbackWebhooks: true or false');
        }
        state.settings.allowHttpLoopbackWebhooks = patch.allowHttpLoopbackWebhooks;
      }
      if (patch.chatList !== undefined) {
        if (patch.chatList !== 'removed' && patch.chatList !== 'legacy') {
          throw new MaxControlError('chatList', "chatList: 'removed' or 'legacy'");
        }
        state.settings.chatList = patch.chatList;
      }
      return { ...state.settings };
    },
    deliveries() {
      return stateOf().deliveryLog.map((event) => ({ ...event, at: new Date(event.at).toISOString() }));
    },
  };
}

export type MaxActions = ReturnType<typeof maxActions>;

function ownerOf(world: MaxWorld, chat: ChatRecord): UserRecord {
  const owner = chat.owner_id === null ? undefined : world.state.users.get(chat.owner_id);
  if (owner === undefined) {
    throw new MaxControlError('by', 'by: the chat has no owner; say who acts');
  }
  return owner;
}

/** The actions on a simulator's max portal, for tests and scripts in process. */
export function maxControl(sim: Simulator): MaxActions {
  return maxActions(() => sim.portalState<MaxState>('max'), portalRuntimeOf(sim, 'max'));
}
