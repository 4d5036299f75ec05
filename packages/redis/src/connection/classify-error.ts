/**
 * Turns a client's failure into ours by its class name (node-redis and ioredis name theirs): an
 * error reply is Redis refusing the command; a timeout is slowness; anything else is "no
 * connection" — refused, reset, closed, offline, reconnecting.
 */
import { GoskitRedisError } from '../errors/goskit-redis-error.js';
import { RedisCommandError } from '../errors/redis-command-error.js';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.js';

const REPLY_ERRORS = new Set(['ErrorReply', 'SimpleError', 'BlobError', 'ReplyError', 'MultiErrorReply']);

function className(error: unknown): string {
  if (typeof error !== 'object' || error === null) {
    return '';
  }
  const own = (error as { constructor?: { name?: unknown } }).constructor?.name;
  const name = (error as { name?: unknown }).name;
  return typeof own === 'string' && own !== 'Error' ? own : typeof name === 'string' ? name : '';
}

export function classifyError(error: unknown, operation: string, timeoutMs: number): GoskitRedisError {
  if (error instanceof GoskitRedisError) {
    return error;
  }
  const name = className(error);
  if (REPLY_ERRORS.has(name)) {
    return new RedisCommandError(operation, String((error as Error).message), error);
  }
  if (/Timeout/i.test(name)) {
    return new RedisUnavailableError('REDIS_TIMEOUT', { operation, timeoutMs, cause: error });
  }
  return new RedisUnavailableError('REDIS_UNAVAILABLE', { operation, cause: error });
}

/** Redis' "no such script" reply: the script cache was flushed or the server restarted. */
export function isNoScript(error: unknown): boolean {
  return error instanceof RedisCommandError && error.redisCode === 'NOSCRIPT';
}
