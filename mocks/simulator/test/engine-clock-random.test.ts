import { describe, expect, it } from 'vitest';
import { Sfc32Random } from '../src/engine/random.js';
import { createSimulator, parseDuration, SimulatorError } from '../src/index.js';
import { testPortal } from './fixtures/test-portal.js';

describe('parseDuration', () => {
  it.each([
    ['PT1H', 3_600_000],
    ['PT30M', 1_800_000],
    ['PT0.5S', 500],
    ['P1DT2H30M', 95_400_000],
    ['P2W', 1_209_600_000],
    ['-PT1S', -1000],
    [1234, 1234],
  ])('%s → %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each(['1h', 'P', 'PT', 'P1Y', 'PT1X', '', 'PT1H30'])('rejects %j with INVALID_DURATION', (input) => {
    expect(() => parseDuration(input)).toThrowError(expect.objectContaining({ code: 'INVALID_DURATION' }));
  });

  it('rejects non-finite numbers', () => {
    expect(() => parseDuration(Number.NaN)).toThrow(SimulatorError);
  });
});

describe('virtual clock', () => {
  it('starts at the configured time and moves only when told', () => {
    const sim = createSimulator({ portals: [testPortal], clock: '2026-01-01T00:00:00Z' });
    expect(sim.clock.date().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    sim.clock.advance('PT1H');
    sim.clock.advance(1500);
    expect(sim.clock.date().toISOString()).toBe('2026-01-01T01:00:01.500Z');
    sim.clock.set('2027-05-05T05:05:05Z');
    expect(sim.clock.now()).toBe(Date.parse('2027-05-05T05:05:05Z'));
    expect(() => sim.clock.set('not a date')).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('defaults to 2026-09-01T09:00:00+03:00', () => {
    expect(
      createSimulator({ portals: [testPortal] })
        .clock.date()
        .toISOString(),
    ).toBe('2026-09-01T06:00:00.000Z');
  });
});

describe('seeded random', () => {
  const take = (random: { next(): number }, n: number) => Array.from({ length: n }, () => random.next());

  it('same label → same sequence; different label → different sequence', () => {
    expect(take(new Sfc32Random('a'), 20)).toEqual(take(new Sfc32Random('a'), 20));
    expect(take(new Sfc32Random('a'), 20)).not.toEqual(take(new Sfc32Random('b'), 20));
  });

  it('values are in [0, 1) and roughly uniform', () => {
    const values = take(new Sfc32Random('uniform'), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('fork is independent of the parent position', () => {
    const a = new Sfc32Random('seed');
    const b = new Sfc32Random('seed');
    take(b, 50);
    expect(take(a.fork('x'), 10)).toEqual(take(b.fork('x'), 10));
    expect(take(a.fork('x'), 10)).not.toEqual(take(a.fork('y'), 10));
  });

  it('int, pick and uuid stay in range and replay from state', () => {
    const random = new Sfc32Random('r');
    for (let i = 0; i < 1000; i += 1) {
      const value = random.int(3, 7);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(7);
    }
    expect(['a', 'b']).toContain(random.pick(['a', 'b']));
    expect(() => random.pick([])).toThrow(RangeError);
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const state = random.getState();
    const first = take(random, 5);
    random.setState(state);
    expect(take(random, 5)).toEqual(first);
  });

  it('a simulator exposes per-seed streams: same seed, same draws', () => {
    const a = createSimulator({ portals: [testPortal], seed: 42 });
    const b = createSimulator({ portals: [testPortal], seed: '42' });
    const c = createSimulator({ portals: [testPortal], seed: 43 });
    expect(take(a.random, 5)).toEqual(take(b.random, 5));
    expect(take(a.random, 5)).not.toEqual(take(c.random, 5));
  });
});
