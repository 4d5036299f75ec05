/**
 * `apply()`: runs a plan's `sync` and `registry` steps, chat by chat (chats in parallel, the steps
 * of one chat in order), with progress events. A create writes its intent to the registry first,
 * then asks the messenger, then records the chat id; when the messenger call fails ambiguously the
 * chat is looked up by title at once, and otherwise the intent stays for the next plan to
 * reconcile — a create is never simply repeated. Person steps are handed back, with invite links.
 */
import { SyncError } from '../errors/sync-error.js';
import type { ChatTransport, MemberOutcome } from './chat-transport.js';
import type { PersonStep, PlanFinding, RegistryStep, SyncPlan, SyncStep } from './plan-types.js';
import type { ChatRegistry, RegistryEntry } from './registry.js';

export type StepStatus = 'done' | 'failed' | 'skipped' | 'refused';

export interface StepResult {
  step: SyncStep | RegistryStep;
  status: StepStatus;
  /** For `failed`. */
  error?: unknown;
  /** For `refused` member steps: why the messenger said no. */
  refusal?: MemberOutcome & { ok: false };
  /** For a create the messenger had done before a failure: found by title and recorded. */
  reconciled?: boolean;
}

export type ApplyEvent =
  | { type: 'start'; total: number }
  | { type: 'step'; completed: number; total: number; result: StepResult }
  | { type: 'finish'; result: ApplyResult };

export interface ApplyOptions {
  /** Called for every event; an error it throws is rethrown after the run, never mid-way. */
  onProgress?: (event: ApplyEvent) => void;
  signal?: AbortSignal;
  /** Chats worked on at once. Default 8. */
  concurrency?: number;
}

export interface RefusedMember {
  key: string;
  userId: string;
  personId?: string;
  reason: string;
}

export interface ApplyResult {
  schoolId: string;
  scope: string;
  results: StepResult[];
  done: number;
  failed: number;
  skipped: number;
  /** Members the messenger refused at creation or when added: they get the invite link. */
  refusedMembers: RefusedMember[];
  /** What people must do, with the invite links known after this run. */
  waiting: PersonStep[];
  /** Invite link per chat key, where known. */
  inviteLinks: Map<string, string>;
  findings: PlanFinding[];
}

export interface ApplyContext {
  transport: ChatTransport;
  registry: ChatRegistry;
  now: () => number;
}

type Executable = SyncStep | RegistryStep;

class SkipChat extends Error {}

export async function applyPlan(
  context: ApplyContext,
  plan: SyncPlan,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const executable = plan.steps.filter((step): step is Executable => step.actor !== 'person');
  const byChat = new Map<string, Executable[]>();
  for (const step of executable) {
    const list = byChat.get(step.key) ?? [];
    list.push(step);
    byChat.set(step.key, list);
  }
  const total = executable.length;
  const results: StepResult[] = [];
  const refusedMembers: RefusedMember[] = [];
  // A failing progress handler must not leave a chat half-applied: its first error is thrown once
  // every step has run and the registry is consistent.
  let progressError: { error: unknown } | undefined;
  const emit = (event: ApplyEvent) => {
    try {
      options.onProgress?.(event);
    } catch (error) {
      progressError ??= { error };
    }
  };
  emit({ type: 'start', total });
  const record = (result: StepResult) => {
    results.push(result);
    emit({ type: 'step', completed: results.length, total, result });
  };

  const runChat = async (chatSteps: Executable[]) => {
    let skipRest = false;
    for (const step of chatSteps) {
      if (skipRest || options.signal?.aborted) {
        record({ step, status: 'skipped' });
        continue;
      }
      try {
        record(await runStep(context, plan.scope, step, refusedMembers, options.signal));
      } catch (error) {
        if (error instanceof SkipChat) {
          record({ step, status: 'skipped' });
          skipRest = true;
          continue;
        }
        record({ step, status: 'failed', error });
        // Without the chat the rest of its steps cannot run.
        skipRest = step.kind === 'create-chat' || step.kind === 'adopt-found-chat';
      }
    }
  };

  const queue = [...byChat.values()];
  const workers = Array.from(
    { length: Math.max(1, Math.min(options.concurrency ?? 8, queue.length)) },
    async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await runChat(next);
      }
    },
  );
  await Promise.all(workers);

  const entries = new Map((await context.registry.list(plan.scope)).map((entry) => [entry.key, entry]));
  const inviteLinks = new Map<string, string>();
  for (const entry of entries.values()) {
    if (entry.inviteLink !== undefined) {
      inviteLinks.set(entry.key, entry.inviteLink);
    }
  }
  const waiting = plan.steps
    .filter((step): step is PersonStep => step.actor === 'person')
    .map((step) => {
      const link = inviteLinks.get(step.key);
      return step.kind === 'join-by-invite' && link !== undefined ? { ...step, inviteLink: link } : step;
    });
  const result: ApplyResult = {
    schoolId: plan.schoolId,
    scope: plan.scope,
    results,
    done: results.filter((r) => r.status === 'done').length,
    failed: results.filter((r) => r.status === 'failed').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    refusedMembers,
    waiting,
    inviteLinks,
    findings: plan.findings,
  };
  emit({ type: 'finish', result });
  if (progressError) {
    throw progressError.error;
  }
  return result;
}

