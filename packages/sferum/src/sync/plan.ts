/**
 * `plan()`: reads the registry, the links and the messenger, and says what will happen — per chat
 * its status, title and members (✓/✗), the steps in order, and what the sync will not decide for
 * you (findings). It changes nothing. An interrupted create (an intent in the registry) is looked
 * up by title: one unclaimed match is adopted, none is created again, several are reported.
 */
import { linkStatuses } from '../links/link-status.js';
import type { LinkStore } from '../links/link-store.js';
import type { ChatTransport, RemoteChat, RemoteChatState } from './chat-transport.js';
import type { DesiredChat } from './chat-types.js';
import { planMembers } from './plan-members.js';
import { planTitle, type RemoteRenamePolicy } from './plan-title.js';
import type { PersonStep, PlanFinding, PlannedChat, PlanStep, PlanSummary, SyncPlan } from './plan-types.js';
import type { ChatRegistry, RegistryEntry } from './registry.js';
import type { CheckedRoster } from './roster.js';

export interface PlanContext {
  transport: ChatTransport;
  registry: ChatRegistry;
  links: LinkStore;
  now: () => number;
  onRemoteRename: RemoteRenamePolicy;
  removeMembers: boolean;
  recreateLost: boolean;
  linkMaxAgeMs: number | undefined;
  deactivated: ReadonlySet<string> | undefined;
}

export const PERSON_MUST_CREATE = {
  ru: 'Создайте групповой чат с точно таким названием и добавьте в него бота школы администратором — чат появится в реестре сам.',
  en: "Create a group chat with exactly this title and add the school's bot as an admin — the registry picks the chat up by itself.",
};

export function registryScope(transport: ChatTransport, schoolId: string): string {
  return `${transport.kind}:${schoolId}`;
}

