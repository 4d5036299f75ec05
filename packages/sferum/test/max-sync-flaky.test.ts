/**
 * The registry sync over MAX under the simulator's `flaky` scenario (≈10% 5xx, 5% timeouts, 1%
 * corrupted bodies — answered after MAX acted — and bursts of 429): the bot learns its chats through a
 * poller that retries its handler, and `run()` is repeated until the plan has nothing left. Checked
 * against the simulator's journal and state: every member that may be added is in the chat (0 lost),
 * no user was added twice (0 duplicate member operations), and sends with an idempotency key post
 * each message exactly once (0 lost, 0 duplicate messages).
 */
import { MemoryStore } from '@goskit/core';
import { createSimulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxControl, maxPortal } from '../../../mocks/simulator/src/portals/max/index.js';
import { createChatSync, MemoryChatRegistry, type SyncPlan } from '../src/index.js';
import {
  createMaxChatTransport,
  createMaxClient,
  maxRegistryUpdates,
  type UpdatePoller,
} from '../src/max.js';
import { maxSchool, virtualTime } from './helpers/max-school.js';

const SEED = 'max-sync-flaky';
const probeSim = createSimulator({ seed: SEED, portals: [maxPortal()] });
const privateParent = maxSchool(probeSim, maxControl(probeSim)).roster.parents[0]!.id;

const sim = createSimulator({
  seed: SEED,
  // Fault delays (the timeouts) and quiet long polls end in milliseconds of real time.
  portals: [maxPortal({ longPoll: { maxRealWaitMs: 50 } })],
  maxDelayMs: 5,
  scenarios: ['flaky'],
  data: { max: { demoChats: false, privacy: [privateParent], memberAddRestriction: 'off' } },
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
  types: ['TEACHER', 'PARENTS'],
  clock: { now: () => sim.clock.nowMs() },
});
const schoolId = roster.organisation.id;
let poller: UpdatePoller;

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  poller = max.startPolling({
    onUpdate: maxRegistryUpdates({ sync, schoolId }),
    onHandlerError: () => 'retry',
    store: new MemoryStore(),
    timeout: 5,
    minIntervalMs: 0,
  });
});
afterAll(async () => {
  await poller.stop();
  server.close();
});

/** `run()` again and again (each may fail half-way) until the plan has no messenger operation left. */
async function runUntilSettled(): Promise<{ rounds: number; plan: SyncPlan }> {
  for (let round = 1; round <= 30; round += 1) {
    try {
      const { plan } = await sync.run(roster);
      if (plan.summary.operations === 0 && plan.summary.registryUpdates === 0) {
        return { rounds: round, plan };
      }
    } catch {
      // a read failed past the client's retries: the next round plans again
    }
  }
  throw new Error('the sync did not settle in 30 rounds');
}

