/**
 * Redis down (SIGKILL) or slow (SIGSTOP): every operation fails with a typed error within its
 * deadline, nothing hangs, nothing is let through; the limiter's fallback takes over when asked to;
 * a still-valid token keeps working; a lease holder is told its lease is lost; all recover.
 */
import { createRateLimiter } from '@goskit/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  connectRedis,
  createLeaseManager,
  createRedisRateLimiter,
  createSharedTokenProvider,
  RedisStore,
  RedisUnavailableError,
} from '../src/index.js';
import { CLIENT_KINDS, type OpenedConnection, openConnection } from './helpers/clients.js';
import { type RedisServer, startRedisServer } from './helpers/redis-server.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  server.resume();
  if (!server.running) {
    await server.restart();
  }
});

/** Runs `operation`, expecting a RedisUnavailableError with `code` within `withinMs`. */
async function failsWithin(operation: () => Promise<unknown>, code: string, withinMs: number) {
  const started = performance.now();
  const outcome = await operation().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const elapsed = performance.now() - started;
  expect(outcome).toHaveProperty('error');
  const error = (outcome as { error: unknown }).error;
  expect(error).toBeInstanceOf(RedisUnavailableError);
  expect(error).toMatchObject({ code });
  expect(elapsed).toBeLessThan(withinMs);
  return error as RedisUnavailableError;
}

describe.each(CLIENT_KINDS)('outage over %s', (kind) => {
  let opened: OpenedConnection | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('store calls fail with REDIS_TIMEOUT while the server is paused, then work again', async () => {
    opened = await openConnection(kind, server.url, { timeoutMs: 300 });
    const store = new RedisStore({ redis: opened.connection, prefix: 'outage:' });
    await store.set('k', 1);
    await store.set('single-use', 1);
    server.pause();
    const error = await failsWithin(() => store.get('k'), 'REDIS_TIMEOUT', 1500);
    expect(error.timeoutMs).toBe(300);
    await failsWithin(() => store.setIfAbsent('n', 1), 'REDIS_TIMEOUT', 1500);
    await failsWithin(() => store.take('single-use'), 'REDIS_TIMEOUT', 1500);
    server.resume();
    await expect.poll(() => store.get('k').catch(() => 'failing'), { timeout: 5000 }).toBe(1);
    // What timed out was still sent: it ran once the server woke (as the error's hint says).
    expect(await store.get('single-use')).toBeUndefined();
    expect(await store.get('n')).toBe(1);
  });

  it('store calls fail within the deadline when the server is killed, and recover after a restart', async () => {
    opened = await openConnection(kind, server.url, { timeoutMs: 400 });
    const store = new RedisStore({ redis: opened.connection, prefix: 'outage:' });
    await store.set('k', 1);
    await server.kill();
    for (const operation of [() => store.get('k'), () => store.set('k', 2), () => store.delete('k')]) {
      const started = performance.now();
      await expect(operation()).rejects.toBeInstanceOf(RedisUnavailableError);
      expect(performance.now() - started).toBeLessThan(1500);
    }
    await server.restart();
    await expect
      .poll(
        () =>
          store
            .set('k', 3)
            .then(() => store.get('k'))
            .catch(() => 'failing'),
        {
          timeout: 8000,
          interval: 100,
        },
      )
      .toBe(3);
  });
});