export async function buildPlan(
  context: PlanContext,
  school: CheckedRoster,
  desired: readonly DesiredChat[],
  signal?: AbortSignal,
): Promise<SyncPlan> {
  const { transport } = context;
  const capabilities = transport.capabilities;
  const scope = registryScope(transport, school.schoolId);
  const entries = new Map<string, RegistryEntry>();
  for (const entry of await context.registry.list(scope)) {
    entries.set(entry.key, entry);
  }

  const people = [
    ...[...school.teachers.values()].map((p) => ({ id: p.id, role: 'teacher' as const })),
    ...[...school.pupils.values()].map((p) => ({ id: p.id, role: 'pupil' as const })),
    ...[...school.parents.values()].map((p) => ({ id: p.id, role: 'parent' as const })),
  ];
  const statuses = await linkStatuses(context.links, transport.network, people, {
    now: context.now(),
    ...(context.linkMaxAgeMs === undefined ? {} : { maxAgeMs: context.linkMaxAgeMs }),
    ...(context.deactivated === undefined ? {} : { deactivated: context.deactivated }),
  });
  const schoolUsers = new Map<string, string>();
  for (const [personId, status] of statuses) {
    if (status.status !== 'not-linked') {
      schoolUsers.set(status.link.userId, personId);
    }
  }

  const desiredKeys = new Set(desired.map((chat) => chat.key));
  const claimed = new Set<string>();
  const activeIds: string[] = [];
  for (const entry of entries.values()) {
    if (entry.chatId !== undefined && entry.state === 'active') {
      claimed.add(entry.chatId);
      activeIds.push(entry.chatId);
    }
  }
  const intents = desired.flatMap((chat) => {
    const entry = entries.get(chat.key);
    return entry?.state === 'creating' ? [{ chat, entry }] : [];
  });
  const found = new Map<string, RemoteChat[]>();
  if (intents.length > 0 && capabilities.findChatsByTitle && transport.findChatsByTitle) {
    const titles = new Set<string>();
    for (const { chat, entry } of intents) {
      titles.add(chat.title);
      if (entry.intent) {
        titles.add(entry.intent.title);
      }
    }
    for (const [title, chats] of await transport.findChatsByTitle([...titles], signal)) {
      found.set(
        title,
        chats.filter((chat) => !claimed.has(chat.chatId)),
      );
    }
  }
  const remote: Map<string, RemoteChatState> =
    activeIds.length > 0 ? await transport.getChats(activeIds, signal) : new Map();

  const chats: PlannedChat[] = [];
  const steps: PlanStep[] = [];
  const personSteps: PersonStep[] = [];
  const findings: PlanFinding[] = [];

  for (const chat of desired) {
    const entry = entries.get(chat.key);
    const planned = plannedChat(chat);
    const memberInput = {
      key: chat.key,
      members: chat.members,
      statuses,
      capabilities,
      schoolUsers,
      removeMembers: context.removeMembers,
      inviteLink: entry?.inviteLink,
      addedMemberIds: entry?.addedMemberIds ?? [],
    };
    const create = () => {
      const members = planMembers({
        ...memberInput,
        remote: undefined,
        inviteLink: undefined,
        addedMemberIds: [],
      });
      planned.members = members.members;
      planned.linkedPercent = members.linkedPercent;
      if (capabilities.createChat) {
        planned.status = 'new';
        steps.push({
          kind: 'create-chat',
          actor: 'sync',
          key: chat.key,
          type: chat.type,
          title: chat.title,
          memberIds: members.createMemberIds,
          ...(entry?.state === 'active' && entry.chatId !== undefined ? { replaces: entry.chatId } : {}),
        });
        steps.push(...members.steps);
        personSteps.push(...members.personSteps);
        return;
      }
      planned.status = 'awaiting-person';
      if (entry?.state !== 'awaiting-person' || entry.title !== chat.title) {
        steps.push({
          kind: 'await-person',
          actor: 'registry',
          key: chat.key,
          type: chat.type,
          title: chat.title,
        });
      }
      personSteps.push({
        kind: 'person-must-create',
        actor: 'person',
        key: chat.key,
        title: chat.title,
        instructions: PERSON_MUST_CREATE,
        personIds: chat.members.map((member) => member.personId),
      });
      // Until the chat exists nothing can be added; who must link is known already.
      personSteps.push(...members.personSteps.filter((step) => step.kind === 'link-profile'));
    };
    const existing = (chatState: RemoteChat, base: RegistryEntry) => {
      planned.chatId = chatState.chatId;
      const title = planTitle(
        chat.key,
        base,
        chatState.chatId,
        chatState.title,
        chat.title,
        context.onRemoteRename,
        capabilities.renameChat && transport.renameChat !== undefined,
      );
      if (chatState.title !== chat.title) {
        planned.remoteTitle = chatState.title;
      }
      const members = planMembers({
        ...memberInput,
        remote: {
          chatId: chatState.chatId,
          memberIds: new Set(chatState.memberIds),
          adminIds: new Set(chatState.adminIds),
        },
      });
      planned.members = members.members;
      planned.linkedPercent = members.linkedPercent;
      const own = [...title.steps, ...members.steps];
      steps.push(...own);
      personSteps.push(...members.personSteps);
      findings.push(...title.findings, ...members.findings);
      if (planned.status !== 'reconcile') {
        planned.status = own.some((step) => step.actor === 'sync') ? 'changes' : 'in-sync';
      }
    };

    if (entry === undefined || entry.state === 'awaiting-person') {
      create();
    } else if (entry.state === 'creating') {
      const candidates = [
        ...new Map(
          [
            ...(found.get(chat.title) ?? []),
            ...(entry.intent ? (found.get(entry.intent.title) ?? []) : []),
          ].map((c) => [c.chatId, c]),
        ).values(),
      ];
      if (!capabilities.findChatsByTitle || !transport.findChatsByTitle) {
        planned.status = 'reconcile';
        findings.push({ kind: 'capability-missing', key: chat.key, capability: 'findChatsByTitle' });
      } else if (candidates.length === 0) {
        create();
      } else if (candidates.length > 1) {
        planned.status = 'reconcile';
        findings.push({
          kind: 'ambiguous-reconcile',
          key: chat.key,
          title: chat.title,
          candidates: candidates.map((c) => c.chatId),
        });
      } else {
        const match = candidates[0] as RemoteChat;
        claimed.add(match.chatId);
        planned.status = 'reconcile';
        steps.push({
          kind: 'adopt-found-chat',
          actor: 'registry',
          key: chat.key,
          chatId: match.chatId,
          title: match.title,
        });
        existing(match, { ...entry, state: 'active', chatId: match.chatId, title: match.title });
      }
    } else {
      const state = entry.chatId === undefined ? undefined : remote.get(entry.chatId);
      if (state?.available) {
        existing(state, entry);
      } else {
        planned.status = 'lost';
        if (entry.chatId !== undefined) {
          planned.chatId = entry.chatId;
          findings.push({
            kind: 'chat-lost',
            key: chat.key,
            chatId: entry.chatId,
            reason: state === undefined ? 'not-found' : state.reason,
          });
        }
        if (context.recreateLost) {
          create();
        }
      }
    }
    chats.push(planned);
  }

  for (const entry of entries.values()) {
    if (!desiredKeys.has(entry.key)) {
      findings.push({
        kind: 'chat-retired',
        key: entry.key,
        title: entry.title,
        ...(entry.chatId === undefined ? {} : { chatId: entry.chatId }),
      });
    }
  }

  const allSteps = [...steps, ...mergeLinkSteps(personSteps)];
  return {
    schoolId: school.schoolId,
    scope,
    transport: transport.kind,
    createdAt: context.now(),
    chats,
    steps: allSteps,
    findings,
    summary: summarise(chats, allSteps),
  };
}

