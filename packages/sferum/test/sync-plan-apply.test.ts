import { MemoryStore } from '@goskit/core';
import { describe, expect, it } from 'vitest';
import {
  type ApplyEvent,
  type ChatRegistry,
  type ChatSyncOptions,
  createChatSync,
  KeyValueChatRegistry,
  keyValueSyncLock,
  MemoryChatRegistry,
  MemoryLinkStore,
  type PlanStep,
  type SchoolRoster,
} from '../src/index.js';
import { COMMUNITY, MemoryMessenger, USER_TOKEN } from './helpers/memory-messenger.js';
import { demoRoster, LINKED } from './helpers/roster.js';

const NOW = Date.UTC(2026, 8, 1, 6);
const clock = { now: () => NOW };

function linkStore(linked: Record<string, string> = LINKED, roster = demoRoster()) {
  const roles = new Map<string, 'teacher' | 'pupil' | 'parent'>([
    ...roster.teachers.map((p) => [p.id, 'teacher'] as const),
    ...roster.pupils.map((p) => [p.id, 'pupil'] as const),
    ...roster.parents.map((p) => [p.id, 'parent'] as const),
  ]);
  return new MemoryLinkStore(
    Object.entries(linked).map(([personId, userId]) => ({
      personId,
      role: roles.get(personId)!,
      network: 'vk' as const,
      userId,
      linkedAt: NOW,
    })),
  );
}

function setup(extra: Partial<ChatSyncOptions> & { capabilities?: typeof COMMUNITY } = {}) {
  const world = new MemoryMessenger();
  const registry = extra.registry ?? new MemoryChatRegistry();
  const links = extra.links ?? linkStore();
  const { capabilities, ...rest } = extra;
  const sync = createChatSync({
    transport: world.transport(capabilities ?? COMMUNITY),
    registry,
    links,
    clock,
    ...rest,
  });
  return { world, registry, links, sync };
}

const kinds = (steps: readonly PlanStep[], actor?: string) =>
  steps.filter((s) => actor === undefined || s.actor === actor).map((s) => s.kind);

describe.each([
  ['memory registry', () => new MemoryChatRegistry() as ChatRegistry],
  ['key-value registry', () => new KeyValueChatRegistry(new MemoryStore()) as ChatRegistry],
])('plan and apply (%s)', (_name, makeRegistry) => {
  it('creates every chat with its linked members, then a second run has zero operations', async () => {
    const { world, sync, registry } = setup({ registry: makeRegistry() });
    const plan = await sync.plan(demoRoster());
    expect(plan.summary).toMatchObject({
      chats: 6,
      create: 6,
      operations: 6,
      mustLink: 2,
      registryUpdates: 0,
    });
    const class1 = plan.chats.find((c) => c.key === 'CLASS:c1')!;
    expect(class1.status).toBe('new');
    expect(class1.members.map((m) => [m.personId, m.mark, m.action])).toEqual([
      ['t1', '✓', 'add-on-create'],
      ['p1', '✓', 'add-on-create'],
      ['p2', '✓', 'add-on-create'],
    ]);
    // Not linked: p4 and r3, each told once with every chat waiting for them.
    const mustLink = plan.steps.filter((s) => s.kind === 'link-profile');
    expect(mustLink.map((s) => (s.kind === 'link-profile' ? [s.personId, s.chatKeys] : []))).toEqual([
      ['p4', ['CLASS:c2', 'SUBJECT:s1']],
      ['r3', ['PARENTS:c2']],
    ]);
    expect(plan.chats.find((c) => c.key === 'PARENTS:c2')!.linkedPercent).toBe(66.7);

    const result = await sync.apply(plan);
    expect(result.failed).toBe(0);
    expect(result.done).toBe(6);
    expect(world.chats.size).toBe(6);
    const created = world.chatsTitled('Демо школа - 1А - Чат класса');
    expect(created).toHaveLength(1);
    expect([...created[0]!.members].sort()).toEqual(['101', '201', '202', '9000']);
    expect((await registry.list(plan.scope)).every((e) => e.state === 'active' && e.chatId)).toBe(true);

    const again = await sync.plan(demoRoster());
    expect(again.summary.operations).toBe(0);
    expect(again.summary.registryUpdates).toBe(0);
    expect(again.chats.every((c) => c.status === 'in-sync')).toBe(true);
    const rerun = await sync.apply(again);
    expect(rerun.results).toHaveLength(0);
    expect(world.chats.size).toBe(6);
  });

  it('propagates a registry rename to the messenger, once', async () => {
    const { world, sync } = setup({ registry: makeRegistry() });
    await sync.run(demoRoster());
    const roster: SchoolRoster = {
      ...demoRoster(),
      organisation: { id: 'school-1', shortName: 'Школа № 1' },
    };
    const plan = await sync.plan(roster);
    expect(kinds(plan.steps, 'sync')).toEqual(Array(6).fill('rename-chat'));
    await sync.apply(plan);
    expect(world.chatsTitled('Школа № 1 - 1А - Чат класса')).toHaveLength(1);
    expect((await sync.plan(roster)).summary.operations).toBe(0);
  });
});

