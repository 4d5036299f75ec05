import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ATTEMPT_DEADLINE } from '../src/transport/call-signal.js';
import { DeadlineSlots } from '../src/transport/engine/deadline-slots.js';

const waitFor = (signal: AbortSignal) =>
  new Promise<number>((resolve) => signal.addEventListener('abort', () => resolve(performance.now())));

describe('DeadlineSlots', () => {
  it('attempts starting together share one signal; a different timeout gets its own', () => {
    // A fixed start inside a slot: with the real clock the two takes could straddle a boundary.
    const slots = new DeadlineSlots(() => 1_000);
    const a = slots.take(10_000).signal;
    const b = slots.take(10_000).signal;
    const c = slots.take(5_000).signal;
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('an attempt starting in the next slot gets a fresh signal', () => {
    let now = 1_000;
    const slots = new DeadlineSlots(() => now);
    const a = slots.take(10_000).signal;
    now += 30;
    expect(slots.take(10_000).signal).not.toBe(a);
  });

  it('gives a fresh signal after 16 attempts, so no signal collects many listeners', () => {
    const slots = new DeadlineSlots(() => 1_000);
    const signals = Array.from({ length: 40 }, () => slots.take(10_000).signal);
    expect(new Set(signals).size).toBe(3);
  });

  it('fires with the deadline reason no earlier than the deadline and at most one slot width later', async () => {
    const slots = new DeadlineSlots();
    for (const timeout of [30, 250, 1_000]) {
      const startedAt = performance.now();
      const signal = slots.take(timeout).signal;
      const firedAt = await waitFor(signal);
      const granularity = Math.min(25, Math.max(1, Math.floor(timeout / 100)));
      expect(signal.reason).toBe(ATTEMPT_DEADLINE);
      // Timers may run a little early or late by the event loop's clock; allow 5 ms of that.
      expect(firedAt - startedAt).toBeGreaterThanOrEqual(timeout - 5);
      expect(firedAt - startedAt).toBeLessThanOrEqual(timeout + granularity + 50);
    }
  });

  it('the longest timeout a timer allows does not overflow into an immediate abort', async () => {
    const signal = new DeadlineSlots().take(2_147_483_647).signal;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(signal.aborted).toBe(false);
  });

  it("a slot's promise rejects with the deadline reason, for waits fetch does not cut short", async () => {
    const deadline = new DeadlineSlots().take(20);
    await expect(Promise.race([new Promise(() => {}), deadline.fired])).rejects.toBe(ATTEMPT_DEADLINE);
  });

  it('a signal taken after a slot fired is a live one', async () => {
    const slots = new DeadlineSlots();
    const first = slots.take(20).signal;
    await waitFor(first);
    const next = slots.take(20).signal;
    expect(next).not.toBe(first);
    expect(next.aborted).toBe(false);
  });

  it('never keeps the process alive: a script making one call exits at once, not after the timeout', () => {
    const script = `
      import { createServer } from 'node:http';
      import { createTransport } from ${JSON.stringify(fileURLToPath(new URL('../src/index.ts', import.meta.url)))};
      const server = createServer((_q, res) => res.end('{"ok":true}'));
      server.listen(0, '127.0.0.1', async () => {
        const t = createTransport({ baseUrl: 'http://127.0.0.1:' + server.address().port, timeout: 60_000 });
        await t.get('/x');
        server.close();
        server.closeAllConnections();
      });
    `;
    const started = Date.now();
    // tsx (a root dev dependency) lets the child import the transport from source, like these tests.
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
