/**
 * The registry sync over MAX, end to end against the simulator's max portal (MSW on platform-api2,
 * every answer checked against openapi/max.yaml), with the same `createChatSync` as over VK: the plan
 * asks a person to create each chat with its exact title and a one-time code; people create chats
 * through the control actions; `bot_added` reaches the registry through the poller; chats are matched
 * by title or by a posted code, others reported unmatched; members are added or reported ✗ with MAX's
 * reason and the chat's link; a second run has nothing to do; renames and a removed bot are reported.
 */
import { MemoryStore } from '@goskit/core';
import { createSimulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxControl, maxPortal } from '../../../mocks/simulator/src/portals/max/index.js';
import {
  type ChatEventOutcome,
  createChatSync,
  MemoryChatRegistry,
  type PersonStep,
  type SyncPlan,
} from '../src/index.js';
import {
  createMaxChatTransport,
  createMaxClient,
  maxRegistryUpdates,
  type UpdatePoller,
} from '../src/max.js';
import { maxSchool, until, virtualTime } from './helpers/max-school.js';

const SEED = 'max-sync-e2e';
// The roster is the seed's: read it once to pick the parent whose privacy refuses being added.
const probeSim = createSimulator({ seed: SEED, portals: [maxPortal()] });
const probe = maxSchool(probeSim, maxControl(probeSim));
const privateParent = probe.roster.parents[1]!.id;
const dialogParent = probe.roster.parents[0]!.id;

const sim = createSimulator({
  seed: SEED,
  portals: [maxPortal()],
  strictContracts: true,
  data: { max: { demoChats: false, privacy: [privateParent] } },
});
const people = maxControl(sim);
const server = setupServer(...sim.handlers);
const { roster, links, userOf } = maxSchool(sim, people);
const time = virtualTime(sim);
const max = createMaxClient({ token: people.bots()[0]!.token, clock: time.clock, sleep: time.sleep });
const transport = createMaxChatTransport({ max, store: new MemoryStore() });
const sync = createChatSync({
  transport,
  registry: new MemoryChatRegistry(),
  links,
  types: ['TEACHER', 'PARENTS', 'CLASS'],
  clock: { now: () => sim.clock.nowMs() },
});
const schoolId = roster.organisation.id;
const outcomes: ChatEventOutcome[] = [];
let poller: UpdatePoller;

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  people.restriction('on'); // 2026: adding members is restricted to people who started the bot
  poller = max.startPolling({
    onUpdate: maxRegistryUpdates({ sync, schoolId, onOutcome: (outcome) => void outcomes.push(outcome) }),
    store: new MemoryStore(),
    timeout: 30,
    minIntervalMs: 0,
  });
});
afterAll(async () => {
  await poller.stop();
  server.close();
});

const asks = (plan: SyncPlan) =>
  plan.steps.filter(
    (step): step is PersonStep & { kind: 'person-must-create' } => step.kind === 'person-must-create',
  );
const ask = (plan: SyncPlan, key: string) => asks(plan).find((step) => step.key === key)!;
/** The first outcome, from index `from` on, about `chatId` (user_added and the like come in between). */
const outcomeFor = async (chatId: number | string, from = 0) => {
  const about = (item: ChatEventOutcome, index: number) => index >= from && item.chatId === String(chatId);
  await until(() => outcomes.some(about), `an outcome for chat ${chatId}`);
  return outcomes.find(about)!;
};
const classA = roster.classes[0]!;
const classB = roster.classes[1]!;