describe('limiter outage', () => {
  it('fails closed: waiting and new calls reject with a typed error, none is granted', async () => {
    const connection = connectRedis(server.url, { timeoutMs: 300 });
    const limiter = createRedisRateLimiter({
      redis: connection,
      prefix: 'outage:rl1:',
      ratePerSecond: 2,
      burst: 1,
    });
    try {
      (await limiter.acquire('k'))();
      const waiting = limiter.acquire('k'); // holds a reservation ~500 ms
      await new Promise((resolve) => setTimeout(resolve, 50)); // the reservation is made
      server.pause();
      const granted: number[] = [];
      const calls = Array.from({ length: 5 }, (_, i) =>
        limiter.acquire('k').then(
          (release) => {
            granted.push(i);
            release();
          },
          (error: unknown) => error,
        ),
      );
      const outcomes = await Promise.all(calls);
      expect(granted).toEqual([]);
      for (const outcome of outcomes) {
        expect(outcome).toBeInstanceOf(RedisUnavailableError);
      }
      (await waiting)(); // its token was reserved before the pause: a real grant
      // during the cooldown new calls fail at once
      await failsWithin(() => limiter.acquire('k'), 'REDIS_TIMEOUT', 100);
      server.resume();
      await new Promise((resolve) => setTimeout(resolve, 1100)); // cooldown over
      (await limiter.acquire('k'))();
    } finally {
      await limiter.close();
    }
  });

  it('falls back to a local limiter when told to, and returns to Redis afterwards', async () => {
    const connection = connectRedis(server.url, { timeoutMs: 300 });
    const fallback = createRateLimiter({ ratePerSecond: 1, burst: 2 });
    const limiter = createRedisRateLimiter({
      redis: connection,
      prefix: 'outage:rl2:',
      ratePerSecond: 100,
      whenUnavailable: fallback,
      unavailableCooldownMs: 200,
    });
    try {
      await server.kill();
      const started = performance.now();
      const grants: number[] = [];
      await Promise.all(
        [0, 1, 2].map(() =>
          limiter.acquire('k').then((release) => {
            grants.push(performance.now() - started);
            release();
          }),
        ),
      );
      // the fallback's own limit: two at once, the third a second later
      expect(grants[2]! - grants[0]!).toBeGreaterThanOrEqual(900);
      await server.restart();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect
        .poll(
          async () => {
            (await limiter.acquire('k'))();
            return connection.send(['EXISTS', 'outage:rl2:k']).catch(() => 0);
          },
          { timeout: 8000, interval: 200 },
        )
        .toBe(1);
    } finally {
      await limiter.close();
    }
  });
});

describe('token and lease outage', () => {
  it('a token the instance holds keeps working while Redis is down; without one the call fails', async () => {
    let fetches = 0;
    const options = {
      name: 'outage-token',
      prefix: 'outage:token:',
      timeoutMs: 300,
      fetchToken: async () => {
        fetches += 1;
        return { token: `t${fetches}`, expiresAt: Date.now() + 3_600_000 };
      },
    };
    const holder = createSharedTokenProvider({ ...options, redis: server.url });
    const cold = createSharedTokenProvider({ ...options, redis: server.url });
    try {
      expect(await holder.getToken()).toBe('t1');
      server.pause();
      expect(await holder.getToken()).toBe('t1');
      await failsWithin(() => cold.getToken(), 'REDIS_TIMEOUT', 1500);
      expect(fetches).toBe(1); // nobody refreshed behind the lease's back
    } finally {
      server.resume();
      await holder.close();
      await cold.close();
    }
  });

  it("with whenUnavailable: 'fetch-locally' an instance refreshes alone", async () => {
    await server.kill();
    const provider = createSharedTokenProvider({
      redis: server.url,
      name: 'outage-local',
      timeoutMs: 300,
      whenUnavailable: 'fetch-locally',
      fetchToken: async () => ({ token: 'local', expiresAt: Date.now() + 60_000 }),
    });
    try {
      expect(await provider.getToken()).toBe('local');
    } finally {
      await provider.close();
    }
  });

  it('a lease holder is told (signal aborted) when Redis stays unreachable until its lease would end', async () => {
    const leases = createLeaseManager({ redis: server.url, prefix: 'outage:lease:', timeoutMs: 1000 });
    try {
      const outcome = await leases.run(
        'sync',
        async (lease, signal) => {
          server.pause();
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 5000);
            signal.addEventListener('abort', () => {
              clearTimeout(timer);
              resolve();
            });
          });
          // told no later than the moment the lease ends (Redis counts its ttl from a later instant)
          expect(Date.now()).toBeLessThanOrEqual(lease.expiresAt + 50);
          return signal.aborted;
        },
        { ttlMs: 900, renewEveryMs: 150 },
      );
      expect(outcome).toEqual({ ran: true, value: true, fencingToken: expect.any(Number) });
    } finally {
      server.resume();
      await leases.close();
    }
  });

  it('acquiring a lease fails with a typed error, never "granted", while Redis is down', async () => {
    await server.kill();
    const leases = createLeaseManager({ redis: server.url, timeoutMs: 300 });
    try {
      await expect(leases.acquire('job', { ttlMs: 1000 })).rejects.toBeInstanceOf(RedisUnavailableError);
    } finally {
      await leases.close();
    }
  });
});
