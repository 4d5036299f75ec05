/**
 * The poller's promise: nothing lost, nothing committed early. The marker of a batch is stored and
 * sent only after every handler of the batch finished; a handler failure stops the poller and the
 * batch comes again after a restart (from the stored marker); `skip` moves past one update; polls
 * start at least `minIntervalMs` apart; failed polls back off and continue; 401 stops it.
 */
import { MemoryStore } from '@goskit/core';
import { createSimulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxControl, maxPortal } from '../../../mocks/simulator/src/portals/max/index.js';
import { createMaxClient, MaxApiError, type MaxIncomingUpdate } from '../src/max.js';

// Many polls on a frozen clock: the per-token bucket (tested elsewhere) is opened wide here.
const sim = createSimulator({
  seed: 'max-poller',
  portals: [maxPortal({ messagesPerChatPerSecond: 0 })],
  rateLimits: { max: { ratePerSecond: 1e6, burst: 1e6 } },
});
const people = maxControl(sim);
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const token = people.bots()[0]!.token;
const teacher = people.userId('teacher-demo');

/** A chat of its own per test, and the texts people wrote in it. */
function chatWithMessages(title: string, texts: string[]): number {
  const chat = people.createChat({ title, owner: teacher }) as { chat_id: number };
  for (const text of texts) {
    people.post(chat.chat_id, teacher, text);
  }
  return chat.chat_id;
}

const textOf = (update: MaxIncomingUpdate): string | undefined =>
  update.update_type === 'message_created'
    ? ((update as { message: { body: { text: string } } }).message.body.text ?? undefined)
    : undefined;

/** Commits whatever is queued so each test starts from an empty queue. */
async function drain(): Promise<void> {
  const client = createMaxClient({ token, rateLimit: { ratePerSecond: 1e6 } });
  let batch = await client.getUpdates({ timeout: 0, limit: 1000 });
  while (batch.updates.length > 0) {
    batch = await client.getUpdates({ timeout: 0, limit: 1000, marker: batch.marker });
  }
  await client.getUpdates({ timeout: 0, marker: batch.marker });
}

