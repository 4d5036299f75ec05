/**
 * The built-in `paragraf.dnevnik:vc_room` / `vc_cancel` handlers (runner option `onlineLessons`) against
 * the simulator over real HTTP: the lessons come from the paragraf portal's journals («Демо школа»), the
 * rooms are made in the vk portal. One run opens a room per lesson published online (the subject chat
 * at the first one), writes the link back and leaves the others; a journal that is not general
 * education is reported, not fatal; a VK failure fails the run and the retry finishes the rest;
 * vc_cancel ends the rooms (a notice in the chat unless `notifyChat: false`).
 */
import { MemoryStore } from '@goskit/core';
import {
  createChatSync,
  createLessonCalls,
  createVkChatTransport,
  createVkClient,
  MemoryChatRegistry,
  MemoryLinkStore,
} from '@goskit/sferum';
import {
  createSimulator,
  type ParagrafJournal,
  paragrafJournals,
  paragrafLessons,
  paragrafPortal,
  type Simulator,
  type SimulatorServer,
  vkChatMessages,
  vkChats,
  vkDemo,
  vkidPortal,
  vkPortal,
  vkUsers,
} from '@goskit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOnlineLessons,
  createStoreLeaseManager,
  createTaskBook,
  createTaskRunner,
  type LessonToClose,
  type OnlineLesson,
  type OnlineLessonQueue,
  type VcCancelRunResult,
  type VcRoomResult,
  type VcRoomRunResult,
} from '../src/index.js';
import { linksOf, rosterOf } from './helpers/demo-roster.js';

let sim: Simulator;
let server: SimulatorServer;

beforeAll(async () => {
  sim = createSimulator({
    seed: 'paragraf-vc-tasks',
    clockMode: 'running',
    portals: [paragrafPortal(), vkPortal(), vkidPortal()],
    // VK's per-second limits (error 6, retried by the client) are @goskit/sferum's to test; here they
    // would only add retried attempts when the machine is slow.
    rateLimits: { vk: { ratePerSecond: 1e6, burst: 1e6 } },
  });
  server = await sim.listen({ port: 0 });
});
afterAll(() => server.close());

/** The school's lessons as Параграф's journal holds them: which were published online, and the links written back. */
class JournalQueue implements OnlineLessonQueue {
  readonly published = new Set<string>();
  readonly closing = new Map<string, LessonToClose>();
  readonly links = new Map<string, string | undefined>();
  /** How many times each lesson's room was written back. */
  readonly writes = new Map<string, number>();
  readonly failures: string[] = [];
  readonly ended = new Map<string, string>();
  /** Called after a link is written back (a test's hook into the middle of a run). */
  afterOpened: ((lessonId: string) => void) | undefined;

  constructor(private readonly journals: ParagrafJournal[]) {}

  lesson(lessonId: string): OnlineLesson {
    const journal = this.journals.find((item) =>
      paragrafLessons(sim, item.id).some((l) => l.id === lessonId),
    );
    if (journal === undefined) {
      throw new Error(`no journal has lesson ${lessonId}`);
    }
    const lesson = paragrafLessons(sim, journal.id).find((l) => l.id === lessonId);
    return {
      lessonId,
      schoolId: sim.demo.organisation.oid,
      journal: {
        id: journal.id,
        kind: journal.kind,
        classId: journal.classId,
        subjectId: journal.courseId ?? journal.id,
        teacherIds: [journal.teacherId],
      },
      title: `${journal.subjectName}, ${journal.className}, ${lesson?.number ?? 1}-й урок`,
    };
  }

  async toOpen(): Promise<OnlineLesson[]> {
    return [...this.published].filter((id) => !this.links.has(id)).map((id) => this.lesson(id));
  }
  async opened(lesson: OnlineLesson, result: VcRoomResult): Promise<void> {
    this.links.set(lesson.lessonId, result.call.joinLink);
    this.writes.set(lesson.lessonId, (this.writes.get(lesson.lessonId) ?? 0) + 1);
    this.afterOpened?.(lesson.lessonId);
  }
  async toClose(): Promise<LessonToClose[]> {
    return [...this.closing.values()].filter((item) => !this.ended.has(item.lesson.lessonId));
  }
  async closed(item: LessonToClose, state: string): Promise<void> {
    this.ended.set(item.lesson.lessonId, state);
  }
  async failed(lesson: OnlineLesson): Promise<void> {
    this.failures.push(lesson.lessonId);
    this.published.delete(lesson.lessonId);
  }
}

