/**
 * The school chat registry sync, over any `ChatTransport`: `plan(roster)` says what will happen,
 * `apply(plan)` does it (one run per school at a time), `run()` does both. The same sync object
 * serves many schools; each school's registry lives under `<transport>:<schoolId>`.
 */
import type { Clock } from '@goskit/core';
import { SyncError } from '../errors/sync-error.js';
import type { LinkStore } from '../links/link-store.js';
import { type ApplyOptions, type ApplyResult, applyPlan } from './apply.js';
import type { ChatTransport } from './chat-transport.js';
import type { ChatType, DesiredChat } from './chat-types.js';
import { desiredChats } from './desired-chats.js';
import { buildPlan, registryScope } from './plan.js';
import type { RemoteRenamePolicy } from './plan-title.js';
import type { SyncPlan } from './plan-types.js';
import type { ChatRegistry, RegistryEntry } from './registry.js';
import { checkRoster, type SchoolRoster } from './roster.js';
import { memorySyncLock, type SyncLock } from './sync-lock.js';
import { compileTemplates, type TitleTemplates } from './title-template.js';

export interface ChatSyncOptions {
  transport: ChatTransport;
  registry: ChatRegistry;
  links: LinkStore;
  /** Title templates per chat type, over the defaults («{school} - {class} - Чат класса» …). */
  templates?: TitleTemplates;
  /** Subject chats: `'requested'` (default, `chat: true` in the roster), `'all'` or `'none'`. */
  subjectChats?: 'requested' | 'all' | 'none';
  /** Chat types to keep. Default all. */
  types?: readonly ChatType[];
  /** A title changed in the messenger: `'report'` (default), `'adopt'` it, or `'overwrite'` it. */
  onRemoteRename?: RemoteRenamePolicy;
  /** Remove people who no longer belong (only those the sync knows). Default true. */
  removeMembers?: boolean;
  /** Create a new chat when the registry's chat is gone. Default false: reported only. */
  recreateLost?: boolean;
  /** Links not seen alive for longer than this are stale. Default: never. */
  linkMaxAgeMs?: number;
  /** Account ids known deleted or banned (`verifyVkLinks`), stale in the plan. */
  deactivatedUsers?: ReadonlySet<string>;
  /** Serialises apply per school; share one over a KeyValueStore between instances. Default: in this object. */
  lock?: SyncLock;
  /** TTL of the lock, ms. Default 900 000 (15 min). */
  lockTtlMs?: number;
  clock?: Clock;
}

export interface ChatSync {
  /** The desired chats of a school (titles, members), without touching anything. */
  desiredChats(roster: SchoolRoster): DesiredChat[];
  plan(roster: SchoolRoster, options?: { signal?: AbortSignal }): Promise<SyncPlan>;
  apply(plan: SyncPlan, options?: ApplyOptions): Promise<ApplyResult>;
  /** plan() then apply(). */
  run(roster: SchoolRoster, options?: ApplyOptions): Promise<{ plan: SyncPlan; result: ApplyResult }>;
  /** The registry of a school. */
  entries(schoolId: string): Promise<RegistryEntry[]>;
  /**
   * Records a chat a person created (MAX: learned from `bot_added`): the awaiting entry named by
   * `key` (matched by the caller, e.g. from a one-time code posted in the chat), or else the one
   * awaiting entry whose title is exactly `title`, becomes active. Returns the chat key, or
   * undefined when no entry (or more than one) fits — never a guess.
   */
  attachChat(
    schoolId: string,
    chat: { chatId: string; title?: string; key?: string },
  ): Promise<string | undefined>;
}

export function createChatSync(options: ChatSyncOptions): ChatSync {
  const templates = compileTemplates(options.templates);
  const { transport, registry } = options;
  const now = options.clock ? () => options.clock!.now() : Date.now;
  const lock = options.lock ?? memorySyncLock();
  const lockTtlMs = options.lockTtlMs ?? 900_000;
  const desiredOptions = {
    templates,
    maxTitleLength: transport.capabilities.maxTitleLength,
    ...(options.subjectChats === undefined ? {} : { subjectChats: options.subjectChats }),
    ...(options.types === undefined ? {} : { types: options.types }),
  };
  const planContext = {
    transport,
    registry,
    links: options.links,
    now,
    onRemoteRename: options.onRemoteRename ?? 'report',
    removeMembers: options.removeMembers ?? true,
    recreateLost: options.recreateLost ?? false,
    linkMaxAgeMs: options.linkMaxAgeMs,
    deactivated: options.deactivatedUsers,
  };

  const plan = async (roster: SchoolRoster, planOptions: { signal?: AbortSignal } = {}) => {
    const school = checkRoster(roster);
    return buildPlan(planContext, school, desiredChats(school, desiredOptions), planOptions.signal);
  };

  const apply = async (syncPlan: SyncPlan, applyOptions: ApplyOptions = {}) => {
    const release = await lock.acquire(syncPlan.scope, lockTtlMs);
    if (release === undefined) {
      throw new SyncError('SYNC_LOCKED', `another run is applying ${syncPlan.scope}`, {
        hint: {
          ru: 'Синхронизация этой школы уже идёт: дождитесь её конца (или истечения блокировки) и постройте план заново.',
          en: 'This school is being synced already: wait for that run (or the lock TTL) and plan again.',
        },
      });
    }
    try {
      return await applyPlan({ transport, registry, now }, syncPlan, applyOptions);
    } finally {
      await release();
    }
  };

  return {
    desiredChats: (roster) => desiredChats(checkRoster(roster), desiredOptions),
    plan,
    apply,
    async run(roster, applyOptions) {
      const syncPlan = await plan(roster, applyOptions?.signal ? { signal: applyOptions.signal } : {});
      return { plan: syncPlan, result: await apply(syncPlan, applyOptions) };
    },
    entries: (schoolId) => registry.list(registryScope(transport, schoolId)),
    async attachChat(schoolId, chat) {
      const scope = registryScope(transport, schoolId);
      if (typeof chat.chatId !== 'string' || chat.chatId === '') {
        return undefined;
      }
      const waiting = (await registry.list(scope)).filter(
        (entry) =>
          entry.state === 'awaiting-person' &&
          (chat.key !== undefined
            ? entry.key === chat.key
            : chat.title !== undefined && entry.title === chat.title),
      );
      if (waiting.length !== 1) {
        return undefined;
      }
      const entry = waiting[0] as RegistryEntry;
      if ((await registry.list(scope)).some((other) => other.chatId === chat.chatId)) {
        return undefined; // the chat stands for another entry already
      }
      await registry.put(scope, { ...entry, state: 'active', chatId: chat.chatId, updatedAt: now() });
      return entry.key;
    },
  };
}
