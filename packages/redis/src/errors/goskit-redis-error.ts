import { GoskitError } from '@goskit/core';

/** Stable codes of every failure @goskit/redis reports. */
export type RedisErrorCode =
  | 'REDIS_UNAVAILABLE' // no connection: refused, closed, reconnecting, or the client was closed
  | 'REDIS_TIMEOUT' // Redis did not answer within the deadline (slow, paused, overloaded)
  | 'REDIS_COMMAND_FAILED' // Redis answered with an error (WRONGTYPE, OOM, READONLY, NOSCRIPT …)
  | 'VALUE_NOT_SERIALIZABLE' // a value the codec cannot store so that it reads back equal
  | 'VALUE_CORRUPT' // a stored value that is not ours or does not decode
  | 'VALUE_TOO_LARGE' // an encoded value over `maxValueBytes`
  | 'INVALID_KEY' // an empty or over-long key
  | 'LEASE_LOST' // a lease expired or was taken over before renew/release
  | 'REFRESH_WAIT_TIMEOUT'; // another instance held the refresh lease past the wait limit

/** A short explanation of the usual cause, in Russian and English. */
export interface RedisErrorHint {
  ru: string;
  en: string;
}

/**
 * Base class of @goskit/redis errors. Messages name the operation and the key's namespace, never a
 * stored value (values hold tokens and personal data).
 */
export class GoskitRedisError<Code extends RedisErrorCode = RedisErrorCode> extends GoskitError<Code> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'GoskitRedisError';

  readonly hint: RedisErrorHint | undefined;

  constructor(code: Code, message: string, options: { cause?: unknown; hint?: RedisErrorHint } = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), ...(this.hint ? { hint: this.hint } : {}) };
  }
}

export function isGoskitRedisError(value: unknown): value is GoskitRedisError {
  return value instanceof GoskitRedisError;
}
