/**
 * Chat events without a messenger in the way: claim codes (format, found in text, bounded), title
 * matching as people type titles, never a guess (two entries with one title stay unmatched), idempotent
 * observing, hostile ids, and MAX updates turned into events (channels, dialogs and odd shapes ignored).
 */
import { describe, expect, it } from 'vitest';
import {
  claimCodesIn,
  createChatSync,
  isSyncError,
  MemoryChatRegistry,
  MemoryLinkStore,
  sameTitle,
} from '../src/index.js';
import { type MaxIncomingUpdate, maxChatEvent } from '../src/max.js';
import { newClaimCode } from '../src/sync/claim-code.js';
import { MemoryMessenger, PERSON_CREATES } from './helpers/memory-messenger.js';
import { demoRoster } from './helpers/roster.js';

const setup = () => {
  const world = new MemoryMessenger();
  const codes = ['SFR-AAAAAA', 'SFR-BBBBBB', 'SFR-CCCCCC', 'SFR-DDDDDD', 'SFR-EEEEEE', 'SFR-FFFFFF'];
  const sync = createChatSync({
    transport: world.transport(PERSON_CREATES),
    registry: new MemoryChatRegistry(),
    links: new MemoryLinkStore(),
    types: ['CLASS'],
    claimCodes: () => codes.shift() as string,
  });
  return { world, sync };
};

describe('claim codes', () => {
  it('are SFR- and six characters without look-alikes, found case-insensitively and only whole', () => {
    for (let i = 0; i < 50; i += 1) {
      expect(newClaimCode()).toMatch(/^SFR-[2-9A-HJKMNP-Z]{6}$/);
    }
    expect(claimCodesIn('Код: sfr-7kq3mx, повтор SFR-7KQ3MX')).toEqual(['SFR-7KQ3MX']);
    expect(claimCodesIn('SFR-7KQ3MXX SFR-0OIL11 SFR-7KQ')).toEqual([]);
    expect(claimCodesIn(`${'а'.repeat(4000)} SFR-7KQ3MX`)).toEqual([]);
    expect(claimCodesIn(undefined)).toEqual([]);
  });
});

describe('observing chat events', () => {
  it('matches by title as people type it, by code, and never guesses', async () => {
    const { world, sync } = setup();
    await sync.apply(await sync.plan(demoRoster()));
    expect(sameTitle(' демо   школа - 1а - чат класса ', 'Демо школа - 1А - Чат класса')).toBe(true);
    const typed = world.personCreates('демо школа - 1а -  чат класса');
    const matched = await sync.observe('school-1', { type: 'bot-added', chatId: typed.chatId });
    expect(matched).toEqual({ status: 'matched', key: 'CLASS:c1', chatId: typed.chatId, by: 'title' });
    // Delivered twice: the same registry, reported as known.
    expect(await sync.observe('school-1', { type: 'bot-added', chatId: typed.chatId })).toEqual({
      status: 'known',
      key: 'CLASS:c1',
      chatId: typed.chatId,
    });
    // The registry's title wins: the next plan renames the chat to the exact title.
    expect((await sync.plan(demoRoster())).steps).toContainEqual(
      expect.objectContaining({ kind: 'rename-chat', key: 'CLASS:c1', to: 'Демо школа - 1А - Чат класса' }),
    );
    const other = world.personCreates('5Б');
    expect(await sync.observe('school-1', { type: 'bot-added', chatId: other.chatId })).toMatchObject({
      status: 'unmatched',
      reason: 'no-match',
      title: '5Б',
    });
    expect(
      await sync.observe('school-1', { type: 'message', chatId: other.chatId, text: 'код sfr-aaaaaa' }),
    ).toMatchObject({
      status: 'unmatched',
      reason: 'unknown-code', // SFR-AAAAAA belonged to CLASS:c1, which has its chat now
    });
    expect(
      await sync.observe('school-1', { type: 'message', chatId: other.chatId, text: 'SFR-BBBBBB' }),
    ).toEqual({
      status: 'matched',
      key: 'CLASS:c2',
      chatId: other.chatId,
      by: 'code',
    });
    // A renamed unknown chat is matched once its title fits; events of registry chats are known.
    expect(
      await sync.observe('school-1', { type: 'member-added', chatId: other.chatId, userId: '5' }),
    ).toMatchObject({
      status: 'known',
    });
  });

  it('leaves two entries with one title unmatched, and refuses hostile or missing chat ids', async () => {
    const { world, sync } = setup();
    await sync.apply(await sync.plan(demoRoster()));
    // Two subject chats whose titles differ only in case: a chat titled either way fits both — unmatched.
    const ambiguous = createChatSync({
      transport: world.transport(PERSON_CREATES),
      registry: new MemoryChatRegistry(),
      links: new MemoryLinkStore(),
      types: ['SUBJECT'],
    });
    const roster = demoRoster();
    const subjects = [
      { id: 's1', name: 'Музыка', classId: 'c2', teacherIds: ['t3'], chat: true },
      { id: 's2', name: 'музыка', classId: 'c2', teacherIds: ['t3'], chat: true },
    ];
    await ambiguous.apply(await ambiguous.plan({ ...roster, subjects }));
    const chat = world.personCreates('Демо школа - 5Б - МУЗЫКА');
    expect(await ambiguous.observe('school-1', { type: 'bot-added', chatId: chat.chatId })).toEqual({
      status: 'unmatched',
      chatId: chat.chatId,
      title: 'Демо школа - 5Б - МУЗЫКА',
      reason: 'ambiguous',
      candidates: ['SUBJECT:s1', 'SUBJECT:s2'],
    });
    for (const chatId of ['__proto__', 'constructor', 'toString']) {
      expect(await sync.observe('school-1', { type: 'bot-added', chatId })).toMatchObject({
        status: 'unmatched',
      });
    }
    for (const chatId of ['', undefined, 5]) {
      const error = await sync
        .observe('school-1', { type: 'bot-added', chatId } as never)
        .catch((e: unknown) => e);
      expect(isSyncError(error) && error.code).toBe('INVALID_EVENT');
    }
  });
});