describe('the registry sync over MAX under the flaky scenario', () => {
  it('loses and duplicates no member operation and no message', async () => {
    const waiting = await runUntilSettled();
    const titles = new Map(
      waiting.plan.steps.flatMap((step) =>
        step.kind === 'person-must-create' ? [[step.key, step.title]] : [],
      ),
    );
    expect(titles.size).toBe(3);
    // People create the chats with the exact titles (the teachers' one with its members).
    for (const [key, title] of titles) {
      people.createChat({
        title,
        ...(key === 'TEACHER' ? { members: roster.teachers.map((t) => t.id) } : {}),
      });
    }
    const deadline = Date.now() + 10_000;
    while ((await sync.entries(schoolId)).filter((e) => e.state === 'active').length < 3) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const settled = await runUntilSettled();
    const effects = sim.journal.find({ portal: 'max' }).flatMap((entry) => entry.effects);
    expect(effects.some((effect) => effect.startsWith('flaky:'))).toBe(true);

    // Every linked parent MAX lets in is in their class chat; the one whose privacy refuses is ✗ with a reason.
    sim.faults.disable('flaky');
    const entries = await sync.entries(schoolId);
    for (const schoolClass of roster.classes) {
      const entry = entries.find((e) => e.key === `PARENTS:${schoolClass.id}`)!;
      const inChat = new Set(
        (await max.members(Number(entry.chatId)).toArray({ limit: 1000 })).map((m) => String(m.user_id)),
      );
      const pupils = new Set(roster.pupils.filter((p) => p.classId === schoolClass.id).map((p) => p.id));
      for (const parent of roster.parents.filter((p) => p.childIds.some((id) => pupils.has(id)))) {
        expect(inChat.has(userOf(parent.id))).toBe(parent.id !== privateParent);
      }
    }
    const refusedParent = settled.plan.chats
      .flatMap((chat) => chat.members)
      .find((member) => member.personId === privateParent);
    expect(refusedParent).toMatchObject({ mark: '✗', refusal: { reason: 'privacy' } });

    // The journal: each (chat, user) added by an executed request (the handler ran: 200, maybe with a
    // corrupted body) exactly once.
    const adds = new Map<string, number>();
    for (const entry of sim.journal.find({ portal: 'max', operation: 'members.add', status: 200 })) {
      const chatId = /\/chats\/(-?\d+)\/members/.exec(entry.path)?.[1];
      for (const userId of (JSON.parse(entry.requestBody ?? '{}') as { user_ids?: number[] }).user_ids ??
        []) {
        if (String(userId) !== userOf(privateParent)) {
          const pair = `${chatId} ${userId}`;
          adds.set(pair, (adds.get(pair) ?? 0) + 1);
        }
      }
    }
    expect(adds.size).toBeGreaterThan(0);
    expect([...adds.values()].every((count) => count === 1)).toBe(true);

    // Sends under flaky: each repeated until it succeeds, with its key.
    sim.faults.enable('flaky');
    const teacherChat = entries.find((e) => e.key === 'TEACHER')!.chatId!;
    const texts = Array.from(
      { length: 12 },
      (_, i) => `Объявление ${i + 1}: родительское собрание в четверг`,
    );
    const ids: string[] = [];
    for (const [i, text] of texts.entries()) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          ids.push(
            (await transport.sendMessage!(teacherChat, { text, idempotencyKey: `notice-${i}` })).messageId,
          );
          break;
        } catch (error) {
          if (attempt >= 20) {
            throw error;
          }
        }
      }
    }
    // A repeat of a key posts nothing new.
    expect(
      (await transport.sendMessage!(teacherChat, { text: texts[0]!, idempotencyKey: 'notice-0' })).messageId,
    ).toBe(ids[0]);
    sim.faults.disable('flaky');
    const posted = (await max.listMessages({ chatId: Number(teacherChat), count: 100 })).map(
      (m) => m.body.text,
    );
    for (const text of texts) {
      expect(posted.filter((p) => p === text)).toHaveLength(1);
    }
    expect(settled.rounds).toBeGreaterThanOrEqual(1);
  });

  it('a send MAX carried out but whose answer was lost is found, not posted again', async () => {
    sim.faults.disable('flaky');
    const chatId = (await sync.entries(schoolId)).find((e) => e.key === 'TEACHER')!.chatId!;
    // Both answers garbled after MAX posted: the send, then the search the transport makes at once.
    sim.faults.addRule({
      portal: 'max',
      operation: 'messages.send',
      firstN: 1,
      effect: { corruptBody: true },
    });
    sim.faults.addRule({
      portal: 'max',
      operation: 'messages.list',
      firstN: 1,
      effect: { corruptBody: true },
    });
    const message = { text: 'Урок перенесён на 10:00', idempotencyKey: 'lesson-moved' };
    await expect(transport.sendMessage!(chatId, message)).rejects.toThrow();
    // The repeat looks first: the message is there, so nothing is posted again.
    const again = await transport.sendMessage!(chatId, message);
    expect(again.messageId).toMatch(/^mid\./);
    const posted = (await max.listMessages({ chatId: Number(chatId), count: 100 })).filter(
      (m) => m.body.text === message.text,
    );
    expect(posted.map((m) => m.body.mid)).toEqual([again.messageId]);
  });
});
