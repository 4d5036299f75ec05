/**
 * Crash safety of apply: a create interrupted at each point is reconciled on the next run — found
 * by its title in the messenger — and never repeated; a run cut off half-way is finished by the
 * next one with no duplicate chat or member.
 */
import { describe, expect, it } from 'vitest';
import {
  type ChatRegistry,
  createChatSync,
  MemoryChatRegistry,
  MemoryLinkStore,
  type RegistryEntry,
} from '../src/index.js';
import { MemoryMessenger, USER_TOKEN } from './helpers/memory-messenger.js';
import { demoRoster, LINKED } from './helpers/roster.js';

const NOW = Date.UTC(2026, 8, 1, 6);

function links() {
  const roster = demoRoster();
  const roles = new Map<string, 'teacher' | 'pupil' | 'parent'>([
    ...roster.teachers.map((p) => [p.id, 'teacher'] as const),
    ...roster.pupils.map((p) => [p.id, 'pupil'] as const),
    ...roster.parents.map((p) => [p.id, 'parent'] as const),
  ]);
  return new MemoryLinkStore(
    Object.entries(LINKED).map(([personId, userId]) => ({
      personId,
      role: roles.get(personId)!,
      network: 'vk' as const,
      userId,
      linkedAt: NOW,
    })),
  );
}

/** A process that dies: the registry write after the messenger's create never happens. */
class DyingRegistry implements ChatRegistry {
  crashed = false;
  constructor(
    readonly inner: ChatRegistry,
    readonly dieWhen: (entry: RegistryEntry) => boolean,
  ) {}
  list(scope: string) {
    return this.inner.list(scope);
  }
  get(scope: string, key: string) {
    return this.inner.get(scope, key);
  }
  async put(scope: string, entry: RegistryEntry) {
    if (this.crashed || this.dieWhen(entry)) {
      this.crashed = true;
      throw new Error('process died');
    }
    return this.inner.put(scope, entry);
  }
  remove(scope: string, key: string) {
    return this.inner.remove(scope, key);
  }
}

const titles = (world: MemoryMessenger) =>
  [...world.chats.values()]
    .filter((c) => !c.gone)
    .map((c) => c.title)
    .sort();

const allTitles = [
  'Демо школа - 1А - Чат класса',
  'Демо школа - 1А - Чат родителей',
  'Демо школа - 5Б - Математика',
  'Демо школа - 5Б - Чат класса',
  'Демо школа - 5Б - Чат родителей',
  'Демо школа - Чат учителей',
];