describe('members', () => {
  it('community token: members refused at creation and people who link later get the invite link', async () => {
    const { world, sync, links } = setup();
    world.refusing.set('202', 'privacy');
    const first = await sync.run(demoRoster());
    expect(first.result.refusedMembers).toEqual([{ key: 'CLASS:c1', userId: '202', reason: 'privacy' }]);
    // p4 links their profile after the first run.
    await links.put({ personId: 'p4', role: 'pupil', network: 'vk', userId: '204', linkedAt: NOW });
    const plan = await sync.plan(demoRoster());
    expect(kinds(plan.steps, 'sync')).toEqual([
      'fetch-invite-link',
      'fetch-invite-link',
      'fetch-invite-link',
    ]);
    const join = plan.steps.filter((s) => s.kind === 'join-by-invite');
    expect(join.map((s) => (s.kind === 'join-by-invite' ? [s.key, s.userIds] : []))).toEqual([
      ['CLASS:c1', ['202']],
      ['CLASS:c2', ['204']],
      ['SUBJECT:s1', ['204']],
    ]);
    const applied = await sync.apply(plan);
    const links1 = applied.waiting.filter((s) => s.kind === 'join-by-invite');
    expect(
      links1.every((s) => s.kind === 'join-by-invite' && s.inviteLink?.startsWith('https://vk.me/join/')),
    ).toBe(true);
    // Nothing left for the sync to do; the people still have to click the link.
    const again = await sync.plan(demoRoster());
    expect(again.summary.operations).toBe(0);
    expect(again.summary.joinByInvite).toBe(3);
    // They join: the chat is in sync.
    for (const chat of world.chats.values()) {
      if (chat.title.includes('5Б')) {
        world.personJoins(chat.chatId, '204');
      }
    }
    world.personJoins(world.chatsTitled('Демо школа - 1А - Чат класса')[0]!.chatId, '202');
    expect((await sync.plan(demoRoster())).summary.joinByInvite).toBe(0);
  });

  it('user token: adds people who link later, removes a pupil who moved, keeps admins and strangers', async () => {
    const { world, sync, links } = setup({ capabilities: USER_TOKEN });
    await sync.run(demoRoster());
    await links.put({ personId: 'r3', role: 'parent', network: 'vk', userId: '303', linkedAt: NOW });
    const moved = demoRoster();
    moved.pupils = moved.pupils.map((p) => (p.id === 'p2' ? { ...p, classId: 'c2' } : p));
    const class1 = world.chatsTitled('Демо школа - 1А - Чат класса')[0]!;
    world.personJoins(class1.chatId, '555'); // someone the school does not know
    const plan = await sync.plan(moved);
    const sync1 = plan.steps.filter((s) => s.actor === 'sync');
    expect(sync1.map((s) => `${s.kind} ${s.key} ${'userId' in s ? s.userId : ''}`).sort()).toEqual(
      [
        'add-member CLASS:c2 202',
        'add-member PARENTS:c2 303',
        'add-member SUBJECT:s1 202',
        'remove-member CLASS:c1 202',
        // Both of r2's children are in 5Б now: r2 leaves the 1А parents' chat.
        'remove-member PARENTS:c1 302',
      ].sort(),
    );
    expect(plan.findings).toContainEqual({
      kind: 'unknown-member',
      key: 'CLASS:c1',
      chatId: class1.chatId,
      userId: '555',
    });
    await sync.apply(plan);
    expect(class1.members.has('202')).toBe(false);
    expect(class1.members.has('555')).toBe(true);
    expect(class1.members.has('9000')).toBe(true);
    expect((await sync.plan(moved)).summary.operations).toBe(0);
  });

  it('marks a link stale when the role changed, the account is gone, or it was not verified in time', async () => {
    const links = linkStore();
    await links.put({ personId: 't3', role: 'parent', network: 'vk', userId: '103', linkedAt: NOW });
    const { sync } = setup({
      links,
      deactivatedUsers: new Set(['201']),
      linkMaxAgeMs: 86_400_000,
      clock: { now: () => NOW + 3_600_000 },
    });
    const plan = await sync.plan(demoRoster());
    const members = new Map(plan.chats.flatMap((c) => c.members.map((m) => [m.personId, m])));
    expect(members.get('t3')).toMatchObject({
      link: 'stale',
      staleReason: 'role-changed',
      mark: '✗',
      action: 'must-link',
    });
    expect(members.get('p1')).toMatchObject({ link: 'stale', staleReason: 'account-deactivated' });
    expect(members.get('t1')).toMatchObject({ link: 'linked', mark: '✓' });
    const later = setup({ links, linkMaxAgeMs: 1000, clock: { now: () => NOW + 5000 } });
    const stale = await later.sync.plan(demoRoster());
    expect(stale.chats[0]!.members[0]).toMatchObject({ link: 'stale', staleReason: 'verification-expired' });
  });
});

