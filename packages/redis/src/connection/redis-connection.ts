/**
 * The one door @goskit/redis talks to Redis through: raw commands (RESP2 replies) and Lua scripts,
 * each under a deadline, failing only with @goskit/redis errors. Adapters for node-redis and ioredis
 * sit behind it, so every store, limiter and lease works with the client the user already has.
 */
import type { RedisScript } from './redis-script.js';

/** A RESP2 reply as both clients return it: bulk/simple strings, integers, nil, arrays. */
export type RedisReply = string | number | null | RedisReply[];

export interface SendOptions {
  /** Deadline of this command, ms. Default: the connection's `timeoutMs`. */
  timeoutMs?: number;
  /** What the caller was doing, for error messages ('store.get', 'limiter.acquire'). */
  operation?: string;
}

export interface RedisConnection {
  /** Sends one command. Rejects with `RedisUnavailableError` (down or too slow) or `RedisCommandError`. */
  send(args: readonly string[], options?: SendOptions): Promise<RedisReply>;
  /** Runs a script by its SHA-1, loading it once per connection (and again after a SCRIPT FLUSH). */
  run(
    script: RedisScript,
    keys: readonly string[],
    args: readonly string[],
    options?: SendOptions,
  ): Promise<RedisReply>;
  /** Default deadline of every command, ms. */
  readonly timeoutMs: number;
  /** Closes the client when this connection created it (from a URL); a client you passed stays open. */
  close(): Promise<void>;
}

/** Marks our own connections, so a factory can tell one from a node-redis or ioredis client. */
export const CONNECTION_BRAND: unique symbol = Symbol.for('goskit.redis.connection');

export function isRedisConnection(value: unknown): value is RedisConnection {
  return typeof value === 'object' && value !== null && CONNECTION_BRAND in value;
}
