/**
 * Issue 13 §3 proof: a district's chat sync against the standalone simulator (real HTTP on
 * 127.0.0.1, the vk portal's real per-token limits on a running clock) under the `flaky` scenario —
 * 5xx, timeouts, corrupted bodies, throttling bursts — plus rules that corrupt the answers of the
 * first creates and sends (the call ran, the answer is lost: the ambiguous case). A run is
 * interrupted half-way (a crash), then the sync is re-run until it has nothing left to do. The
 * simulator's chats and messages and its journal must show 0 lost and 0 duplicate chats and
 * messages, and a final plan with the faults off must have no operation.
 */
import { MemoryStore } from '@goskit/core';
import {
  createSimulator,
  type Simulator,
  type SimulatorServer,
  vkChatMessages,
  vkChats,
} from '@goskit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChatSync,
  createChatSync,
  createVkChatTransport,
  createVkClient,
  KeyValueChatRegistry,
  MemoryLinkStore,
  type SyncPlan,
} from '../src/index.js';
import { type District, district } from './helpers/district.js';

const SCHOOLS = 3;
const MAX_PASSES = 8;

let sim: Simulator;
let server: SimulatorServer;
let area: District;
// The registry outlives every "process": a crashed run's intents are there for the next one.
const registryStore = new MemoryStore();

beforeAll(async () => {
  area = district({ schools: SCHOOLS, classesPerSchool: 3, pupilsPerClass: 3 });
  sim = createSimulator({
    seed: 'sferum-flaky-district',
    data: { vk: area.vkData },
    clockMode: 'running',
    maxDelayMs: 150,
    journalSize: 20_000,
  });
  server = await sim.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await server?.close();
});

/** A fresh "process": new clients and sync objects over the same registry store. */
function processFor(school: District['schools'][number]): ChatSync {
  const vk = createVkClient({
    token: school.communityToken,
    tokenKind: 'community',
    groupId: school.groupId,
    environment: { baseUrl: server.baseUrl('vk') },
    timeout: 2000,
    retry: { limit: 3 },
  });
  return createChatSync({
    transport: createVkChatTransport({ vk }),
    registry: new KeyValueChatRegistry(registryStore),
    links: new MemoryLinkStore(school.links),
  });
}

const syncSteps = (plan: SyncPlan) => plan.steps.filter((step) => step.actor !== 'person');

/** One pass over every school: plan, apply; a plan that fails (its reads hit a fault) waits for the next pass. */
async function pass(): Promise<number> {
  const left = await Promise.all(
    area.schools.map(async (school) => {
      const sync = processFor(school);
      try {
        const plan = await sync.plan(school.roster);
        if (syncSteps(plan).length === 0) {
          return 0;
        }
        await sync.apply(plan, { concurrency: 32 });
        return syncSteps(plan).length;
      } catch {
        return 1;
      }
    }),
  );
  return left.reduce((sum, n) => sum + n, 0);
}