function setup() {
  const demo = vkDemo(sim);
  const environment = { baseUrl: server.baseUrl('vk') };
  const community = createVkClient({
    token: demo.communityToken,
    tokenKind: 'community',
    groupId: demo.groupId,
    environment,
  });
  const admin = createVkClient({
    token: demo.userTokens['admin-demo'] ?? '',
    tokenKind: 'user',
    environment,
  });
  const transport = createVkChatTransport({ vk: community, callsVk: admin });
  const registry = new MemoryChatRegistry();
  const links = new MemoryLinkStore(linksOf(sim.demo, vkUsers(sim), Date.now()));
  const sync = createChatSync({ transport, registry, links, types: ['SUBJECT'] });
  const calls = createLessonCalls({ transport, registry, store: new MemoryStore() });
  const lessons = createOnlineLessons({ sync, calls, links, roster: async () => rosterOf(sim.demo) });
  const queue = new JournalQueue(paragrafJournals(sim));
  const store = new MemoryStore();
  const tasks = createTaskBook({ store });
  const runner = createTaskRunner({
    store,
    tasks,
    leases: createStoreLeaseManager({ store, owner: 'runner-1' }),
    handlers: {},
    onlineLessons: { lessons, queue },
    retry: { retries: 2, baseMs: 10, maxMs: 20 },
  });
  return { runner, tasks, queue, schoolId: sim.demo.organisation.oid };
}

const general = () => paragrafJournals(sim).filter((journal) => journal.kind === 'general');

