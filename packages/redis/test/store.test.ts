/**
 * RedisStore against a real redis-server, once per way of connecting (URL, node-redis, ioredis):
 * the KeyValueStore contract, atomicity across connections, namespaces, hostile keys and values.
 */
import { InvalidOptionsError } from '@goskit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, InvalidKeyError, RedisStore, SerializationError } from '../src/index.js';
import { CLIENT_KINDS, type OpenedConnection, openConnection } from './helpers/clients.js';
import { type RedisServer, startRedisServer } from './helpers/redis-server.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let namespace = 0;
const freshPrefix = () => {
  namespace += 1;
  return `test:${process.pid}:${namespace}:`;
};

describe.each(CLIENT_KINDS)('RedisStore over %s', (kind) => {
  let opened: OpenedConnection[] = [];
  const open = async () => {
    const connection = await openConnection(kind, server.url);
    opened.push(connection);
    return connection.connection;
  };
  afterAll(async () => {
    await Promise.all(opened.map((c) => c.close()));
    opened = [];
  });

  it('gets, sets, overwrites, deletes and reports absent keys as undefined', async () => {
    const store = new RedisStore({ redis: await open(), prefix: freshPrefix() });
    expect(await store.get('missing')).toBeUndefined();
    await store.set('k', { a: 1 });
    expect(await store.get('k')).toEqual({ a: 1 });
    await store.set('k', 'two');
    expect(await store.get('k')).toBe('two');
    expect(await store.delete('k')).toBe(true);
    expect(await store.delete('k')).toBe(false);
    expect(await store.get('k')).toBeUndefined();
  });

  it('expires entries after ttlMs, and a plain set removes an earlier ttl', async () => {
    const store = new RedisStore({ redis: await open(), prefix: freshPrefix() });
    await store.set('short', 1, { ttlMs: 60 });
    await store.set('kept', 1, { ttlMs: 60 });
    await store.set('kept', 2);
    expect(await store.get('short')).toBe(1);
    await sleep(150);
    expect(await store.get('short')).toBeUndefined();
    expect(await store.get('kept')).toBe(2);
    await expect(store.set('x', 1, { ttlMs: 0 })).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(store.set('x', 1, { ttlMs: Number.NaN })).rejects.toBeInstanceOf(InvalidOptionsError);
  });

  it('setIfAbsent: exactly one of many concurrent writers from separate connections wins', async () => {
    const prefix = freshPrefix();
    const stores = await Promise.all(
      [0, 1, 2, 3].map(async () => new RedisStore({ redis: await open(), prefix })),
    );
    const attempts = stores.flatMap((store, i) =>
      Array.from({ length: 25 }, (_, j) => store.setIfAbsent('once', { by: i * 100 + j }, { ttlMs: 10_000 })),
    );
    const results = await Promise.all(attempts);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await stores[0]!.get('once')).toEqual({ by: Math.floor(winner / 25) * 100 + (winner % 25) });
    // after expiry (or delete) the key can be written again
    await stores[1]!.delete('once');
    expect(await stores[2]!.setIfAbsent('once', 'again')).toBe(true);
  });

  it('take returns the value once across connections (OAuth state is single-use)', async () => {
    const prefix = freshPrefix();
    const stores = await Promise.all(
      [0, 1, 2].map(async () => new RedisStore({ redis: await open(), prefix })),
    );
    await stores[0]!.set('state', { verifier: 'v' }, { ttlMs: 10_000 });
    const taken = await Promise.all(stores.flatMap((store) => [store.take('state'), store.take('state')]));
    expect(taken.filter((value) => value !== undefined)).toEqual([{ verifier: 'v' }]);
    expect(await stores[1]!.get('state')).toBeUndefined();
  });

  it('keeps namespaces apart: clear() removes its own prefix only, glob characters included', async () => {
    const connection = await open();
    const a = new RedisStore({ redis: connection, prefix: 'ns*[a]?:' });
    const b = new RedisStore({ redis: connection, prefix: 'ns*[b]?:' });
    const other = new RedisStore({ redis: connection, prefix: 'nsX[a]?:' });
    for (let i = 0; i < 1200; i += 1) {
      await a.set(`k${i}`, i);
    }
    await b.set('k1', 'b');
    await other.set('k1', 'other');
    await a.clear();
    expect(await a.get('k1')).toBeUndefined();
    expect(await a.get('k1199')).toBeUndefined();
    expect(await b.get('k1')).toBe('b');
    expect(await other.get('k1')).toBe('other');
  });

  it('treats __proto__, constructor and toString as ordinary keys', async () => {
    const store = new RedisStore({ redis: await open(), prefix: freshPrefix() });
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await store.get(key)).toBeUndefined();
      expect(await store.setIfAbsent(key, key)).toBe(true);
      expect(await store.take(key)).toBe(key);
    }
  });

  it('refuses keys it cannot store, and answers "absent" when reading them', async () => {
    const store = new RedisStore({ redis: await open(), prefix: freshPrefix() });
    const huge = 'x'.repeat(1025);
    await expect(store.set(huge, 1)).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.setIfAbsent('', 1)).rejects.toMatchObject({ code: 'INVALID_KEY', field: 'key' });
    expect(await store.get(huge)).toBeUndefined();
    expect(await store.take('я'.repeat(600))).toBeUndefined(); // 1200 bytes in UTF-8
    expect(await store.delete('')).toBe(false);
    await expect(store.get(42 as unknown as string)).rejects.toBeInstanceOf(InvalidKeyError);
    const error = await store.set(huge, 1).catch((e: unknown) => e);
    expect((error as InvalidKeyError).hint?.ru).toMatch(/ключ/);
  });
});

