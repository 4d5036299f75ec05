/**
 * The Redis lease manager as the Параграф task runner's `LeaseManager` and the Sferum sync's
 * `SyncLock`, on a real redis-server: the compiler checks the shapes against those packages' own
 * types, the tests check one holder across instances, fencing tokens, and renew after a loss.
 */
import type { LeaseManager as ParagrafLeaseManager } from '@goskit/paragraf';
import type { SyncLock } from '@goskit/sferum';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectRedis,
  createLeaseManager,
  type RedisConnection,
  syncLock,
  taskLeases,
} from '../src/index.js';
import { type RedisServer, startRedisServer } from './helpers/redis-server.js';

let server: RedisServer;
const connections: RedisConnection[] = [];
const instance = (owner: string) => {
  const connection = connectRedis(server.url);
  connections.push(connection);
  return createLeaseManager({ redis: connection, owner, prefix: `adapters:${process.pid}:` });
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
  await server?.stop();
});

describe('taskLeases: the Параграф task runner over Redis', () => {
  it('one run of a school task across instances, growing tokens, renew false once lost', async () => {
    const first: ParagrafLeaseManager = taskLeases(instance('runner-1'));
    const second: ParagrafLeaseManager = taskLeases(instance('runner-2'));
    const held = await first.acquire('school-1:paragraf.dnevnik2018:sferum', 200);
    expect(held).toBeDefined();
    expect(await second.acquire('school-1:paragraf.dnevnik2018:sferum', 200)).toBeUndefined();
    expect(await held!.renew(200)).toBe(true);
    await sleep(260); // the lease runs out: another instance takes it with a larger token
    const next = await second.acquire('school-1:paragraf.dnevnik2018:sferum', 5000);
    expect(next!.token).toBeGreaterThan(held!.token);
    expect(await held!.renew(200)).toBe(false);
    await next!.release();
    expect(await first.acquire('school-1:paragraf.dnevnik2018:sferum', 200)).toBeDefined();
  });
});

describe('syncLock: one Sferum apply per school over Redis', () => {
  it('refuses a second holder until released, and a stale release frees nothing', async () => {
    const a: SyncLock = syncLock(instance('sync-a'));
    const b: SyncLock = syncLock(instance('sync-b'));
    const release = await a.acquire('school-7', 150);
    expect(release).toBeDefined();
    expect(await b.acquire('school-7', 150)).toBeUndefined();
    await sleep(200);
    const successor = await b.acquire('school-7', 5000);
    expect(successor).toBeDefined();
    await release!(); // the first holder's late release must not free the successor's lock
    expect(await a.acquire('school-7', 150)).toBeUndefined();
    await successor!();
    expect(await a.acquire('school-7', 150)).toBeDefined();
  });
});