describe('the registry sync over MAX', () => {
  let first: SyncPlan;

  it('plans chats a person must create, with exact titles and one-time codes, and waits', async () => {
    first = await sync.plan(roster);
    expect(first.transport).toBe('max');
    expect(first.summary).toMatchObject({
      chats: 5,
      create: 0,
      operations: 0,
      personMustCreate: 5,
      registryUpdates: 5,
    });
    expect(ask(first, 'TEACHER').title).toBe('Демо школа - Чат учителей');
    const codes = asks(first).map((step) => step.code);
    expect(new Set(codes).size).toBe(5);
    expect(codes.every((code) => /^SFR-[2-9A-HJKMNP-Z]{6}$/.test(code))).toBe(true);
    // Pupils are not MAX users: ✗, they must link first; linked teachers are ✓ but wait for the chat.
    expect(
      first.chats.find((chat) => chat.key === `CLASS:${classA.id}`)!.members.some((m) => m.mark === '✗'),
    ).toBe(true);
    const result = await sync.apply(first);
    expect(result.failed).toBe(0);
    expect(result.waiting.filter((step) => step.kind === 'person-must-create')).toHaveLength(5);
    const again = await sync.plan(roster);
    expect(again.summary).toMatchObject({ operations: 0, registryUpdates: 0, personMustCreate: 5 });
    // The codes stay the ones people were given.
    expect(asks(again).map((step) => step.code)).toEqual(codes);
  });

  it('learns chats from bot_added: by exact title, by title as people type it, by code; others are reported', async () => {
    const teachers = roster.teachers.map((teacher) => teacher.id);
    const teacherChat = people.createChat({ title: ask(first, 'TEACHER').title, members: teachers });
    expect(await outcomeFor(teacherChat.chat_id as number)).toEqual({
      status: 'matched',
      key: 'TEACHER',
      chatId: String(teacherChat.chat_id),
      by: 'title',
    });

    const parentsTitle = ask(first, `PARENTS:${classA.id}`).title;
    const parentsChat = people.createChat({
      title: `  ${parentsTitle.toUpperCase()} `.replace(' - ', '  -  '),
      owner: classA.teacherId!,
    });
    expect(await outcomeFor(parentsChat.chat_id as number)).toMatchObject({
      status: 'matched',
      key: `PARENTS:${classA.id}`,
      by: 'title',
    });

    const ownTitle = people.createChat({ title: 'Наш класс', owner: classA.teacherId! });
    expect(await outcomeFor(ownTitle.chat_id as number)).toEqual({
      status: 'unmatched',
      chatId: String(ownTitle.chat_id),
      title: 'Наш класс',
      reason: 'no-match',
      candidates: [],
    });
    const afterJoin = outcomes.length;
    people.post(
      ownTitle.chat_id as number,
      classA.teacherId!,
      `Код для реестра: ${ask(first, `CLASS:${classA.id}`).code.toLowerCase()}`,
    );
    expect(await outcomeFor(ownTitle.chat_id as number, afterJoin)).toMatchObject({
      status: 'matched',
      key: `CLASS:${classA.id}`,
      by: 'code',
    });

    const club = people.createChat({ title: 'Кружок робототехники', members: ['teacher-demo'] });
    expect(await outcomeFor(club.chat_id as number)).toMatchObject({
      status: 'unmatched',
      reason: 'no-match',
      chatId: String(club.chat_id),
    });
    const afterClub = outcomes.length;
    people.post(club.chat_id as number, 'teacher-demo', 'Привет всем!');
    expect(await outcomeFor(club.chat_id as number, afterClub)).toMatchObject({ status: 'ignored' });
    people.post(club.chat_id as number, 'teacher-demo', 'SFR-ZZZZZZ');
    expect(await outcomeFor(club.chat_id as number, afterClub + 1)).toMatchObject({
      status: 'unmatched',
      reason: 'unknown-code',
    });

    const entries = new Map((await sync.entries(schoolId)).map((entry) => [entry.key, entry]));
    expect(entries.get('TEACHER')).toMatchObject({ state: 'active', chatId: String(teacherChat.chat_id) });
    expect(entries.get(`PARENTS:${classA.id}`)).toMatchObject({
      state: 'active',
      chatId: String(parentsChat.chat_id),
    });
    expect(entries.get(`CLASS:${classA.id}`)).toMatchObject({
      state: 'active',
      chatId: String(ownTitle.chat_id),
    });
    expect(entries.get(`CLASS:${classB.id}`)).toMatchObject({ state: 'awaiting-person' });
    expect([...entries.values()].some((entry) => entry.chatId === String(club.chat_id))).toBe(false);
  });

  it('renames chats to the registry titles, adds members MAX allows and reports the others ✗ with the chat link', async () => {
    // These parents started the bot, so the restriction lets it add them; one keeps privacy settings that refuse.
    people.startDialog(dialogParent);
    people.startDialog(privateParent);
    const plan = await sync.plan(roster);
    const renames = plan.steps
      .filter((step) => step.kind === 'rename-chat')
      .map((step) => step.key)
      .sort();
    expect(renames).toEqual([`CLASS:${classA.id}`, `PARENTS:${classA.id}`].sort());
    expect(plan.summary.personMustCreate).toBe(2);
    expect(plan.summary.addMembers).toBeGreaterThan(0);
    const result = await sync.apply(plan);
    expect(result.failed).toBe(0);
    const chat = max.getChat(
      Number((await sync.entries(schoolId)).find((e) => e.key === `PARENTS:${classA.id}`)!.chatId),
    );
    expect((await chat).title).toBe(ask(first, `PARENTS:${classA.id}`).title);
    const refused = new Map(
      result.refusedMembers.map((member) => [`${member.key} ${member.personId}`, member]),
    );
    expect(refused.get(`PARENTS:${classA.id} ${privateParent}`)).toMatchObject({
      reason: 'privacy',
      inviteLink: expect.stringMatching(/^https:\/\//),
    });
    const restricted = result.refusedMembers.filter((member) => member.reason === 'restricted');
    expect(restricted.length).toBeGreaterThan(0);
    expect(restricted.every((member) => member.inviteLink?.startsWith('https://'))).toBe(true);
    expect(result.refusedMembers.some((member) => member.personId === dialogParent)).toBe(false);
    const members = await max
      .members(Number((await sync.entries(schoolId)).find((e) => e.key === `PARENTS:${classA.id}`)!.chatId))
      .toArray({ limit: 1000 });
    expect(members.map((member) => String(member.user_id))).toContain(userOf(dialogParent));

    // Nothing left for the sync: refusals are not retried run after run; those people get the link.
    const again = await sync.plan(roster);
    expect(again.summary.operations).toBe(0);
    const parents = again.chats.find((c) => c.key === `PARENTS:${classA.id}`)!;
    expect(parents.members.find((m) => m.personId === privateParent)).toMatchObject({
      mark: '✗',
      action: 'join-by-invite',
      refusal: { reason: 'privacy', attempts: 1 },
    });
    expect(parents.members.find((m) => m.personId === dialogParent)).toMatchObject({
      mark: '✓',
      inChat: true,
    });
    expect(
      again.steps.find((s) => s.kind === 'join-by-invite' && s.key === `PARENTS:${classA.id}`),
    ).toMatchObject({ inviteLink: expect.stringMatching(/^https:\/\//) });
  });

  it('a rename in MAX is reported, and a removed bot makes the chat lost until it is back', async () => {
    const teacherChat = Number((await sync.entries(schoolId)).find((e) => e.key === 'TEACHER')!.chatId);
    let from = outcomes.length;
    people.renameChat(teacherChat, 'Учительская');
    expect(await outcomeFor(teacherChat, from)).toEqual({
      status: 'known',
      key: 'TEACHER',
      chatId: String(teacherChat),
    });
    expect((await sync.plan(roster)).findings).toContainEqual(
      expect.objectContaining({ kind: 'remote-title-changed', key: 'TEACHER', remoteTitle: 'Учительская' }),
    );
    from = outcomes.length;
    people.removeBot(teacherChat);
    expect(await outcomeFor(teacherChat, from)).toEqual({
      status: 'lost',
      key: 'TEACHER',
      chatId: String(teacherChat),
    });
    const lost = await sync.plan(roster);
    expect(lost.chats.find((c) => c.key === 'TEACHER')!.status).toBe('lost');
    expect(lost.findings).toContainEqual({
      kind: 'chat-lost',
      key: 'TEACHER',
      chatId: String(teacherChat),
      reason: 'no-access',
    });
    from = outcomes.length;
    people.addBot(teacherChat);
    expect(await outcomeFor(teacherChat, from)).toEqual({
      status: 'known',
      key: 'TEACHER',
      chatId: String(teacherChat),
    });
    expect((await sync.plan(roster)).chats.find((c) => c.key === 'TEACHER')!.status).not.toBe('lost');
  });
});