describe('titles changed in the messenger', () => {
  async function renamedByPerson(policy?: 'report' | 'adopt' | 'overwrite') {
    const context = setup(policy ? { onRemoteRename: policy } : {});
    await context.sync.run(demoRoster());
    const chat = context.world.chatsTitled('Демо школа - 1А - Чат класса')[0]!;
    context.world.personRenames(chat.chatId, '1А — лучший класс');
    return { ...context, chat };
  }

  it('reports it by default and changes nothing', async () => {
    const { sync, chat } = await renamedByPerson();
    const plan = await sync.plan(demoRoster());
    expect(plan.summary.operations).toBe(0);
    expect(plan.findings).toContainEqual({
      kind: 'remote-title-changed',
      key: 'CLASS:c1',
      chatId: chat.chatId,
      registryTitle: 'Демо школа - 1А - Чат класса',
      remoteTitle: '1А — лучший класс',
      desiredTitle: 'Демо школа - 1А - Чат класса',
    });
  });

  it('adopts it by option — until the registry itself renames the chat', async () => {
    const { sync, chat, world } = await renamedByPerson('adopt');
    const plan = await sync.plan(demoRoster());
    expect(kinds(plan.steps, 'registry')).toEqual(['adopt-title']);
    expect(plan.summary.operations).toBe(0);
    await sync.apply(plan);
    const again = await sync.plan(demoRoster());
    expect(again.summary.registryUpdates + again.summary.operations).toBe(0);
    expect(again.findings).toEqual([]);
    // The school renames itself: the template title changed, so the adopted one gives way.
    const renamed = { ...demoRoster(), organisation: { id: 'school-1', shortName: 'Школа 2' } };
    const third = await sync.plan(renamed);
    expect(third.steps.find((s) => s.key === 'CLASS:c1' && s.actor === 'sync')).toMatchObject({
      kind: 'rename-chat',
      from: '1А — лучший класс',
      to: 'Школа 2 - 1А - Чат класса',
    });
    await sync.apply(third);
    expect(world.chats.get(chat.chatId)!.title).toBe('Школа 2 - 1А - Чат класса');
  });

  it('overwrites it by option', async () => {
    const { sync, world, chat } = await renamedByPerson('overwrite');
    await sync.run(demoRoster());
    expect(world.chats.get(chat.chatId)!.title).toBe('Демо школа - 1А - Чат класса');
  });
});

