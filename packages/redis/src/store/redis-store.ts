/**
 * core's `KeyValueStore` on Redis: every instance that shares the Redis (and the prefix) sees the
 * same entries. TTLs are Redis' own (PX), `setIfAbsent` is `SET NX`, `take` is `GETDEL` (a script
 * on servers older than 6.2) — each a single atomic command, so two instances can never both win.
 */
import { InvalidOptionsError, type KeyValueStore, type StoreWriteOptions } from '@goskit/core';
import { type ConnectRedisOptions, connectRedis, type RedisSource } from '../connection/connect-redis.js';
import { checkKey, checkPrefix, globEscape, isStorableKey } from '../connection/keys.js';
import type { RedisConnection, RedisReply } from '../connection/redis-connection.js';
import { defineScript } from '../connection/redis-script.js';
import { isRedisCommandError } from '../errors/redis-command-error.js';
import { SerializationError } from '../errors/serialization-error.js';
import { taggedJsonCodec, type ValueCodec } from './value-codec.js';

export interface RedisStoreOptions<V = unknown> extends ConnectRedisOptions {
  /** A redis:// URL, your node-redis or ioredis client, or a `connectRedis()` connection. */
  redis: RedisSource;
  /** Namespace of every key. Default 'goskit:'. `clear()` removes this namespace only. */
  prefix?: string;
  /** Default: tagged JSON (values read back equal or are refused). */
  codec?: ValueCodec<V>;
  /** Largest encoded value, bytes. Default 1 MiB. */
  maxValueBytes?: number;
}

const TAKE = defineScript(
  'store.take',
  "local v = redis.call('GET', KEYS[1]); if v then redis.call('DEL', KEYS[1]) end; return v",
);

const encoder = new TextEncoder();

function ttlArgs(options: StoreWriteOptions | undefined): string[] {
  const ttl = options?.ttlMs;
  if (ttl === undefined) {
    return [];
  }
  if (!(Number.isFinite(ttl) && ttl > 0)) {
    throw new InvalidOptionsError(`ttlMs must be a positive number of milliseconds, got ${ttl}`);
  }
  return ['PX', String(Math.ceil(ttl))];
}

export class RedisStore<V = unknown> implements KeyValueStore<V> {
  readonly prefix: string;
  readonly connection: RedisConnection;
  readonly #codec: ValueCodec<V>;
  readonly #maxValueBytes: number;
  #getdel = true;

  constructor(options: RedisStoreOptions<V>) {
    this.prefix = checkPrefix(options.prefix ?? 'goskit:');
    this.connection = connectRedis(options.redis, options);
    this.#codec = options.codec ?? (taggedJsonCodec as ValueCodec<V>);
    this.#maxValueBytes = options.maxValueBytes ?? 1024 * 1024;
    if (!(this.#maxValueBytes > 0)) {
      throw new InvalidOptionsError('maxValueBytes must be a positive number of bytes');
    }
  }

  async get(key: string): Promise<V | undefined> {
    if (!isStorableKey('key', key)) {
      return undefined;
    }
    return this.#decode(await this.connection.send(['GET', this.prefix + key], { operation: 'store.get' }));
  }

  async set(key: string, value: V, options?: StoreWriteOptions): Promise<void> {
    const full = this.prefix + checkKey('key', key);
    const ttl = ttlArgs(options);
    await this.connection.send(['SET', full, this.#encode(value), ...ttl], { operation: 'store.set' });
  }

  async setIfAbsent(key: string, value: V, options?: StoreWriteOptions): Promise<boolean> {
    const full = this.prefix + checkKey('key', key);
    const ttl = ttlArgs(options);
    const reply = await this.connection.send(['SET', full, this.#encode(value), 'NX', ...ttl], {
      operation: 'store.setIfAbsent',
    });
    return reply === 'OK';
  }

  async take(key: string): Promise<V | undefined> {
    if (!isStorableKey('key', key)) {
      return undefined;
    }
    const full = this.prefix + key;
    if (this.#getdel) {
      try {
        return this.#decode(await this.connection.send(['GETDEL', full], { operation: 'store.take' }));
      } catch (error) {
        // Redis before 6.2 has no GETDEL: the script does the same atomically.
        if (!(isRedisCommandError(error) && /unknown command/i.test(error.message))) {
          throw error;
        }
        this.#getdel = false;
      }
    }
    return this.#decode(await this.connection.run(TAKE, [full], [], { operation: 'store.take' }));
  }

  async delete(key: string): Promise<boolean> {
    if (!isStorableKey('key', key)) {
      return false;
    }
    return (await this.connection.send(['DEL', this.prefix + key], { operation: 'store.delete' })) === 1;
  }

  /** Removes every key under this store's prefix (SCAN + UNLINK in batches), nothing else. */
  async clear(): Promise<void> {
    const match = `${globEscape(this.prefix)}*`;
    let cursor = '0';
    do {
      const reply = (await this.connection.send(['SCAN', cursor, 'MATCH', match, 'COUNT', '500'], {
        operation: 'store.clear',
      })) as [string, string[]];
      cursor = reply[0];
      if (reply[1].length > 0) {
        await this.connection.send(['UNLINK', ...reply[1]], { operation: 'store.clear' });
      }
    } while (cursor !== '0');
  }

  /** Closes the connection when the store opened it from a URL. */
  close(): Promise<void> {
    return this.connection.close();
  }

  #encode(value: V): string {
    const text = this.#codec.encode(value);
    const bytes = text.length * 3 <= this.#maxValueBytes ? text.length : encoder.encode(text).length;
    if (bytes > this.#maxValueBytes) {
      throw new SerializationError(
        'VALUE_TOO_LARGE',
        `Encoded value is ${bytes} bytes, over maxValueBytes ${this.#maxValueBytes}`,
      );
    }
    return text;
  }

  #decode(reply: RedisReply): V | undefined {
    if (reply === null || reply === undefined) {
      return undefined;
    }
    if (typeof reply !== 'string') {
      throw new SerializationError('VALUE_CORRUPT', 'Stored value is not a string');
    }
    return this.#codec.decode(reply);
  }
}
