/**
 * Leases on a real redis-server: one holder at a time across managers, fencing tokens that only
 * grow, renew/release refused once the lease is gone, run() renewing a long task and telling it
 * when the lease is taken over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createLeaseManager, LeaseLostError, type RedisConnection } from '../src/index.js';
import { type RedisServer, startRedisServer } from './helpers/redis-server.js';

let server: RedisServer;
const connections: RedisConnection[] = [];
const manager = (owner: string) => {
  const connection = connectRedis(server.url);
  connections.push(connection);
  return createLeaseManager({ redis: connection, owner, prefix: `leases:${process.pid}:` });
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await server?.stop();
});

describe('leases', () => {
  it('lets exactly one of many concurrent managers hold a name', async () => {
    const managers = ['a', 'b', 'c', 'd'].map(manager);
    const leases = await Promise.all(
      managers.flatMap((m) => [m.acquire('sync', { ttlMs: 5000 }), m.acquire('sync', { ttlMs: 5000 })]),
    );
    const held = leases.filter((lease) => lease !== undefined);
    expect(held).toHaveLength(1);
    const holder = await managers[0]!.holder('sync');
    expect(holder).toMatchObject({ owner: held[0]!.owner, fencingToken: held[0]!.fencingToken });
    expect(holder!.ttlMs).toBeGreaterThan(4000);
    expect(await held[0]!.release()).toBe(true);
    expect(await managers[1]!.holder('sync')).toBeUndefined();
  });

  it('issues growing fencing tokens; an expired holder cannot renew or release the new lease', async () => {
    const a = manager('a');
    const b = manager('b');
    const first = await a.acquire('task:42', { ttlMs: 100 });
    expect(first).toBeDefined();
    expect(await b.acquire('task:42', { ttlMs: 100 })).toBeUndefined();
    await sleep(150); // a stalls past its ttl
    const second = await b.acquire('task:42', { ttlMs: 5000 });
    expect(second!.fencingToken).toBeGreaterThan(first!.fencingToken);
    expect(await b.latestFencingToken('task:42')).toBe(second!.fencingToken);
    await expect(first!.renew()).rejects.toBeInstanceOf(LeaseLostError);
    expect(await first!.release()).toBe(false);
    expect(await first!.isHeld()).toBe(false);
    expect(await second!.isHeld()).toBe(true);
    await second!.renew(10_000);
    expect((await b.holder('task:42'))!.ttlMs).toBeGreaterThan(9000);
  });

  it('waits for a busy lease when asked to', async () => {
    const a = manager('a');
    const b = manager('b');
    const held = await a.acquire('wait', { ttlMs: 5000 });
    setTimeout(() => void held!.release(), 150);
    const started = performance.now();
    const next = await b.acquire('wait', { ttlMs: 1000, waitMs: 2000, retryEveryMs: 20 });
    expect(next).toBeDefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect(await b.acquire('none', { ttlMs: 1000 })).toBeDefined();
    expect(await a.acquire('none', { ttlMs: 1000, waitMs: 100, retryEveryMs: 20 })).toBeUndefined();
  });

  it("run() keeps a long task's lease alive and releases it afterwards", async () => {
    const a = manager('a');
    const b = manager('b');
    const outcome = await a.run(
      'long',
      async (lease, signal) => {
        await sleep(500); // five times the ttl
        expect(await b.acquire('long', { ttlMs: 100 })).toBeUndefined();
        return { token: lease.fencingToken, aborted: signal.aborted };
      },
      { ttlMs: 100, renewEveryMs: 30 },
    );
    expect(outcome).toMatchObject({ ran: true, value: { aborted: false } });
    expect(await a.holder('long')).toBeUndefined();
    expect(await b.run('long', async () => 'second', { ttlMs: 1000 })).toMatchObject({
      ran: true,
      value: 'second',
    });
  });

  it('run() answers { ran: false } while another instance holds the lease', async () => {
    const a = manager('a');
    const b = manager('b');
    await a.acquire('busy', { ttlMs: 5000 });
    let called = false;
    expect(
      await b.run(
        'busy',
        async () => {
          called = true;
        },
        { ttlMs: 1000 },
      ),
    ).toEqual({ ran: false });
    expect(called).toBe(false);
  });

  it('run() aborts the task signal when the lease is taken over', async () => {
    const a = manager('a');
    const outcome = await a.run(
      'stolen',
      async (_lease, signal) => {
        // an operator (or a bug) deletes the lease key: the next renew finds it gone
        await connections[connections.length - 1]!.send(['DEL', `leases:${process.pid}:{stolen}:held`]);
        await new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => resolve(), { once: true }),
        );
        return signal.reason;
      },
      { ttlMs: 3000, renewEveryMs: 50 },
    );
    expect(outcome).toMatchObject({ ran: true });
    expect((outcome as { value: unknown }).value).toBeInstanceOf(LeaseLostError);
  });

  it('keeps working after the server forgets its scripts (SCRIPT FLUSH, a restart)', async () => {
    const a = manager('a');
    expect(await a.acquire('flush', { ttlMs: 1000 })).toBeDefined();
    await a.connection.send(['SCRIPT', 'FLUSH']);
    const lease = await a.acquire('flush-2', { ttlMs: 1000 });
    expect(lease).toBeDefined();
    expect(await lease!.release()).toBe(true);
  });

  it('treats hostile names as names, and refuses unusable ones', async () => {
    const a = manager('a');
    for (const name of ['__proto__', 'constructor', 'toString', '{x}', '*']) {
      const lease = await a.acquire(name, { ttlMs: 1000 });
      expect(lease?.name).toBe(name);
      expect(await lease!.release()).toBe(true);
    }
    await expect(a.acquire('', { ttlMs: 1000 })).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(a.acquire('x', { ttlMs: 0 })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});