describe('crash half-way and rerun', () => {
  it('the process dies after the messenger created a chat: the rerun finds it by title and adopts it', async () => {
    const world = new MemoryMessenger();
    const registry = new MemoryChatRegistry();
    const dying = new DyingRegistry(
      registry,
      (entry) => entry.state === 'active' && entry.key === 'PARENTS:c1',
    );
    const first = createChatSync({
      transport: world.transport(),
      registry: dying,
      links: links(),
      clock: { now: () => NOW },
    });
    const crashed = await first.run(demoRoster(), { concurrency: 1 });
    expect(crashed.result.failed).toBeGreaterThan(0);
    expect(world.chats.size).toBe(2); // CLASS:c1 recorded; PARENTS:c1 created but not recorded
    expect((await registry.get(crashed.plan.scope, 'PARENTS:c1'))?.state).toBe('creating');

    // A new process, the same registry and messenger.
    const second = createChatSync({
      transport: world.transport(),
      registry,
      links: links(),
      clock: { now: () => NOW },
    });
    const plan = await second.plan(demoRoster());
    const parents = plan.chats.find((c) => c.key === 'PARENTS:c1')!;
    expect(parents.status).toBe('reconcile');
    expect(plan.steps.filter((s) => s.key === 'PARENTS:c1').map((s) => s.kind)).toEqual(['adopt-found-chat']);
    expect(plan.summary.create).toBe(4);
    await second.apply(plan);
    expect(titles(world)).toEqual(allTitles);
    expect((await second.plan(demoRoster())).summary).toMatchObject({ operations: 0, registryUpdates: 0 });
  });

  it('the messenger created the chat but the answer was lost: apply looks it up at once', async () => {
    const world = new MemoryMessenger();
    world.fail('createChat', 'after');
    const sync = createChatSync({
      transport: world.transport(),
      registry: new MemoryChatRegistry(),
      links: links(),
    });
    const { result } = await sync.run(demoRoster(), { concurrency: 1 });
    expect(result.failed).toBe(0);
    expect(result.results[0]).toMatchObject({ status: 'done', reconciled: true });
    expect(titles(world)).toEqual(allTitles);
    expect((await sync.plan(demoRoster())).summary.operations).toBe(0);
  });

  it('the create failed before the messenger acted: the intent stays and the rerun creates it once', async () => {
    const world = new MemoryMessenger();
    world.fail('createChat', 'before');
    const registry = new MemoryChatRegistry();
    const sync = createChatSync({ transport: world.transport(), registry, links: links() });
    const { result, plan } = await sync.run(demoRoster(), { concurrency: 1 });
    expect(result.failed).toBe(1);
    const failedKey = result.results.find((r) => r.status === 'failed')!.step.key;
    expect((await registry.get(plan.scope, failedKey))?.state).toBe('creating');
    const rerun = await sync.run(demoRoster());
    expect(rerun.plan.steps.map((s) => s.kind).filter((k) => k === 'create-chat')).toHaveLength(1);
    expect(titles(world)).toEqual(allTitles);
  });

  it('two unclaimed chats with the title of an interrupted create: reported, nothing created or adopted', async () => {
    const world = new MemoryMessenger();
    const registry = new MemoryChatRegistry();
    const scope = 'memory:school-1';
    await registry.put(scope, {
      key: 'TEACHER',
      type: 'TEACHER',
      state: 'creating',
      title: 'Демо школа - Чат учителей',
      intent: { title: 'Демо школа - Чат учителей', startedAt: NOW },
      addedMemberIds: [],
      updatedAt: NOW,
    });
    world.personCreates('Демо школа - Чат учителей');
    world.personCreates('Демо школа - Чат учителей');
    const sync = createChatSync({
      transport: world.transport(),
      registry,
      links: links(),
      types: ['TEACHER'],
    });
    const plan = await sync.plan(demoRoster());
    expect(plan.steps.filter((s) => s.actor !== 'person')).toEqual([]);
    expect(plan.findings).toEqual([
      {
        kind: 'ambiguous-reconcile',
        key: 'TEACHER',
        title: 'Демо школа - Чат учителей',
        candidates: ['1', '2'],
      },
    ]);
  });

  it('an add whose answer was lost is not repeated: the rerun sees the member in the chat', async () => {
    const world = new MemoryMessenger();
    const registry = new MemoryChatRegistry();
    const store = links();
    const sync = createChatSync({ transport: world.transport(USER_TOKEN), registry, links: store });
    await sync.run(demoRoster());
    // Two people link; the first add reaches the messenger but its answer is lost.
    for (const [personId, userId, role] of [
      ['p4', '204', 'pupil'],
      ['r3', '303', 'parent'],
    ] as const) {
      await store.put({ personId, role, network: 'vk', userId, linkedAt: NOW });
    }
    world.fail('addMember', 'after');
    const cut = await sync.run(demoRoster(), { concurrency: 1 });
    expect(cut.result.failed).toBe(1);
    const rerun = await sync.run(demoRoster());
    // The add that "failed" had reached the messenger: the rerun sees the member and does nothing more for it.
    expect(rerun.plan.summary.addMembers).toBe(0);
    const adds = world.log.filter((line) => line.startsWith('add '));
    expect(new Set(adds).size).toBe(adds.length);
    expect((await sync.plan(demoRoster())).summary.operations).toBe(0);
  });
});
