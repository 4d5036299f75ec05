/**
 * `connectRedis(source)`: one `RedisConnection` from a URL (we create, connect and own a node-redis
 * client), a node-redis or ioredis client you already have (we borrow it), or a connection made
 * before (returned as is). Every command runs under a deadline; nothing waits for a dead server.
 */
import { InvalidOptionsError, type Logger, redactUrl } from '@goskit/core';
import { RedisCommandError } from '../errors/redis-command-error.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';
import { classifyError, isNoScript } from './classify-error.js';
import { withDeadline } from './deadline.js';
import {
  type IoredisClientLike,
  isIoredisClient,
  isNodeRedisClient,
  type NodeRedisClientLike,
  type RedisDriver,
} from './driver.js';
import { ioredisDriver } from './ioredis-driver.js';
import { nodeRedisDriver } from './node-redis-driver.js';
import {
  CONNECTION_BRAND,
  isRedisConnection,
  type RedisConnection,
  type RedisReply,
  type SendOptions,
} from './redis-connection.js';
import type { RedisScript } from './redis-script.js';

/** A `redis://` / `rediss://` URL, a node-redis or ioredis client, or a connection from `connectRedis`. */
export type RedisSource = string | RedisConnection | NodeRedisClientLike | IoredisClientLike;

export interface ConnectRedisOptions {
  /** Deadline of every command, ms. Default 2000. */
  timeoutMs?: number;
  /**
   * From a URL: how long start-up (loading the client, the first connection) and each connection
   * attempt may take, ms. Default 5000. Commands after start-up have `timeoutMs`.
   */
  connectTimeoutMs?: number;
  /** From a URL: where connection errors of the client we own are reported (redacted). Default: none. */
  logger?: Partial<Logger>;
  /** From a URL: `CLIENT SETNAME`, to tell instances apart in `CLIENT LIST`. */
  clientName?: string;
}

export const DEFAULT_TIMEOUT_MS = 2000;

function positive(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!(Number.isFinite(result) && result > 0)) {
    throw new InvalidOptionsError(`${name} must be a positive number of milliseconds, got ${value}`);
  }
  return result;
}