describe('a district sync under the flaky scenario, against the standalone simulator', () => {
  it('survives a crash half-way and ends with 0 lost and 0 duplicate chats and messages', async () => {
    sim.faults.enable('flaky');
    // The ambiguous case, certainly: the first creates (plain or packed in an execute) and the first
    // sends run, and their answers arrive corrupted.
    sim.faults.addRule({
      id: 'lost-create',
      portal: 'vk',
      operation: 'messages.createChat',
      firstN: 2,
      effect: { corruptBody: true },
    });
    sim.faults.addRule({
      id: 'lost-batch',
      portal: 'vk',
      operation: 'execute',
      firstN: 2,
      effect: { corruptBody: true },
    });
    sim.faults.addRule({
      id: 'lost-send',
      portal: 'vk',
      operation: 'messages.send',
      firstN: 3,
      effect: { corruptBody: true },
    });

    // A crash half-way: the first school's run is cut off after half its steps, mid-flight.
    const first = area.schools[0] as District['schools'][number];
    const crashed = processFor(first);
    const plan = await crashed.plan(first.roster);
    const halt = new AbortController();
    await crashed.apply(plan, {
      concurrency: 32,
      signal: halt.signal,
      onProgress: (event) => {
        if (event.type === 'step' && event.completed >= event.total / 2) {
          halt.abort(new Error('the process died'));
        }
      },
    });
    const afterCrash = await crashed.entries(first.roster.organisation.id);
    expect(afterCrash.filter((entry) => entry.state === 'active').length).toBeLessThan(
      crashed.desiredChats(first.roster).length,
    );

    let passes = 0;
    for (let left = Number.POSITIVE_INFINITY; left > 0 && passes < MAX_PASSES; passes += 1) {
      left = await pass();
    }

    // Every chat gets one welcome message, sent under the same faults until each send succeeded.
    const pending = new Map<string, { chatId: string; schoolId: string }>();
    for (const school of area.schools) {
      for (const entry of await processFor(school).entries(school.roster.organisation.id)) {
        pending.set(`${school.roster.organisation.id}/${entry.key}`, {
          chatId: entry.chatId ?? '',
          schoolId: school.roster.organisation.id,
        });
      }
    }
    const senders = new Map(
      area.schools.map((school) => [
        school.roster.organisation.id,
        createVkChatTransport({
          vk: createVkClient({
            token: school.communityToken,
            tokenKind: 'community',
            groupId: school.groupId,
            environment: { baseUrl: server.baseUrl('vk') },
            timeout: 2000,
          }),
        }),
      ]),
    );
    for (let round = 0; round < MAX_PASSES && pending.size > 0; round += 1) {
      await Promise.all(
        [...pending].map(async ([key, chat]) => {
          try {
            await senders.get(chat.schoolId)?.sendMessage?.(chat.chatId, {
              text: `Добро пожаловать в чат ${key}`,
              idempotencyKey: `welcome:${key}`,
            });
            pending.delete(key);
          } catch {
            // sent again in the next round, with the same random_id
          }
        }),
      );
    }
    sim.faults.disable('flaky');
    sim.faults.clearRules();

    expect(pending.size).toBe(0);
    expect(passes).toBeLessThan(MAX_PASSES);

    // The faults really fired, on the calls that matter.
    const vkEntries = sim.journal.find({ portal: 'vk' });
    const fired = (label: string) =>
      vkEntries.filter((entry) => entry.effects.some((e) => e.includes(label)));
    expect(fired('flaky:').length).toBeGreaterThan(0);
    expect(fired('lost-create').length + fired('lost-batch').length).toBeGreaterThan(0);
    expect(fired('lost-send')).toHaveLength(3);

    // 0 lost, 0 duplicate chats: each desired title exists once in its school's community, and the
    // registry points at exactly that chat.
    const chats = vkChats(sim);
    for (const school of area.schools) {
      const schoolId = school.roster.organisation.id;
      const sync = processFor(school);
      const desired = sync
        .desiredChats(school.roster)
        .map((chat) => chat.title)
        .sort();
      const own = chats.filter((chat) => chat.ownerId === -school.groupId || chat.ownerId === school.groupId);
      expect(own.map((chat) => chat.title).sort()).toEqual(desired);
      const entries = await sync.entries(schoolId);
      expect(entries.map((entry) => entry.state)).toEqual(entries.map(() => 'active'));
      for (const entry of entries) {
        expect(own.find((chat) => String(chat.chatId) === entry.chatId)?.title).toBe(entry.title);
      }
      // With the faults off, nothing is left to do.
      expect(syncSteps(await sync.plan(school.roster))).toEqual([]);
    }

    // 0 lost, 0 duplicate messages: one welcome per chat, though some sends ran more than once.
    const sends = vkEntries.filter((entry) => entry.operation === 'messages.send' && entry.status === 200);
    expect(sends.length).toBeGreaterThan(chats.length);
    for (const chat of chats) {
      const items = vkChatMessages(sim, chat.chatId)?.items ?? [];
      expect(items.filter((message) => message.text.startsWith('Добро пожаловать'))).toHaveLength(1);
    }
  }, 120_000);
});
