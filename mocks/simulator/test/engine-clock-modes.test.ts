import type { Clock } from '@goskit/core';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { MAX_CLOCK_MS, ManualClock } from '../src/engine/clock.js';
import { simRequest } from './fixtures/requests.js';
import { testPortal } from './fixtures/test-portal.js';

describe('the virtual clock', () => {
  it('is a @goskit/core Clock as it is: now() is epoch ms, date() the Date form, nowMs() an alias', () => {
    const sim = createSimulator({ portals: [testPortal], clock: '2026-09-01T06:00:00Z' });
    const clock: Clock = sim.clock;
    expect(clock.now()).toBe(Date.parse('2026-09-01T06:00:00Z'));
    expect(sim.clock.date().toISOString()).toBe('2026-09-01T06:00:00.000Z');
    expect(sim.clock.nowMs()).toBe(sim.clock.now());
  });

  it('in process it is frozen by default: real time passes, the virtual time does not', async () => {
    const sim = createSimulator({ portals: [testPortal] });
    expect(sim.clock.mode).toBe('frozen');
    const before = sim.clock.now();
    await new Promise((resolve) => setTimeout(resolve, 25));
    expect(sim.clock.now()).toBe(before);
  });

  it("clockMode 'running' runs with the wall clock from real now; advance/set shift it and it keeps running", () => {
    let wall = Date.parse('2030-01-01T00:00:00Z');
    const clock = new ManualClock(undefined, { mode: 'running', wall: () => wall });
    expect(clock.now()).toBe(wall);
    wall += 1500;
    expect(clock.now()).toBe(Date.parse('2030-01-01T00:00:01.500Z'));
    clock.advance('PT1H');
    wall += 500;
    expect(clock.date().toISOString()).toBe('2030-01-01T01:00:02.000Z');
    clock.set('2026-09-01T06:00:00Z');
    wall += 1000;
    expect(clock.date().toISOString()).toBe('2026-09-01T06:00:01.000Z');
    clock.reset();
    expect(clock.now()).toBe(wall);
  });

  it('a running clock can start elsewhere (clock option / --clock-start) and reset() goes back there', () => {
    let wall = 1_000_000;
    const clock = new ManualClock('2026-09-01T06:00:00Z', { mode: 'running', wall: () => wall });
    wall += 60_000;
    expect(clock.date().toISOString()).toBe('2026-09-01T06:01:00.000Z');
    clock.reset();
    expect(clock.date().toISOString()).toBe('2026-09-01T06:00:00.000Z');
    const sim = createSimulator({ portals: [testPortal], clockMode: 'running' });
    expect(sim.clock.mode).toBe('running');
    expect(Math.abs(sim.clock.now() - Date.now())).toBeLessThan(5000);
  });

  it('refuses times outside 1970 … 9999 and leaves the clock as it was', () => {
    const sim = createSimulator({ portals: [testPortal] });
    const before = sim.clock.now();
    expect(() => sim.clock.advance(1e308)).toThrowError(
      expect.objectContaining({ code: 'INVALID_DURATION' }),
    );
    expect(() => sim.clock.advance('P999999999D')).toThrowError(
      expect.objectContaining({ code: 'INVALID_DURATION' }),
    );
    expect(() => sim.clock.advance(-before - 1)).toThrowError(
      expect.objectContaining({ code: 'INVALID_DURATION' }),
    );
    expect(() => sim.clock.set('+275760-09-13T00:00:00Z')).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => sim.clock.set(MAX_CLOCK_MS + 1)).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => sim.clock.set(-1)).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(sim.clock.now()).toBe(before);
    expect(() => new ManualClock(0, { mode: 'sideways' as never })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });

  it('rate-limit buckets refill with a running clock (no 429 forever once a limit was hit)', async () => {
    const limited = (clockMode: 'running' | 'frozen') =>
      createSimulator({
        portals: [
          {
            ...testPortal,
            rateLimit: { ratePerSecond: 2, burst: 2, respond: () => ({ status: 429, headers: {} }) },
          },
        ],
        clockMode,
      });
    const running = limited('running');
    const frozen = limited('frozen');
    for (const sim of [running, frozen]) {
      const statuses = [];
      for (let i = 0; i < 6; i += 1) {
        statuses.push((await sim.handle(simRequest('/notes'))).status);
      }
      expect(statuses).toContain(429);
    }
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await running.handle(simRequest('/notes'))).status).not.toBe(429);
    // A frozen clock refills only when advanced (the in-process contract).
    expect((await frozen.handle(simRequest('/notes'))).status).toBe(429);
    frozen.clock.advance('PT1S');
    expect((await frozen.handle(simRequest('/notes'))).status).not.toBe(429);
  });
});
