import { describe, expect, it } from 'vitest';
import {
  createChatSync,
  MemoryChatRegistry,
  MemoryLinkStore,
  type SchoolRoster,
  SyncError,
} from '../src/index.js';
import { MemoryMessenger } from './helpers/memory-messenger.js';
import { demoRoster } from './helpers/roster.js';

function sync(extra: Partial<Parameters<typeof createChatSync>[0]> = {}) {
  return createChatSync({
    transport: new MemoryMessenger().transport(),
    registry: new MemoryChatRegistry(),
    links: new MemoryLinkStore(),
    ...extra,
  });
}

describe('desired chats', () => {
  it('gives each class a CLASS and a PARENTS chat, the school a TEACHER chat, and requested SUBJECT chats', () => {
    const chats = sync().desiredChats(demoRoster());
    expect(chats.map((c) => [c.key, c.type, c.title])).toEqual([
      ['CLASS:c1', 'CLASS', 'Демо школа - 1А - Чат класса'],
      ['PARENTS:c1', 'PARENTS', 'Демо школа - 1А - Чат родителей'],
      ['CLASS:c2', 'CLASS', 'Демо школа - 5Б - Чат класса'],
      ['PARENTS:c2', 'PARENTS', 'Демо школа - 5Б - Чат родителей'],
      ['TEACHER', 'TEACHER', 'Демо школа - Чат учителей'],
      ['SUBJECT:s1', 'SUBJECT', 'Демо школа - 5Б - Математика'],
    ]);
    const byKey = new Map(chats.map((c) => [c.key, c.members.map((m) => m.personId)]));
    expect(byKey.get('CLASS:c1')).toEqual(['t1', 'p1', 'p2']);
    expect(byKey.get('PARENTS:c1')).toEqual(['t1', 'r1', 'r2']);
    // A parent of children in two classes is in both parents' chats.
    expect(byKey.get('PARENTS:c2')).toEqual(['t2', 'r2', 'r3']);
    expect(byKey.get('TEACHER')).toEqual(['t1', 't2', 't3']);
    expect(byKey.get('SUBJECT:s1')).toEqual(['t3', 'p3', 'p4']);
  });

  it('builds subject chats for all subjects or none by option, and keeps only chosen types', () => {
    expect(
      sync({ subjectChats: 'all' })
        .desiredChats(demoRoster())
        .filter((c) => c.type === 'SUBJECT'),
    ).toHaveLength(2);
    expect(
      sync({ subjectChats: 'none' })
        .desiredChats(demoRoster())
        .filter((c) => c.type === 'SUBJECT'),
    ).toHaveLength(0);
    expect(
      sync({ types: ['TEACHER'] })
        .desiredChats(demoRoster())
        .map((c) => c.key),
    ).toEqual(['TEACHER']);
  });

  it('uses the school’s own templates, as strings or functions', () => {
    const chats = sync({
      templates: {
        CLASS: '{class} класс ({school})',
        PARENTS: (c) => `Родители ${c.grade}${c.letter?.toLowerCase()}`,
      },
    }).desiredChats(demoRoster());
    expect(chats[0]!.title).toBe('1А класс (Демо школа)');
    expect(chats[1]!.title).toBe('Родители 1а');
  });

  it('names unknown placeholders in Russian and English', () => {
    const error = (() => {
      try {
        sync({ templates: { TEACHER: '{school} - {class}', CLASS: '{klass}' } });
      } catch (e) {
        return e as SyncError;
      }
    })();
    expect(error).toBeInstanceOf(SyncError);
    expect(error!.code).toBe('INVALID_TEMPLATE');
    expect(error!.issues.map((i) => [i.path, i.rule])).toEqual([
      ['templates.CLASS', 'unknown-placeholder'],
      ['templates.TEACHER', 'unknown-placeholder'],
    ]);
    expect(error!.messageRu).toMatch(/не знает поля \{class\}/);
  });

  it('refuses titles that two chats would share, and empty titles', () => {
    expect(() => sync({ templates: { CLASS: '{school}' } }).desiredChats(demoRoster())).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_TITLE' }),
    );
    expect(() => sync({ templates: { TEACHER: () => '   ' } }).desiredChats(demoRoster())).toThrow(
      expect.objectContaining({ code: 'INVALID_TEMPLATE' }),
    );
  });

  it('reports every broken roster rule with its path, never the names', () => {
    const roster: SchoolRoster = {
      ...demoRoster(),
      classes: [
        { id: 'c1', name: '1А', teacherId: 'nobody' },
        { id: 'c1', name: '2А' },
        { id: 'c3', name: '13Ж' },
      ],
      pupils: [{ id: 'p1', lastName: 'Секретов', firstName: '', classId: 'c9' }],
      parents: [{ id: 'p1', lastName: 'Родитель', firstName: 'Один', childIds: ['p7'] }],
    };
    let error: SyncError | undefined;
    try {
      sync().desiredChats(roster);
    } catch (e) {
      error = e as SyncError;
    }
    expect(error?.code).toBe('INVALID_ROSTER');
    expect(error?.issues.map((i) => `${i.path} ${i.rule}`)).toEqual(
      expect.arrayContaining([
        'classes[0].teacherId known-teacher',
        'classes[1].id unique-id',
        'classes[2].name class-name',
        'pupils[0].firstName name',
        'pupils[0].classId known-class',
        'parents[0].childIds[0] known-pupil',
        'parents unique-person-id',
      ]),
    );
    expect(error?.message).not.toContain('Секретов');
    expect(error?.issues.every((i) => i.message.ru.length > 0 && i.message.en.length > 0)).toBe(true);
  });

  it('treats ids like __proto__ and constructor as plain ids', () => {
    const roster: SchoolRoster = {
      organisation: { id: 'toString', shortName: 'Школа' },
      classes: [{ id: '__proto__', name: '2В', teacherId: 'constructor' }],
      teachers: [{ id: 'constructor', lastName: 'Учитель', firstName: 'Первый' }],
      pupils: [{ id: 'hasOwnProperty', lastName: 'Ученик', firstName: 'Первый', classId: '__proto__' }],
      parents: [{ id: 'valueOf', lastName: 'Родитель', firstName: 'Первый', childIds: ['hasOwnProperty'] }],
    };
    const chats = sync().desiredChats(roster);
    expect(chats.map((c) => c.key)).toEqual(['CLASS:__proto__', 'PARENTS:__proto__', 'TEACHER']);
    expect(chats[0]!.members.map((m) => m.personId)).toEqual(['constructor', 'hasOwnProperty']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