describe('built-in vc_room / vc_cancel handlers (runner option onlineLessons)', () => {
  it('vc_room opens a room per published lesson, creating the subject chat once; vc_cancel ends them', async () => {
    const { runner, tasks, queue, schoolId } = setup();
    await tasks.add({ schoolId, code: 'paragraf.dnevnik:vc_room', schedule: { everySec: 60 } });
    await tasks.add({ schoolId, code: 'paragraf.dnevnik:vc_cancel', schedule: { everySec: 60 } });
    const journal = general()[0] as ParagrafJournal;
    const [first, second, third] = paragrafLessons(sim, journal.id);
    const other = paragrafJournals(sim).find((item) => item.kind !== 'general') as ParagrafJournal;
    const extra = paragrafLessons(sim, other.id)[0];
    if (first === undefined || second === undefined || third === undefined || extra === undefined) {
      throw new Error('the demo journals have too few lessons');
    }
    queue.published.add(first.id).add(second.id).add(extra.id);
    const chatsBefore = vkChats(sim).length;

    const run = await runner.runNow(schoolId, 'paragraf.dnevnik:vc_room');
    expect(run.status).toBe('succeeded');
    const result = run.result as VcRoomRunResult;
    expect(result.opened.map((item) => item.lessonId)).toEqual([first.id, second.id]);
    expect(result.opened.map((item) => item.chatCreated)).toEqual([true, false]);
    expect(result.opened[0]?.joinLink).toMatch(/^https:\/\//);
    expect(result.failed).toEqual([
      expect.objectContaining({ lessonId: extra.id, code: 'JOURNAL_NOT_GENERAL', field: 'journal.kind' }),
    ]);
    expect(queue.failures).toEqual([extra.id]);
    expect(vkChats(sim)).toHaveLength(chatsBefore + 1);
    expect(queue.links.get(first.id)).toBe(result.opened[0]?.joinLink);

    // Written back: the next run has nothing left but the newly published lesson.
    queue.published.add(third.id);
    const next = (await runner.runNow(schoolId, 'paragraf.dnevnik:vc_room')).result as VcRoomRunResult;
    expect(next.opened.map((item) => item.lessonId)).toEqual([third.id]);
    expect(vkChats(sim)).toHaveLength(chatsBefore + 1);

    const chatId = Number(vkChats(sim).at(-1)?.chatId);
    queue.closing.set(first.id, {
      lesson: queue.lesson(first.id),
      how: 'cancel',
      reason: 'Учитель заболел.',
    });
    queue.closing.set(second.id, { lesson: queue.lesson(second.id), how: 'finish' });
    const cancel = await runner.runNow(schoolId, 'paragraf.dnevnik:vc_cancel');
    expect(cancel.status).toBe('succeeded');
    // Written back through the queue (a retried attempt reports only what it still had to do).
    expect([...queue.ended]).toEqual([
      [first.id, 'cancelled'],
      [second.id, 'finished'],
    ]);
    expect((cancel.result as VcCancelRunResult).closed.at(-1)).toEqual({
      lessonId: second.id,
      how: 'finish',
      state: 'finished',
    });
    const texts = (vkChatMessages(sim, chatId)?.items ?? []).map((message) => message.text);
    expect(texts.at(-1)).toContain('Учитель заболел.');
    const history = await runner.history(schoolId, 'paragraf.dnevnik:vc_cancel');
    expect(history[0]?.status).toBe('succeeded');
  });

  it('vc_cancel with notifyChat false ends the call without a notice', async () => {
    const { runner, tasks, queue, schoolId } = setup();
    await tasks.add({ schoolId, code: 'paragraf.dnevnik:vc_room', schedule: { everySec: 60 } });
    await tasks.add({
      schoolId,
      code: 'paragraf.dnevnik:vc_cancel',
      settings: { notifyChat: false },
      schedule: { everySec: 60 },
    });
    const journal = general()[1] as ParagrafJournal;
    const lesson = paragrafLessons(sim, journal.id)[0];
    if (lesson === undefined) {
      throw new Error('no lesson');
    }
    queue.published.add(lesson.id);
    await runner.runNow(schoolId, 'paragraf.dnevnik:vc_room');
    const chatId = Number(vkChats(sim).at(-1)?.chatId);
    const before = vkChatMessages(sim, chatId)?.items.length ?? 0;
    queue.closing.set(lesson.id, {
      lesson: queue.lesson(lesson.id),
      how: 'cancel',
      reason: 'не должно попасть в чат',
    });
    const run = await runner.runNow(schoolId, 'paragraf.dnevnik:vc_cancel');
    expect((run.result as VcCancelRunResult).closed).toEqual([
      { lessonId: lesson.id, how: 'cancel', state: 'finished' },
    ]);
    const texts = (vkChatMessages(sim, chatId)?.items ?? []).map((message) => message.text);
    expect(texts.length).toBe(before);
    expect(texts.join('\n')).not.toContain('не должно попасть в чат');
  });

  it('settings: provider pelikan is refused; createSubjectChat false uses only existing chats', async () => {
    const { runner, tasks, queue, schoolId } = setup();
    await tasks.add({
      schoolId,
      code: 'paragraf.dnevnik:vc_room',
      settings: { provider: 'pelikan' },
      schedule: { everySec: 60 },
    });
    const failed = await runner.runNow(schoolId, 'paragraf.dnevnik:vc_room');
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'TASK_SETTINGS_INVALID' } });

    await tasks.add({
      schoolId,
      code: 'paragraf.dnevnik:vc_room',
      settings: { createSubjectChat: false },
      schedule: { everySec: 60 },
    });
    const journal = general()[2] as ParagrafJournal;
    const lesson = paragrafLessons(sim, journal.id)[0];
    if (lesson === undefined) {
      throw new Error('no lesson');
    }
    queue.published.add(lesson.id);
    const chatsBefore = vkChats(sim).length;
    const run = await runner.runNow(schoolId, 'paragraf.dnevnik:vc_room');
    expect(run.status).toBe('succeeded');
    expect((run.result as VcRoomRunResult).failed).toEqual([
      expect.objectContaining({ lessonId: lesson.id, code: 'SUBJECT_CHAT_NOT_CREATED' }),
    ]);
    expect(vkChats(sim)).toHaveLength(chatsBefore);
  });

  it('a VK failure fails the attempt; the retry opens what is left and writes no lesson back twice', async () => {
    const { runner, tasks, queue, schoolId } = setup();
    await tasks.add({ schoolId, code: 'paragraf.dnevnik:vc_room', schedule: { everySec: 60 } });
    const journal = general()[3] as ParagrafJournal;
    const [a, b] = paragrafLessons(sim, journal.id);
    if (a === undefined || b === undefined) {
      throw new Error('no lessons');
    }
    queue.published.add(a.id).add(b.id);
    // Counted on a fresh journal: the ring (1 000 entries) may wrap during this file's runs.
    sim.journal.clear();
    const started = () => sim.journal.count({ portal: 'vk', path: '/method/calls.start', status: 200 });
    // Once a's room is written back, VK fails the next call start once (5xx): b's, mid-run.
    let armed = false;
    queue.afterOpened = () => {
      if (armed) {
        return;
      }
      armed = true;
      sim.faults.addRule({
        portal: 'vk',
        path: '/method/calls.start',
        firstN: 1,
        effect: { status: 503, body: 'Service Unavailable' },
      });
    };
    const run = await runner.runNow(schoolId, 'paragraf.dnevnik:vc_room');
    expect(run.status).toBe('succeeded');
    expect(run.attempts).toBeGreaterThanOrEqual(2);
    // The retry opened only b: a was written back by the failed attempt.
    expect((run.result as VcRoomRunResult).opened.map((item) => item.lessonId)).toEqual([b.id]);
    expect([...queue.links.keys()]).toEqual([a.id, b.id]);
    expect([...queue.writes]).toEqual([
      [a.id, 1],
      [b.id, 1],
    ]);
    // At least one start per lesson; a slow machine can add one inside @goskit/sferum's own recovery.
    expect(started()).toBeGreaterThanOrEqual(2);
    expect(sim.journal.count({ portal: 'vk', path: '/method/calls.start', status: 503 })).toBe(1);
  });
});
