/**
 * Deadlines at their edges: a caller's long-lived signal collects no listeners, the common call
 * hands fetch no signal at all, a wait that fits before totalTimeout is taken, a TimeoutError names
 * the timeout that fired (either engine), deadline slots group by min(25 ms, timeout / 100) and
 * hold 16 attempts, waits end at once on an aborted signal. Written where mutation testing
 * (`pnpm mutation core`) found them unguarded.
 */
import { getEventListeners } from 'node:events';
import { createTransport, sleep, TimeoutError } from '@goskit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_DEADLINE } from '../src/transport/call-signal.js';
import { DeadlineSlots, deadlineOf } from '../src/transport/engine/deadline-slots.js';
import { delayed, fakeSleep, json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();

describe('call signals', () => {
  it("a caller's signal shared by many calls keeps no listener once they are done", async () => {
    server.respond(json(200, { ok: true }));
    const controller = new AbortController();
    for (const engine of ['fetch', 'ky'] as const) {
      const transport = createTransport({ baseUrl: server.url, engine, totalTimeout: 10_000 });
      for (let i = 0; i < 3; i += 1) {
        await transport.get('/x', { signal: controller.signal });
      }
      expect(getEventListeners(controller.signal, 'abort'), engine).toHaveLength(0);
    }
  });

  it('a call without a signal, timeout or total timeout hands fetch no signal at all', async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    const transport = createTransport({
      baseUrl: 'https://portal.test',
      timeout: false,
      fetch: async (_input, init) => {
        signals.push(init?.signal);
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    });
    await transport.get('/x');
    expect(signals).toEqual([undefined]);
  });

  it('a retry wait that ends before the total deadline is taken', async () => {
    server.respond(json(503, {}, { 'retry-after': '2' }), json(200, { ok: true }));
    const fake = fakeSleep();
    const transport = createTransport({ baseUrl: server.url, totalTimeout: 10_000, sleep: fake.sleep });
    await expect(transport.get('/x')).resolves.toEqual({ ok: true });
    expect(fake.delays).toEqual([2000]);
  });

  it('a TimeoutError names the timeout that fired, with both set, on either engine', async () => {
    for (const engine of ['fetch', 'ky'] as const) {
      server.respond(delayed(2_000, json(200, {})));
      const attempt = createTransport({
        baseUrl: server.url,
        engine,
        timeout: 60,
        totalTimeout: 5_000,
        retry: 0,
      });
      const attemptError = (await attempt.get('/slow').catch((e: unknown) => e)) as TimeoutError;
      expect(attemptError, engine).toBeInstanceOf(TimeoutError);
      expect([attemptError.kind, attemptError.timeoutMs], engine).toEqual(['attempt', 60]);

      const total = createTransport({
        baseUrl: server.url,
        engine,
        timeout: 5_000,
        totalTimeout: 70,
        retry: 0,
      });
      const totalError = (await total.get('/slow').catch((e: unknown) => e)) as TimeoutError;
      expect([totalError.kind, totalError.timeoutMs], engine).toEqual(['total', 70]);
    }
  });
});

describe('deadline slots (on a fake clock)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const fake = (now: number) =>
    vi.useFakeTimers({ now, toFake: ['performance', 'setTimeout', 'clearTimeout'] });

  it('a 100 ms timeout groups attempts by the millisecond; a 10 s one by 25 ms', () => {
    fake(0);
    const slots = new DeadlineSlots();
    vi.advanceTimersByTime(1);
    const short = slots.take(100).signal;
    const long = slots.take(10_000).signal;
    vi.advanceTimersByTime(1);
    expect(slots.take(100).signal).not.toBe(short); // fires 1 ms later: its own slot
    expect(slots.take(10_000).signal).toBe(long); // same 25 ms slot
  });

  it('the same timeout taken later gets a later slot, even with uses left', () => {
    fake(0);
    const slots = new DeadlineSlots();
    const first = slots.take(10_000).signal;
    vi.advanceTimersByTime(30);
    expect(slots.take(10_000).signal).not.toBe(first);
  });

  it('a slot serves exactly 16 attempts', () => {
    fake(0);
    const slots = new DeadlineSlots();
    const signals = Array.from({ length: 17 }, () => slots.take(10_000).signal);
    expect(new Set(signals.slice(0, 16)).size).toBe(1);
    expect(signals[16]).not.toBe(signals[0]);
  });

  it('fires at the rounded-up instant, never before the timeout', () => {
    fake(0);
    const slots = new DeadlineSlots();
    vi.advanceTimersByTime(3);
    const signal = slots.take(5_000).signal; // granularity 25: due at 5003, fires at 5025
    vi.advanceTimersByTime(5_021);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe(ATTEMPT_DEADLINE);
  });

  it('a deadline over a signal that already fired rejects at once with its reason', async () => {
    const deadline = deadlineOf(AbortSignal.abort('gone'));
    await expect(deadline.fired).rejects.toBe('gone');
  });
});

describe('sleep', () => {
  it('rejects at once with the reason of a signal that already fired', async () => {
    const started = Date.now();
    await expect(sleep(60_000, AbortSignal.abort('stop'))).rejects.toBe('stop');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('leaves no listener on the signal when the wait ends normally', async () => {
    const controller = new AbortController();
    await sleep(1, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