describe('marker commits after the handlers', () => {
  it('a failing handler stops the poller; a restart from the stored marker gets the batch again', async () => {
    await drain();
    chatWithMessages('Poller A', ['один', 'два', 'три']);
    const store = new MemoryStore();
    const client = createMaxClient({ token, rateLimit: { ratePerSecond: 1e6 } });
    const seen: string[] = [];
    const first = client.startPolling({
      store,
      minIntervalMs: 0,
      timeout: 0,
      onUpdate: (update) => {
        const text = textOf(update);
        if (text === 'два') {
          throw new Error('storage is down');
        }
        if (text) {
          seen.push(text);
        }
      },
    });
    await expect(first.done).rejects.toThrow('storage is down');
    expect(seen).toEqual(['один']);
    expect(first.marker).toBeNull(); // the batch was not finished: nothing stored, nothing committed
    expect(await store.get(`${await keyOf(token)}:updates-marker`)).toBeUndefined();

    const again: string[] = [];
    const second = client.startPolling({
      store,
      minIntervalMs: 0,
      timeout: 0,
      onUpdate: async (update) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        const text = textOf(update);
        if (text) {
          again.push(text);
        }
      },
    });
    while (again.length < 3) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await second.stop();
    expect(again).toEqual(['один', 'два', 'три']);
    const stored = await store.get(`${await keyOf(token)}:updates-marker`);
    expect(stored).toBe(second.marker);
    expect(second.handled).toBeGreaterThanOrEqual(3);
    // The stored marker commits the batch at MAX: the next poll from it returns nothing old.
    const next = await client.getUpdates({ timeout: 0, marker: stored as number });
    expect(next.updates.map(textOf).filter(Boolean)).toEqual([]);
  });

  it('onHandlerError "skip" moves past one update and keeps polling', async () => {
    await drain();
    chatWithMessages('Poller B', ['a', 'bad', 'c']);
    const client = createMaxClient({ token, rateLimit: { ratePerSecond: 1e6 } });
    const seen: string[] = [];
    const skipped: string[] = [];
    const poller = client.startPolling({
      minIntervalMs: 0,
      timeout: 0,
      onUpdate: (update) => {
        const text = textOf(update);
        if (text === 'bad') {
          throw new Error('cannot store this one');
        }
        if (text) {
          seen.push(text);
        }
      },
      onHandlerError: (_error, update) => {
        skipped.push(textOf(update) ?? '');
        return 'skip';
      },
    });
    while (seen.length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await poller.stop();
    expect(seen).toEqual(['a', 'c']);
    expect(skipped).toEqual(['bad']);
  });

  it('onHandlerError "retry" handles the same update again after the backoff, in order', async () => {
    await drain();
    chatWithMessages('Poller R', ['a', 'flaky', 'c']);
    const waits: number[] = [];
    const client = createMaxClient({
      token,
      rateLimit: { ratePerSecond: 1e6 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const seen: string[] = [];
    let failures = 0;
    const poller = client.startPolling({
      minIntervalMs: 0,
      timeout: 0,
      backoff: { baseMs: 100, capMs: 150 },
      onUpdate: (update) => {
        const text = textOf(update);
        if (text === 'flaky' && failures < 3) {
          failures += 1;
          throw new Error('the registry store is down');
        }
        if (text) {
          seen.push(text);
        }
      },
      onHandlerError: () => 'retry',
    });
    while (seen.length < 3) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await poller.stop();
    expect(seen).toEqual(['a', 'flaky', 'c']);
    expect(waits.filter((ms) => ms >= 100)).toEqual([100, 150, 150]);
  });

  it('an async handler that rejects is retried too; stopped while waiting, the batch stays uncommitted', async () => {
    await drain();
    chatWithMessages('Poller S', ['x', 'down', 'z']);
    const store = new MemoryStore();
    let stopped: (() => void) | undefined;
    const waiting = new Promise<void>((resolve) => {
      stopped = resolve;
    });
    const client = createMaxClient({
      token,
      rateLimit: { ratePerSecond: 1e6 },
      // The backoff never ends by itself: it ends when the poller is stopped.
      sleep: (ms, signal) =>
        ms >= 100
          ? new Promise((_, reject) => {
              stopped?.();
              signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
            })
          : Promise.resolve(),
    });
    const seen: string[] = [];
    const errors: unknown[] = [];
    const poller = client.startPolling({
      store,
      minIntervalMs: 0,
      timeout: 0,
      backoff: { baseMs: 100 },
      onUpdate: async (update) => {
        const text = textOf(update);
        if (text === 'down') {
          throw new Error('the registry store is down');
        }
        if (text) {
          seen.push(text);
        }
      },
      onHandlerError: (error) => {
        errors.push(error);
        return 'retry';
      },
    });
    await waiting;
    await poller.stop();
    expect(seen).toEqual(['x']);
    expect(errors).toHaveLength(1);
    expect(poller.marker).toBeNull();
    expect(await store.get(`${await keyOf(token)}:updates-marker`)).toBeUndefined();
    // Nothing was committed at MAX: the next poll gets the batch again, from its first update.
    const again = await client.getUpdates({ timeout: 0, limit: 1000 });
    expect(again.updates.map(textOf).filter(Boolean)).toEqual(['x', 'down', 'z']);
  });

  it('filters by types; the simulator commits the skipped types with the batch', async () => {
    await drain();
    const chatId = chatWithMessages('Poller C', ['x']);
    people.renameChat(chatId, 'Poller C2');
    const client = createMaxClient({ token, rateLimit: { ratePerSecond: 1e6 } });
    const batch = await client.getUpdates({ timeout: 0, types: ['chat_title_changed'] });
    expect(batch.updates.map((update) => update.update_type)).toEqual(['chat_title_changed']);
    const after = await client.getUpdates({ timeout: 0, marker: batch.marker });
    expect(after.updates).toEqual([]);
  });
});

describe('timing', () => {
  it('starts polls at least minIntervalMs apart (300 ms by default), on the injected clock', async () => {
    await drain();
    let now = 1_000_000;
    const waits: number[] = [];
    const client = createMaxClient({
      token,
      rateLimit: { ratePerSecond: 1e6 },
      clock: { now: () => now },
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    let polls = 0;
    const poller = client.startPolling({
      timeout: 0,
      onUpdate: () => undefined,
      onPollError: () => undefined,
    });
    const started = sim.journal.count({ operation: 'updates.get' });
    while (sim.journal.count({ operation: 'updates.get' }) - started < 4) {
      now += 40; // each poll "takes" 40 ms
      polls += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await poller.stop();
    expect(polls).toBeGreaterThan(0);
    expect(waits.length).toBeGreaterThanOrEqual(3);
    for (const wait of waits) {
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(300);
    }
  });

  it('backs off after failed polls and goes on; a bad token stops it with verify.token', async () => {
    await drain();
    sim.faults.addRule({ portal: 'max', operation: 'updates.get', firstN: 8, effect: { status: 502 } });
    const delays: number[] = [];
    const client = createMaxClient({
      token,
      rateLimit: { ratePerSecond: 1e6 },
      retry: 0,
      sleep: async () => undefined,
    });
    chatWithMessages('Poller D', ['после сбоя']);
    const seen: string[] = [];
    const poller = client.startPolling({
      minIntervalMs: 0,
      timeout: 0,
      backoff: { baseMs: 100, capMs: 400 },
      onPollError: (_error, delayMs) => delays.push(delayMs),
      onUpdate: (update) => {
        const text = textOf(update);
        if (text) {
          seen.push(text);
        }
      },
    });
    while (seen.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await poller.stop();
    expect(delays).toEqual([100, 200, 400, 400, 400, 400, 400, 400]);
    expect(seen).toEqual(['после сбоя']);

    const wrong = createMaxClient({ token: 'y'.repeat(40), rateLimit: { ratePerSecond: 1e6 } });
    const stopped = wrong.startPolling({ onUpdate: () => undefined, minIntervalMs: 0 });
    const error = await stopped.done.catch((e) => e);
    expect(error).toBeInstanceOf(MaxApiError);
    expect(error).toMatchObject({ status: 401, maxCode: 'verify.token' });
  });

  it('a long poll waits on the virtual clock: an update ends it at once, advancing the clock ends it empty', async () => {
    const chatId = chatWithMessages('Poller E', []);
    await drain();
    const client = createMaxClient({ token, rateLimit: { ratePerSecond: 1e6 } });
    const started = Date.now();
    const waiting = client.getUpdates({ timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    people.post(chatId, teacher, 'пришло');
    const batch = await waiting;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(batch.updates.map(textOf).filter(Boolean)).toEqual(['пришло']);
    const empty = client.getUpdates({ timeout: 90, marker: batch.marker });
    await new Promise((resolve) => setTimeout(resolve, 50));
    sim.clock.advance('PT91S');
    const answered = await empty;
    expect(answered.updates).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stop() during a waiting poll returns at once and commits nothing', async () => {
    await drain();
    const client = createMaxClient({ token, rateLimit: { ratePerSecond: 1e6 } });
    const poller = client.startPolling({ onUpdate: () => undefined, timeout: 60, minIntervalMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await poller.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(poller.done).resolves.toBeUndefined();
  });
});

async function keyOf(value: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)));
  return `max:${[...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
