/**
 * The max portal's demo world, built from the roster on every create and reset (same seed → same ids
 * and tokens): «Демо школа»'s bot, the school's director, teachers and parents as MAX users (about one
 * parent in ten keeps the privacy setting that refuses being added), and chats people have already
 * created — the teachers' chat and 1А's parents' chat with the bot as admin (their `bot_added` waits in
 * the bot's queue), 1Б's parents' chat without the bot, and a chat a teacher titled her own way.
 */
import type { Persona, PortalRuntime } from '../../engine/types.js';
import type { MaxData } from './data.js';
import { type MaxWorld, worldOf } from './events.js';
import type { ResolvedMaxOptions } from './options.js';
import { createChat, userOf } from './people.js';
import type { BotRecord, MaxState, UserRecord } from './state.js';
import { emptyLog } from './update-log.js';

export const DEMO_BOT_USERNAME = 'demo_school_bot';
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const PEOPLE_ROLES = new Set(['admin', 'teacher', 'parent']);

export function createMaxState(runtime: PortalRuntime<MaxData>, options: ResolvedMaxOptions): MaxState {
  const data = runtime.data;
  const random = runtime.random.fork('max-demo');
  const state: MaxState = {
    config: {
      attachmentNotReadyAttempts: options.attachmentNotReadyAttempts,
      messagesPerChatPerSecond: options.messagesPerChatPerSecond,
      maxQueuedUpdates: options.maxQueuedUpdates,
      maxRealWaitMs: options.maxRealWaitMs ?? null,
      webhook: { ...options.webhook },
      tickMs: options.tickMs,
    },
    settings: {
      allowHttpLoopbackWebhooks:
        data?.allowHttpLoopbackWebhooks ?? options.settings.allowHttpLoopbackWebhooks,
      chatList: data?.chatList ?? options.settings.chatList,
      memberAddRestriction: data?.memberAddRestriction ?? options.settings.memberAddRestriction,
    },
    users: new Map(),
    personas: new Map(),
    bots: new Map(),
    tokens: new Map(),
    chats: new Map(),
    dialogs: new Map(),
    messages: new Map(),
    callbacks: new Map(),
    uploads: new Map(),
    attachmentTokens: new Map(),
    sendBuckets: new Map(),
    deliveryLog: [],
    seq: { group: 0, dialog: 0, message: 0, upload: 0, callback: 0, delivery: 0 },
  };
  const now = runtime.clock.nowMs();
  const usedIds = new Set<number>();
  const newUserId = (): number => {
    for (;;) {
      const id = random.int(100_000_000, 999_999_999);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const token = (): string => {
    let text = '';
    for (let i = 0; i < 48; i += 1) {
      text += TOKEN_ALPHABET[random.int(0, TOKEN_ALPHABET.length - 1)];
    }
    return text;
  };
  const privacy = new Set(data?.privacy ?? []);
  for (const persona of runtime.demo.personas) {
    if (!PEOPLE_ROLES.has(persona.role)) {
      continue;
    }
    const user: UserRecord = {
      user_id: newUserId(),
      first_name: persona.firstName,
      last_name: persona.lastName,
      username: null,
      is_bot: false,
      last_activity_time: now,
      personaId: persona.id,
      role: persona.role,
      privacy:
        privacy.has(persona.id) ||
        (data?.privacy === undefined &&
          persona.role === 'parent' &&
          persona.id !== 'parent-ivanov' &&
          random.next() < 0.1),
    };
    state.users.set(user.user_id, user);
    state.personas.set(persona.id, user.user_id);
  }
  const addBot = (name: string, username: string, botToken: string): BotRecord => {
    const userId = newUserId();
    state.users.set(userId, {
      user_id: userId,
      first_name: name,
      last_name: null,
      username,
      is_bot: true,
      last_activity_time: now,
      personaId: null,
      role: 'bot',
      privacy: false,
    });
    const bot: BotRecord = {
      userId,
      name,
      username,
      token: botToken,
      description: `${name} — goskit simulator`,
      log: emptyLog(),
      subscription: null,
      deliveries: [],
    };
    state.bots.set(userId, bot);
    state.tokens.set(botToken, userId);
    return bot;
  };
  const schoolBot = addBot(`Бот: ${runtime.demo.organisation.shortName}`, DEMO_BOT_USERNAME, token());
  for (const extra of data?.bots ?? []) {
    if (state.tokens.has(extra.token ?? '')) {
      continue;
    }
    addBot(extra.name, extra.username, extra.token ?? token());
  }
  if (data?.demoChats !== false) {
    seedChats(worldOf(state, runtime), runtime, schoolBot);
  }
  return state;
}

function seedChats(world: MaxWorld, runtime: PortalRuntime, bot: BotRecord): void {
  const { demo } = runtime;
  const school = demo.organisation.shortName;
  const userFor = (persona: Persona | undefined): UserRecord | undefined => {
    const id = persona === undefined ? undefined : world.state.personas.get(persona.id);
    return id === undefined ? undefined : userOf(world, id);
  };
  const personas = new Map(demo.personas.map((persona) => [persona.id, persona]));
  const director = userFor(demo.personas.find((persona) => persona.role === 'admin'));
  const teachers = demo.personas
    .filter((persona) => persona.role === 'teacher')
    .flatMap((p) => userFor(p) ?? []);
  const parentsOf = (classIndex: number): UserRecord[] => {
    const students = new Set(demo.classes[classIndex]?.studentIds ?? []);
    return demo.personas
      .filter(
        (persona) => persona.role === 'parent' && (persona.children ?? []).some((id) => students.has(id)),
      )
      .flatMap((persona) => userFor(persona) ?? []);
  };
  const classTeacher = (classIndex: number) =>
    userFor(personas.get(demo.classes[classIndex]?.teacherId ?? ''));
  if (director !== undefined) {
    createChat(world, {
      title: `${school} - Чат учителей`,
      owner: director,
      members: teachers,
      bot: { bot },
    });
  }
  const classChat = (index: number, title: (name: string) => string, withBot: boolean) => {
    const owner = classTeacher(index);
    const schoolClass = demo.classes[index];
    if (owner !== undefined && schoolClass !== undefined) {
      createChat(world, {
        title: title(schoolClass.name),
        owner,
        members: parentsOf(index),
        bot: withBot ? { bot } : undefined,
      });
    }
  };
  classChat(0, (name) => `${school} - ${name} - Чат родителей`, true);
  classChat(1, (name) => `${school} - ${name} - Чат родителей`, false);
  classChat(2, (name) => `Родители ${name}`, true);
}
