import { GoskitRedisError } from './goskit-redis-error.js';

export interface RedisUnavailableDetails {
  /** What was being done: 'GET', 'limiter.acquire', 'lease.renew' … */
  operation: string;
  /** The deadline that passed (REDIS_TIMEOUT), ms. */
  timeoutMs?: number | undefined;
  cause?: unknown;
}

/**
 * Redis could not be used: down or unreachable (`REDIS_UNAVAILABLE`), or too slow to answer within
 * the deadline (`REDIS_TIMEOUT`). Nothing that depends on Redis is ever treated as allowed because
 * of it; with a timeout the command may still run on the server later.
 */
export class RedisUnavailableError extends GoskitRedisError<'REDIS_UNAVAILABLE' | 'REDIS_TIMEOUT'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'RedisUnavailableError';

  readonly operation: string;
  readonly timeoutMs: number | undefined;

  constructor(code: 'REDIS_UNAVAILABLE' | 'REDIS_TIMEOUT', details: RedisUnavailableDetails) {
    const what =
      code === 'REDIS_TIMEOUT'
        ? `Redis did not answer ${details.operation} within ${details.timeoutMs} ms`
        : `Redis is unavailable for ${details.operation}`;
    super(code, what, {
      cause: details.cause,
      hint:
        code === 'REDIS_TIMEOUT'
          ? {
              ru: 'Redis перегружен, приостановлен или сеть медленная; команда могла выполниться позже.',
              en: 'Redis is overloaded, paused or the network is slow; the command may still run later.',
            }
          : {
              ru: 'Нет соединения с Redis (сервер остановлен, недоступен или клиент закрыт).',
              en: 'No connection to Redis (the server is down, unreachable, or the client was closed).',
            },
    });
    this.operation = details.operation;
    this.timeoutMs = details.timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operation: this.operation, timeoutMs: this.timeoutMs };
  }
}

export function isRedisUnavailableError(value: unknown): value is RedisUnavailableError {
  return value instanceof RedisUnavailableError;
}
