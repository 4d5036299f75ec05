/**
 * A transport whose bot cannot create chats (as in MAX): the plan asks a person to create each chat
 * with its exact title; the registry waits; a created chat is attached by exact title, never guessed;
 * then members follow as with any transport.
 */
import { describe, expect, it } from 'vitest';
import { createChatSync, MemoryChatRegistry, MemoryLinkStore, PERSON_MUST_CREATE } from '../src/index.js';
import { MemoryMessenger, PERSON_CREATES } from './helpers/memory-messenger.js';
import { demoRoster } from './helpers/roster.js';

describe('a person must create the chat', () => {
  it('plans person-must-create steps with the exact titles, and waits', async () => {
    const world = new MemoryMessenger();
    const links = new MemoryLinkStore([
      { personId: 't1', role: 'teacher', network: 'vk', userId: '101', linkedAt: 0 },
      { personId: 'p1', role: 'pupil', network: 'vk', userId: '201', linkedAt: 0 },
    ]);
    const sync = createChatSync({
      transport: world.transport(PERSON_CREATES),
      registry: new MemoryChatRegistry(),
      links,
      types: ['CLASS'],
    });
    const plan = await sync.plan(demoRoster());
    expect(plan.summary).toMatchObject({ create: 0, operations: 0, personMustCreate: 2, registryUpdates: 2 });
    const ask = plan.steps.find((s) => s.kind === 'person-must-create');
    expect(ask).toMatchObject({
      actor: 'person',
      key: 'CLASS:c1',
      title: 'Демо школа - 1А - Чат класса',
      instructions: PERSON_MUST_CREATE,
      personIds: ['t1', 'p1', 'p2'],
    });
    expect(plan.chats[0]!.status).toBe('awaiting-person');
    const result = await sync.apply(plan);
    expect(result.waiting.filter((s) => s.kind === 'person-must-create')).toHaveLength(2);
    expect(world.chats.size).toBe(0);
    // Nothing for the sync to do until a person acts.
    const again = await sync.plan(demoRoster());
    expect(again.summary).toMatchObject({ operations: 0, registryUpdates: 0, personMustCreate: 2 });

    // A teacher creates one chat with the exact title; an unrelated chat is never matched.
    const created = world.personCreates('Демо школа - 1А - Чат класса', ['101']);
    expect(await sync.attachChat('school-1', { chatId: '999', title: 'Другой чат' })).toBeUndefined();
    expect(await sync.attachChat('school-1', { chatId: created.chatId, title: created.title })).toBe(
      'CLASS:c1',
    );
    // The same chat cannot stand for a second entry; a key matched by the caller attaches directly.
    expect(await sync.attachChat('school-1', { chatId: created.chatId, key: 'CLASS:c2' })).toBeUndefined();
    const other = world.personCreates('5Б (создан учителем)', ['102']);
    expect(await sync.attachChat('school-1', { chatId: other.chatId, key: 'CLASS:c2' })).toBe('CLASS:c2');
    const next = await sync.plan(demoRoster());
    expect(next.summary.personMustCreate).toBe(0);
    expect(next.steps.filter((s) => s.actor === 'sync')).toEqual([
      { kind: 'add-member', actor: 'sync', key: 'CLASS:c1', userId: '201', personId: 'p1' },
    ]);
    // The teacher chose another title: reported (the default policy), not overwritten.
    expect(next.findings).toContainEqual(
      expect.objectContaining({
        kind: 'remote-title-changed',
        key: 'CLASS:c2',
        remoteTitle: '5Б (создан учителем)',
      }),
    );
    await sync.apply(next);
    expect(created.members.has('201')).toBe(true);
    expect((await sync.plan(demoRoster())).summary.operations).toBe(0);
  });
});