/** One `link-profile` step per person, listing every chat that waits for them. */
function mergeLinkSteps(personSteps: readonly PersonStep[]): PersonStep[] {
  const byPerson = new Map<string, PersonStep & { kind: 'link-profile' }>();
  const out: PersonStep[] = [];
  for (const step of personSteps) {
    if (step.kind !== 'link-profile') {
      out.push(step);
      continue;
    }
    const first = byPerson.get(step.personId);
    if (first) {
      first.chatKeys.push(step.key);
    } else {
      const copy = { ...step, chatKeys: [...step.chatKeys] };
      byPerson.set(step.personId, copy);
      out.push(copy);
    }
  }
  return out;
}

function plannedChat(chat: DesiredChat): PlannedChat {
  return {
    key: chat.key,
    type: chat.type,
    title: chat.title,
    ...(chat.classId === undefined ? {} : { classId: chat.classId }),
    ...(chat.className === undefined ? {} : { className: chat.className }),
    ...(chat.subjectId === undefined ? {} : { subjectId: chat.subjectId }),
    ...(chat.subjectName === undefined ? {} : { subjectName: chat.subjectName }),
    status: 'in-sync',
    members: [],
    linkedPercent: 0,
  };
}

function summarise(chats: readonly PlannedChat[], steps: readonly PlanStep[]): PlanSummary {
  const count = (kind: PlanStep['kind']) => steps.filter((step) => step.kind === kind).length;
  let members = 0;
  let linked = 0;
  for (const chat of chats) {
    members += chat.members.length;
    linked += chat.members.filter((member) => member.link === 'linked').length;
  }
  return {
    chats: chats.length,
    create: count('create-chat'),
    rename: count('rename-chat'),
    addMembers: count('add-member'),
    removeMembers: count('remove-member'),
    operations: steps.filter((step) => step.actor === 'sync').length,
    registryUpdates: steps.filter((step) => step.actor === 'registry').length,
    personMustCreate: count('person-must-create'),
    mustLink: count('link-profile'),
    joinByInvite: count('join-by-invite'),
    linkedPercent: members === 0 ? 100 : Math.round((linked / members) * 1000) / 10,
  };
}