export function connectRedis(source: RedisSource, options: ConnectRedisOptions = {}): RedisConnection {
  if (isRedisConnection(source)) {
    return source;
  }
  const timeoutMs = positive('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS);
  if (typeof source === 'string') {
    return fromDriver(urlDriver(source, timeoutMs, options), timeoutMs, true);
  }
  if (isNodeRedisClient(source)) {
    return fromDriver(nodeRedisDriver(source), timeoutMs, false);
  }
  if (isIoredisClient(source)) {
    return fromDriver(ioredisDriver(source), timeoutMs, false);
  }
  throw new InvalidOptionsError(
    'redis must be a redis:// URL, a node-redis client, an ioredis client or a connectRedis() connection',
  );
}

/** A node-redis client of our own, created on the first command, connected lazily. */
function urlDriver(url: string, timeoutMs: number, options: ConnectRedisOptions): RedisDriver {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidOptionsError('redis URL must be an absolute redis:// or rediss:// URL');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new InvalidOptionsError(`redis URL must use redis: or rediss:, got ${parsed.protocol}`);
  }
  const connectTimeout = positive('connectTimeoutMs', options.connectTimeoutMs, 5000);
  const safeUrl = redactUrl(url);
  /** The part of our own node-redis client we drive. */
  interface Client extends NodeRedisClientLike {
    readonly isReady: boolean;
    connect(): Promise<unknown>;
    close(): Promise<void>;
    destroy(): void;
    on(event: 'error', listener: (error: unknown) => void): unknown;
    once(event: 'ready' | 'error', listener: (value?: unknown) => void): unknown;
  }
  // Start-up: load the client module (hundreds of ms on a cold process) and make the first
  // connection. It settles once; later a reconnecting client refuses at once (disableOfflineQueue).
  let client: Client | undefined;
  let startError: unknown;
  let starting: Promise<void> | undefined;
  let closed = false;

  const start = (): Promise<void> => {
    starting ??= (async () => {
      try {
        const { createClient } = await import('@redis/client');
        const created: Client = createClient({
          url,
          RESP: 2, // the replies every adapter sees (ioredis speaks RESP2)
          ...(options.clientName === undefined ? {} : { name: options.clientName }),
          // Commands fail at once while reconnecting instead of queueing behind a dead socket.
          disableOfflineQueue: true,
          commandsQueueMaxLength: 10_000,
          socket: {
            connectTimeout,
            reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 6), 2000),
          },
        });
        created.on('error', (error: unknown) => {
          options.logger?.warn?.(`redis connection to ${safeUrl} failed`, {
            error: error instanceof Error ? error.constructor.name : 'Error',
          });
        });
        client = created;
        if (closed) {
          return;
        }
        await new Promise<void>((resolve, reject) => {
          created.once('ready', () => resolve());
          created.once('error', reject);
          created.connect().catch(() => {}); // settles through the events above
        });
      } catch (error) {
        startError = error;
      }
    })();
    return starting;
  };
  // Begin now, so the first command does not pay for the module load.
  void start();

  return {
    kind: 'node-redis',
    startupTimeoutMs: connectTimeout,
    async ready() {
      if (!client?.isReady) {
        await start();
      }
      if (!client) {
        throw startError ?? new Error('redis client not created');
      }
    },
    async call(args, ms) {
      if (closed || !client) {
        throw new RedisUnavailableError('REDIS_UNAVAILABLE', { operation: args[0] ?? 'command' });
      }
      return client.sendCommand(args, { timeout: ms });
    },
    async close() {
      closed = true;
      const current = client;
      if (!current) {
        return;
      }
      // A polite QUIT waits for replies; a paused server would keep us here, so give it a bound.
      if (current.isReady) {
        await withDeadline(current.close(), timeoutMs, () => new Error('close timed out')).catch(() => {});
      }
      if (current.isOpen) {
        current.destroy();
      }
    },
  };
}

function fromDriver(driver: RedisDriver, timeoutMs: number, owned: boolean): RedisConnection {
  const shas = new WeakMap<RedisScript, string>();
  const send = async (args: readonly string[], options: SendOptions = {}): Promise<RedisReply> => {
    const ms = options.timeoutMs ?? timeoutMs;
    const operation = options.operation ?? args[0] ?? 'command';
    try {
      if (driver.ready) {
        const startup = driver.startupTimeoutMs ?? ms;
        await withDeadline(
          driver.ready(),
          startup,
          () =>
            new RedisUnavailableError('REDIS_TIMEOUT', {
              operation: `${operation} (connecting)`,
              timeoutMs: startup,
            }),
        );
      }
      const reply = driver.call(args, ms);
      return (await withDeadline(
        reply,
        ms,
        () => new RedisUnavailableError('REDIS_TIMEOUT', { operation, timeoutMs: ms }),
      )) as RedisReply;
    } catch (error) {
      throw classifyError(error, operation, ms);
    }
  };
  return {
    [CONNECTION_BRAND]: driver.kind,
    timeoutMs,
    send,
    async run(script: RedisScript, keys, args, options = {}) {
      const operation = options.operation ?? script.name;
      const tail = [String(keys.length), ...keys, ...args];
      let sha = shas.get(script);
      if (sha === undefined) {
        const loaded = await send(['SCRIPT', 'LOAD', script.source], { ...options, operation });
        if (typeof loaded !== 'string') {
          throw new RedisCommandError(operation, 'ERR SCRIPT LOAD returned no digest');
        }
        sha = loaded;
        shas.set(script, sha);
      }
      try {
        return await send(['EVALSHA', sha, ...tail], { ...options, operation });
      } catch (error) {
        if (!isNoScript(error)) {
          throw error;
        }
        // The script cache was flushed (SCRIPT FLUSH, a restart): EVAL runs it and caches it again.
        return send(['EVAL', script.source, ...tail], { ...options, operation });
      }
    },
    close: owned ? () => driver.close() : async () => {},
  } as RedisConnection;
}