describe('MAX updates as chat events', () => {
  const update = (value: Record<string, unknown>) => value as unknown as MaxIncomingUpdate;
  const user = { user_id: 7, first_name: 'Анна', is_bot: false, last_activity_time: 0 };
  it('maps the registry’s update types and ignores channels, dialogs and odd shapes', () => {
    expect(
      maxChatEvent(update({ update_type: 'bot_added', timestamp: 1, chat_id: -70000000000005, user })),
    ).toEqual({
      type: 'bot-added',
      chatId: '-70000000000005',
    });
    expect(
      maxChatEvent(update({ update_type: 'bot_added', timestamp: 1, chat_id: -7, user, is_channel: true })),
    ).toBeUndefined();
    expect(
      maxChatEvent(
        update({ update_type: 'chat_title_changed', timestamp: 1, chat_id: -7, user, title: 'Новое' }),
      ),
    ).toEqual({
      type: 'title-changed',
      chatId: '-7',
      title: 'Новое',
    });
    expect(maxChatEvent(update({ update_type: 'user_removed', timestamp: 1, chat_id: -7, user }))).toEqual({
      type: 'member-removed',
      chatId: '-7',
      userId: '7',
    });
    const message = (chat_type: string, text: unknown) =>
      update({
        update_type: 'message_created',
        timestamp: 1,
        message: { recipient: { chat_id: -7, chat_type }, body: { mid: 'mid.1', seq: 1, text } },
      });
    expect(maxChatEvent(message('chat', 'SFR-AAAAAA'))).toEqual({
      type: 'message',
      chatId: '-7',
      text: 'SFR-AAAAAA',
    });
    expect(maxChatEvent(message('dialog', 'SFR-AAAAAA'))).toBeUndefined();
    expect(maxChatEvent(message('chat', 42))).toBeUndefined();
    expect(maxChatEvent(update({ update_type: 'bot_added', chat_id: '__proto__', user }))).toBeUndefined();
    expect(maxChatEvent(update({ update_type: 'bot_added', chat_id: 2 ** 60, user }))).toBeUndefined();
    expect(maxChatEvent(update({ update_type: 'message_callback', chat_id: -7 }))).toBeUndefined();
    expect(maxChatEvent(update({ update_type: 'user_added', chat_id: -7 }))).toBeUndefined();
  });
});