describe('registry housekeeping', () => {
  it('reports a chat gone from the messenger, and recreates it only by option', async () => {
    const { world, sync, registry } = setup();
    await sync.run(demoRoster());
    const teacherChat = world.chatsTitled('Демо школа - Чат учителей')[0]!;
    world.deleteChat(teacherChat.chatId);
    const plan = await sync.plan(demoRoster());
    expect(plan.findings).toContainEqual({
      kind: 'chat-lost',
      key: 'TEACHER',
      chatId: teacherChat.chatId,
      reason: 'not-found',
    });
    expect(plan.summary.operations).toBe(0);
    const recreate = createChatSync({
      transport: world.transport(),
      registry,
      links: linkStore(),
      clock,
      recreateLost: true,
    });
    const result = await recreate.run(demoRoster());
    expect(kinds(result.plan.steps, 'sync')).toEqual(['create-chat']);
    expect(world.chatsTitled('Демо школа - Чат учителей')).toHaveLength(1);
  });

  it('reports chats no longer desired, without deleting them', async () => {
    const { sync } = setup();
    await sync.run(demoRoster());
    const smaller = demoRoster();
    smaller.subjects = [];
    const plan = await sync.plan(smaller);
    expect(plan.findings).toContainEqual(
      expect.objectContaining({ kind: 'chat-retired', key: 'SUBJECT:s1' }),
    );
  });
});

describe('apply', () => {
  it('reports progress: start, one event per step, finish', async () => {
    const { sync } = setup();
    const events: ApplyEvent[] = [];
    const plan = await sync.plan(demoRoster());
    await sync.apply(plan, { onProgress: (event) => events.push(event), concurrency: 2 });
    expect(events[0]).toEqual({ type: 'start', total: 6 });
    expect(events.filter((e) => e.type === 'step').map((e) => (e.type === 'step' ? e.completed : 0))).toEqual(
      [1, 2, 3, 4, 5, 6],
    );
    expect(events.at(-1)?.type).toBe('finish');
  });

  it('lets one run per school apply at a time, across instances sharing the lock store', async () => {
    const store = new MemoryStore();
    const world = new MemoryMessenger();
    const registry = new MemoryChatRegistry();
    const make = () =>
      createChatSync({
        transport: world.transport(),
        registry,
        links: linkStore(),
        clock,
        lock: keyValueSyncLock(store),
      });
    const [a, b] = [make(), make()];
    const plan = await a.plan(demoRoster());
    const results = await Promise.allSettled([a.apply(plan), b.apply(plan)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'SYNC_LOCKED' } });
    expect(world.chats.size).toBe(6);
    // The lock is released afterwards.
    await expect(b.apply(await b.plan(demoRoster()))).resolves.toMatchObject({ failed: 0 });
  });

  it('finishes the run before rethrowing an error of the progress handler', async () => {
    const { sync, world } = setup();
    const plan = await sync.plan(demoRoster());
    await expect(
      sync.apply(plan, {
        onProgress: (event) => {
          if (event.type === 'step') {
            throw new Error('progress bar broke');
          }
        },
      }),
    ).rejects.toThrow('progress bar broke');
    expect(world.chats.size).toBe(6);
    expect((await sync.plan(demoRoster())).summary.operations).toBe(0);
  });

  it('stops scheduling on abort and marks the rest skipped', async () => {
    const { sync, world } = setup();
    const controller = new AbortController();
    const plan = await sync.plan(demoRoster());
    const result = await sync.apply(plan, {
      signal: controller.signal,
      concurrency: 1,
      onProgress: (event) => {
        if (event.type === 'step' && event.completed === 2) {
          controller.abort();
        }
      },
    });
    expect(result.done).toBe(2);
    expect(result.skipped).toBe(4);
    expect(world.chats.size).toBe(2);
    // The next run finishes the job.
    expect((await sync.run(demoRoster())).plan.summary.create).toBe(4);
  });
});
