import { GoskitRedisError } from './goskit-redis-error.js';

/**
 * Redis answered a command with an error reply. `redisCode` keeps Redis' own prefix (`WRONGTYPE`,
 * `OOM`, `READONLY`, `NOPERM` …) the way portal errors keep the portal's code.
 */
export class RedisCommandError extends GoskitRedisError<'REDIS_COMMAND_FAILED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'RedisCommandError';

  readonly operation: string;
  readonly redisCode: string;

  constructor(operation: string, reply: string, cause?: unknown) {
    const redisCode = /^[A-Z][A-Z_-]+/.exec(reply)?.[0] ?? 'ERR';
    // The reply names the command and the key type, not the values; still, keep it short.
    super('REDIS_COMMAND_FAILED', `Redis refused ${operation}: ${reply.slice(0, 200)}`, { cause });
    this.operation = operation;
    this.redisCode = redisCode;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operation: this.operation, redisCode: this.redisCode };
  }
}

export function isRedisCommandError(value: unknown): value is RedisCommandError {
  return value instanceof RedisCommandError;
}
