import { MemoryStore, takeToken } from '@goskit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('MemoryStore', () => {
  it('expires entries by ttl on the injected clock', async () => {
    let now = 0;
    const store = new MemoryStore<string>({ now: () => now });
    await store.set('a', 'x', { ttlMs: 100 });
    await store.set('b', 'y');
    now = 99;
    expect(await store.get('a')).toBe('x');
    now = 100;
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBe('y');
    await expect(store.set('c', 'z', { ttlMs: 0 })).rejects.toThrow(RangeError);
  });

  it('setIfAbsent is first-writer-wins until expiry; take reads once', async () => {
    let now = 0;
    const store = new MemoryStore<number>({ now: () => now });
    expect(await store.setIfAbsent('nonce', 1, { ttlMs: 50 })).toBe(true);
    expect(await store.setIfAbsent('nonce', 2, { ttlMs: 50 })).toBe(false);
    now = 50;
    expect(await store.setIfAbsent('nonce', 3)).toBe(true);
    expect(await store.take('nonce')).toBe(3);
    expect(await store.take('nonce')).toBeUndefined();
  });

  it('evicts the oldest entries beyond maxEntries', async () => {
    const store = new MemoryStore<number>({ maxEntries: 2 });
    await store.set('a', 1);
    await store.set('b', 2);
    await store.set('c', 3);
    expect(await store.get('a')).toBeUndefined();
    expect(store.size).toBe(2);
    expect(await store.delete('b')).toBe(true);
    await store.clear();
    expect(store.size).toBe(0);
  });
});

describe('takeToken', () => {
  it('never grants more than burst + rate × elapsed, and tokens stay within [0, burst]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }),
        (ratePerSecond, burst, gaps) => {
          let state: ReturnType<typeof takeToken>['state'] | undefined;
          let now = 0;
          let granted = 0;
          for (const gap of gaps) {
            now += gap;
            const decision = takeToken(state, { ratePerSecond, burst }, now);
            state = decision.state;
            granted += decision.allowed ? 1 : 0;
            expect(state.tokens).toBeGreaterThanOrEqual(0);
            expect(state.tokens).toBeLessThanOrEqual(burst);
            if (decision.allowed) {
              expect(decision.retryAfterMs).toBe(0);
            } else {
              expect(decision.retryAfterMs).toBeGreaterThan(0);
            }
          }
          expect(granted).toBeLessThanOrEqual(burst + Math.floor((ratePerSecond * now) / 1000));
        },
      ),
    );
  });

  it('tells how long until the next token', () => {
    const config = { ratePerSecond: 4, burst: 1 };
    const first = takeToken(undefined, config, 1000);
    expect(first.allowed).toBe(true);
    const second = takeToken(first.state, config, 1000);
    expect(second).toMatchObject({ allowed: false, retryAfterMs: 250 });
    expect(takeToken(second.state, config, 1250).allowed).toBe(true);
    expect(() => takeToken(undefined, { ratePerSecond: 0, burst: 1 }, 0)).toThrow(RangeError);
  });
});