async function entryOf(context: ApplyContext, scope: string, key: string): Promise<RegistryEntry> {
  const entry = await context.registry.get(scope, key);
  if (!entry) {
    throw new SkipChat(`no registry entry for ${key}`);
  }
  return entry;
}

async function activeChat(
  context: ApplyContext,
  scope: string,
  key: string,
): Promise<RegistryEntry & { chatId: string }> {
  const entry = await entryOf(context, scope, key);
  if (entry.state !== 'active' || entry.chatId === undefined) {
    throw new SkipChat(`${key} has no chat yet`);
  }
  return entry as RegistryEntry & { chatId: string };
}

function need<T>(method: T | undefined, name: string): T {
  if (method === undefined) {
    throw new SyncError('TRANSPORT_CAPABILITY', `the chat transport cannot ${name}`);
  }
  return method;
}

async function runStep(
  context: ApplyContext,
  scope: string,
  step: Executable,
  refusedMembers: RefusedMember[],
  signal: AbortSignal | undefined,
): Promise<StepResult> {
  const { transport, registry } = context;
  const now = context.now();
  switch (step.kind) {
    case 'create-chat': {
      const previous = await registry.get(scope, step.key);
      if (
        previous?.state === 'active' &&
        previous.chatId !== undefined &&
        previous.chatId !== step.replaces
      ) {
        return { step, status: 'skipped' }; // created since the plan was made
      }
      const type = step.type;
      await registry.put(scope, {
        key: step.key,
        type,
        state: 'creating',
        title: step.title,
        intent: { title: step.title, startedAt: now },
        addedMemberIds: [],
        updatedAt: now,
      });
      const createChat = need(transport.createChat, 'create chats').bind(transport);
      let created: Awaited<ReturnType<typeof createChat>>;
      try {
        created = await createChat({ title: step.title, memberIds: step.memberIds }, signal);
      } catch (error) {
        const found = await findUnclaimed(context, scope, step.title, signal).catch(() => undefined);
        if (found === undefined) {
          throw error;
        }
        await registry.put(scope, {
          key: step.key,
          type,
          state: 'active',
          chatId: found,
          title: step.title,
          addedMemberIds: [],
          updatedAt: context.now(),
        });
        return { step, status: 'done', reconciled: true };
      }
      for (const [userId, outcome] of created.refused) {
        refusedMembers.push({ key: step.key, userId, reason: outcome.reason });
      }
      await registry.put(scope, {
        key: step.key,
        type,
        state: 'active',
        chatId: created.chatId,
        title: step.title,
        addedMemberIds: step.memberIds.filter((id) => !created.refused.has(id)),
        updatedAt: context.now(),
      });
      return { step, status: 'done' };
    }
    case 'adopt-found-chat': {
      const { intent: _intent, ...entry } = await entryOf(context, scope, step.key);
      await registry.put(scope, {
        ...entry,
        state: 'active',
        chatId: step.chatId,
        title: step.title,
        updatedAt: now,
      });
      return { step, status: 'done' };
    }
    case 'rename-chat': {
      const entry = await activeChat(context, scope, step.key);
      await need(transport.renameChat, 'rename chats').call(transport, entry.chatId, step.to, signal);
      const { titleOverride: _dropped, ...rest } = entry;
      await registry.put(scope, {
        ...rest,
        title: step.to,
        ...(entry.titleOverride?.title === step.to ? { titleOverride: entry.titleOverride } : {}),
        updatedAt: now,
      });
      return { step, status: 'done' };
    }
    case 'adopt-title': {
      const entry = await activeChat(context, scope, step.key);
      await registry.put(scope, {
        ...entry,
        title: step.to,
        titleOverride: { title: step.to, templateTitle: step.templateTitle },
        updatedAt: now,
      });
      return { step, status: 'done' };
    }
    case 'record-title': {
      const entry = await activeChat(context, scope, step.key);
      await registry.put(scope, { ...entry, title: step.title, updatedAt: now });
      return { step, status: 'done' };
    }
    case 'await-person': {
      await registry.put(scope, {
        key: step.key,
        type: step.type,
        state: 'awaiting-person',
        title: step.title,
        addedMemberIds: [],
        updatedAt: now,
      });
      return { step, status: 'done' };
    }
    case 'add-member': {
      const entry = await activeChat(context, scope, step.key);
      const outcome = await need(transport.addMember, 'add members').call(
        transport,
        entry.chatId,
        step.userId,
        signal,
      );
      if (!outcome.ok) {
        refusedMembers.push({
          key: step.key,
          userId: step.userId,
          personId: step.personId,
          reason: outcome.reason,
        });
        return { step, status: 'refused', refusal: outcome };
      }
      const fresh = await activeChat(context, scope, step.key);
      await registry.put(scope, {
        ...fresh,
        addedMemberIds: [...new Set([...fresh.addedMemberIds, step.userId])],
        updatedAt: context.now(),
      });
      return { step, status: 'done' };
    }
    case 'remove-member': {
      const entry = await activeChat(context, scope, step.key);
      const outcome = await need(transport.removeMember, 'remove members').call(
        transport,
        entry.chatId,
        step.userId,
        signal,
      );
      if (!outcome.ok) {
        return { step, status: 'refused', refusal: outcome };
      }
      const fresh = await activeChat(context, scope, step.key);
      await registry.put(scope, {
        ...fresh,
        addedMemberIds: fresh.addedMemberIds.filter((id) => id !== step.userId),
        updatedAt: context.now(),
      });
      return { step, status: 'done' };
    }
    case 'fetch-invite-link': {
      const entry = await activeChat(context, scope, step.key);
      const link = await need(transport.inviteLink, 'give invite links').call(
        transport,
        entry.chatId,
        {},
        signal,
      );
      if (link !== undefined) {
        const fresh = await activeChat(context, scope, step.key);
        await registry.put(scope, { ...fresh, inviteLink: link, updatedAt: context.now() });
      }
      return { step, status: 'done' };
    }
  }
}

/** The one chat with this title that no registry entry claims, if there is exactly one. */
async function findUnclaimed(
  context: ApplyContext,
  scope: string,
  title: string,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  const { transport } = context;
  if (!transport.capabilities.findChatsByTitle || !transport.findChatsByTitle) {
    return undefined;
  }
  const claimed = new Set(
    (await context.registry.list(scope)).flatMap((entry) =>
      entry.chatId === undefined ? [] : [entry.chatId],
    ),
  );
  const candidates = ((await transport.findChatsByTitle([title], signal)).get(title) ?? []).filter(
    (chat) => !claimed.has(chat.chatId),
  );
  return candidates.length === 1 ? candidates[0]?.chatId : undefined;
}
