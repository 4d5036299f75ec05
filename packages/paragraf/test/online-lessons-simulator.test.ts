/**
 * Against the simulator over real HTTP (vk, vkid and paragraf portals on 127.0.0.1): the «База ссылок»
 * checked by the VK-backed verifier, the exchange client through the paragraf portal's SOAP queue, and
 * `paragraf.dnevnik:vc_room` / `vc_cancel` creating the subject chat and the call in the vk portal with
 * @goskit/sferum's chat sync and lesson calls.
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
  paragrafDemoAccount,
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
  createExchangeClient,
  createLinkBase,
  createOnlineLessons,
  createVkCommunityVerifier,
  type OnlineLesson,
  OnlineLessonError,
  SoapFaultError,
} from '../src/index.js';
import { linksOf, rosterOf } from './helpers/demo-roster.js';

let sim: Simulator;
let server: SimulatorServer;

beforeAll(async () => {
  sim = createSimulator({
    seed: 'paragraf-online',
    clockMode: 'running',
    portals: [paragrafPortal({ queuedMs: 50, processingMs: 100 }), vkPortal(), vkidPortal()],
  });
  server = await sim.listen({ port: 0 });
});
afterAll(() => server.close());

const vkEnvironment = () => ({ baseUrl: server.baseUrl('vk') });

describe('«База ссылок» with the VK-backed verifier', () => {
  it('saves the school community with its community token; a user token or another community is refused', async () => {
    const demo = vkDemo(sim);
    const links = createLinkBase({
      store: new MemoryStore(),
      keys: { current: { id: 'k1', key: new Uint8Array(32).fill(7) } },
      verifier: createVkCommunityVerifier({ environment: vkEnvironment() }),
    });
    const schoolId = sim.demo.organisation.oid;
    const saved = await links.save({ schoolId, communityId: demo.groupId, token: demo.communityToken });
    expect(saved).toMatchObject({ schoolId, communityId: demo.groupId });
    expect(await links.token(schoolId)).toBe(demo.communityToken);
    const userToken = Object.values(demo.userTokens)[0] ?? '';
    await expect(links.save({ schoolId, communityId: demo.groupId, token: userToken })).rejects.toMatchObject(
      {
        code: 'COMMUNITY_CHECK_FAILED',
      },
    );
    await expect(
      links.save({ schoolId, communityId: demo.groupId + 12_345, token: demo.communityToken }),
    ).rejects.toMatchObject({ code: 'COMMUNITY_CHECK_FAILED' });
  });
});

describe('exchange client ↔ paragraf portal', () => {
  it('pushes pupils and waits for the queue on the simulator clock; wrong credentials are a SoapFaultError', async () => {
    const account = paragrafDemoAccount(sim);
    const client = createExchangeClient({
      endpoint: server.baseUrl('paragraf'),
      login: account.login,
      password: account.password,
      poll: { intervalMs: 40, timeoutMs: 10_000 },
    });
    const progress: string[] = [];
    const done = await client.pushDataAndWait(
      {
        schoolId: account.schoolId,
        pupils: [
          { suid: 'p-1', surname: 'Иванов', name: 'Пётр', class: '5 А', dob: '2015-02-01', event: 'IN' },
          { suid: 'p-2', surname: 'Петрова', name: 'Анна', class: 'СОТР', dob: '01.03.1990' },
        ],
      },
      { onStatus: (status) => progress.push(status.state) },
    );
    expect(done).toMatchObject({ state: 'done', processed: 2, total: 2 });
    expect(progress.at(-1)).toBe('done');
    const wrong = createExchangeClient({
      endpoint: server.baseUrl('paragraf'),
      login: account.login,
      password: 'Wrong1234',
    });
    const error = await wrong.getQueueStatus('Q-1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SoapFaultError);
    expect(error).toMatchObject({ faultCode: 'soap:Client', portalCode: 'AUTH_FAILED', status: 500 });
    expect(sim.contractViolations()).toEqual([]);
  });
});

describe('online lessons drive Sferum (vc_room / vc_cancel)', () => {
  const setup = () => {
    const demo = vkDemo(sim);
    const community = createVkClient({
      token: demo.communityToken,
      tokenKind: 'community',
      groupId: demo.groupId,
      environment: vkEnvironment(),
    });
    const admin = createVkClient({
      token: demo.userTokens['admin-demo'] ?? '',
      tokenKind: 'user',
      environment: vkEnvironment(),
    });
    const transport = createVkChatTransport({ vk: community, callsVk: admin });
    const registry = new MemoryChatRegistry();
    const links = new MemoryLinkStore(linksOf(sim.demo, vkUsers(sim), Date.now()));
    const sync = createChatSync({ transport, registry, links, types: ['SUBJECT'] });
    const calls = createLessonCalls({ transport, registry, store: new MemoryStore() });
    return createOnlineLessons({ sync, calls, links, roster: async () => rosterOf(sim.demo) });
  };

  it('creates the subject chat at the first online lesson, starts a call per lesson, cancels with a notice', async () => {
    const online = setup();
    const course = sim.demo.courses?.[0];
    if (course === undefined) {
      throw new Error('no course in the demo roster');
    }
    const subjectName = sim.demo.subjects?.find((s) => s.id === course.subjectId)?.name ?? '';
    const className = sim.demo.classes.find((c) => c.id === course.classId)?.name ?? '';
    const lesson = (n: number): OnlineLesson => ({
      lessonId: `L-${course.id}-${n}`,
      schoolId: sim.demo.organisation.oid,
      journal: {
        id: `J-${course.id}`,
        kind: 'general',
        classId: course.classId,
        subjectId: course.id,
        teacherIds: [course.teacherId, 'teacher-without-vk'],
      },
      title: `${subjectName}, ${className}, ${n}-й урок`,
    });
    const before = vkChats(sim).length;
    const first = await online.vcRoom(lesson(1));
    expect(first.chatCreated).toBe(true);
    expect(first.call).toMatchObject({ state: 'running', chatKey: `SUBJECT:${course.id}` });
    expect(first.call.joinLink).toMatch(/^https:\/\//);
    expect(first.teachersWithoutVk).toContain('teacher-without-vk');
    const chats = vkChats(sim);
    expect(chats).toHaveLength(before + 1);
    const chat = chats.find((item) => String(item.chatId) === first.chatId);
    expect(chat?.title).toContain(subjectName);
    const second = await online.vcRoom(lesson(2));
    expect(second.chatCreated).toBe(false);
    expect(second.chatId).toBe(first.chatId);
    expect(second.call.callId).not.toBe(first.call.callId);
    expect(vkChats(sim)).toHaveLength(before + 1);
    const messages = () => (vkChatMessages(sim, Number(first.chatId))?.items ?? []).map((m) => m.text);
    expect(messages().filter((text) => text.includes(first.call.joinLink ?? '?'))).toHaveLength(1);

    const cancelled = await online.vcCancel(lesson(2), { reason: 'Учитель заболел.' });
    expect(cancelled.state).toBe('cancelled');
    expect(messages().at(-1)).toContain('Учитель заболел.');
    expect((await online.vcCancel(lesson(1), { mode: 'finish' })).state).toBe('finished');
  });

  it('refuses journals that are not general education and bad lessons, naming the field', async () => {
    const online = setup();
    const base: OnlineLesson = {
      lessonId: 'L-x',
      schoolId: sim.demo.organisation.oid,
      journal: { id: 'J-robotics', kind: 'additional', classId: 'c', subjectId: 's', teacherIds: [] },
      title: 'Робототехника',
    };
    await expect(online.vcRoom(base)).rejects.toMatchObject({
      code: 'JOURNAL_NOT_GENERAL',
      field: 'journal.kind',
    });
    const bad = { ...base, lessonId: 'line\nbreak' };
    const error = await online.vcRoom(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OnlineLessonError);
    expect(error).toMatchObject({ code: 'ONLINE_LESSON_INVALID', field: 'lessonId' });
    await expect(
      online.vcRoom({ ...base, journal: { ...base.journal, kind: 'general', subjectId: '__proto__' } }),
    ).rejects.toMatchObject({ code: 'SUBJECT_NOT_IN_ROSTER' });
  });
});