describe('RedisStore values', () => {
  let connection: ReturnType<typeof connectRedis>;
  let store: RedisStore;
  beforeAll(() => {
    connection = connectRedis(server.url);
    store = new RedisStore({ redis: connection, prefix: freshPrefix() });
  });
  afterAll(() => connection.close());

  it('round-trips what JSON alone would change', async () => {
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    const withProtoKey = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    const value = {
      date: new Date('2026-09-01T06:00:00.000Z'),
      invalidDate: new Date(Number.NaN),
      big: 12345678901234567890n,
      nothing: undefined,
      list: [1, undefined, null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0],
      bytes: new Uint8Array([0, 1, 254, 255]),
      dollar: { $: 'date', v: 1 },
      nested: { deeper: [{ $: 'x' }] },
      nullProto,
      withProtoKey,
      text: 'Иванов Иван 🙂',
    };
    await store.set('v', value);
    const back = (await store.get('v')) as typeof value;
    expect(back).toStrictEqual(value);
    expect(Object.is(back.list[6], -0)).toBe(true);
    expect(Object.getPrototypeOf(back.nullProto)).toBeNull();
    expect(Object.hasOwn(back, 'nothing')).toBe(true);
    expect(Object.hasOwn(back.withProtoKey, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(back.date).toBeInstanceOf(Date);
  });

  it('refuses values it cannot read back equal, naming the path', async () => {
    class Session {
      token = 't';
    }
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    let deep: unknown = 1;
    for (let i = 0; i < 70; i += 1) {
      deep = [deep];
    }
    const cases: [unknown, string][] = [
      [{ fn: () => 1 }, '$.fn'],
      [{ s: Symbol('x') }, '$.s'],
      [{ m: new Map() }, '$.m'],
      [{ list: [new Session()] }, '$.list[0]'],
      [{ b: Buffer.from('x') }, '$.b'],
      [circular, '$.self'],
      [{ [Symbol('k')]: 1 }, '$'],
      [{ re: /x/ }, '$.re'],
    ];
    for (const [value, path] of cases) {
      const error = await store.set('bad', value).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SerializationError);
      expect(error).toMatchObject({ code: 'VALUE_NOT_SERIALIZABLE', path });
    }
    await expect(store.set('deep', deep)).rejects.toMatchObject({ code: 'VALUE_NOT_SERIALIZABLE' });
    expect(await store.get('bad')).toBeUndefined(); // nothing was written
  });

  it('refuses values over maxValueBytes and reports foreign or broken values as corrupt', async () => {
    const small = new RedisStore({ redis: connection, prefix: freshPrefix(), maxValueBytes: 100 });
    await expect(small.set('big', 'x'.repeat(200))).rejects.toMatchObject({ code: 'VALUE_TOO_LARGE' });
    await small.set('fits', 'x'.repeat(50));
    await connection.send(['SET', `${small.prefix}foreign`, '{"a":1}']);
    await connection.send(['SET', `${small.prefix}broken`, 'gk1:{nope']);
    await connection.send(['SET', `${small.prefix}tag`, 'gk1:{"$":"evil","v":1}']);
    for (const key of ['foreign', 'broken', 'tag']) {
      await expect(small.get(key)).rejects.toMatchObject({ code: 'VALUE_CORRUPT' });
    }
    await connection.send(['HSET', `${small.prefix}hash`, 'f', 'v']);
    await expect(small.get('hash')).rejects.toMatchObject({
      code: 'REDIS_COMMAND_FAILED',
      redisCode: 'WRONGTYPE',
    });
  });

  it('takes through a script on servers without GETDEL', async () => {
    const old = await startRedisServer(['--rename-command', 'GETDEL', '']);
    const oldConnection = connectRedis(old.url);
    try {
      const oldStore = new RedisStore({ redis: oldConnection, prefix: freshPrefix() });
      await oldStore.set('s', 1);
      expect(await oldStore.take('s')).toBe(1);
      expect(await oldStore.take('s')).toBeUndefined();
    } finally {
      await oldConnection.close();
      await old.stop();
    }
  });

  it('rejects options it cannot work with', () => {
    expect(() => new RedisStore({ redis: connection, prefix: '' })).toThrow(InvalidOptionsError);
    expect(() => new RedisStore({ redis: 'http://127.0.0.1:1' })).toThrow(/redis: or rediss:/);
    expect(() => new RedisStore({ redis: {} as never })).toThrow(/node-redis client/);
  });
});
