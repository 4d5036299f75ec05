import { MemoryStore } from '@goskit/core';
import { describe, expect, it } from 'vitest';
import {
  createChatSync,
  createLessonCalls,
  type Lesson,
  MemoryChatRegistry,
  MemoryLinkStore,
  SyncError,
} from '../src/index.js';
import { COMMUNITY, MemoryMessenger } from './helpers/memory-messenger.js';
import { demoRoster } from './helpers/roster.js';

async function school(capabilities = COMMUNITY) {
  const world = new MemoryMessenger();
  const registry = new MemoryChatRegistry();
  const transport = world.transport(capabilities);
  await createChatSync({ transport, registry, links: new MemoryLinkStore() }).run(demoRoster());
  const store = new MemoryStore();
  const calls = createLessonCalls({ transport, registry, store });
  return { world, registry, transport, store, calls };
}

const lesson: Lesson = {
  lessonId: 'L-42',
  schoolId: 'school-1',
  chatKey: 'SUBJECT:s1',
  title: 'Математика, 5Б, 2-й урок',
};

describe('lesson calls', () => {
  it('starts a call in the lesson’s chat and posts the join link once, however often start is called', async () => {
    const { world, calls } = await school();
    const call = await calls.start(lesson);
    expect(call).toMatchObject({
      state: 'running',
      callId: 'call-1',
      joinLink: 'https://vk.com/call/join/call-1',
    });
    const chat = world.chatsTitled('Демо школа - 5Б - Математика')[0]!;
    expect(world.messages).toEqual([
      {
        chatId: chat.chatId,
        text: 'Урок «Математика, 5Б, 2-й урок» начался. Подключиться: https://vk.com/call/join/call-1',
        key: 'lesson:L-42:join:call-1',
        messageId: '1',
      },
    ]);
    await calls.start(lesson);
    expect(world.calls.size).toBe(1);
    expect(world.messages).toHaveLength(1);
  });

  it('resumes a start whose message was not recorded: the same key, so no second post', async () => {
    const { world, calls, transport, registry, store } = await school();
    world.fail('sendMessage', 'after');
    await expect(calls.start(lesson)).rejects.toThrow(/sendMessage failed after/);
    expect((await calls.get('L-42'))?.state).toBe('started');
    // Another instance resumes.
    const other = createLessonCalls({ transport, registry, store });
    const call = await other.start(lesson);
    expect(call.state).toBe('running');
    expect(world.calls.size).toBe(1);
    expect(world.messages).toHaveLength(1);
  });

  it('finishes a running call, idempotently', async () => {
    const { world, calls } = await school();
    await calls.start(lesson);
    expect((await calls.finish('L-42')).state).toBe('finished');
    expect(world.calls.get('call-1')!.finished).toBe(true);
    expect((await calls.finish('L-42')).state).toBe('finished');
    expect(world.log.filter((line) => line.startsWith('finish-call'))).toHaveLength(1);
    await expect(calls.start(lesson)).rejects.toMatchObject({ code: 'LESSON_CALL_STATE' });
  });

  it('cancels a running lesson (ends the call, posts a notice) and a lesson that never started', async () => {
    const { world, calls } = await school();
    await calls.start(lesson);
    const cancelled = await calls.cancel(lesson, { reason: 'Учитель заболел.' });
    expect(cancelled.state).toBe('cancelled');
    expect(world.calls.get('call-1')!.finished).toBe(true);
    expect(world.messages.at(-1)?.text).toBe('Урок «Математика, 5Б, 2-й урок» отменён. Учитель заболел.');
    await calls.cancel(lesson);
    expect(world.messages).toHaveLength(2);

    const other: Lesson = { ...lesson, lessonId: 'L-43', chatKey: 'CLASS:c1', title: 'Чтение, 1А' };
    expect((await calls.cancel(other)).state).toBe('cancelled');
    expect(world.calls.size).toBe(1);
    expect(world.messages.at(-1)?.text).toBe('Урок «Чтение, 1А» отменён.');
  });

  it('refuses what it cannot do: finishing a lesson that has no call, a chat not created, a transport without calls', async () => {
    const { calls } = await school();
    await expect(calls.finish('L-none')).rejects.toMatchObject({ code: 'LESSON_CALL_STATE' });
    await expect(calls.start({ ...lesson, chatKey: 'SUBJECT:s2' })).rejects.toBeInstanceOf(SyncError);
    await expect(calls.start({ ...lesson, title: 'two\nlines' })).rejects.toMatchObject({
      code: 'LESSON_CALL_STATE',
    });
    const noCalls = await school({ ...COMMUNITY, calls: false });
    await expect(noCalls.calls.start(lesson)).rejects.toMatchObject({ code: 'TRANSPORT_CAPABILITY' });
  });
});
