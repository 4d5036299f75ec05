import { GoskitRedisError } from './goskit-redis-error.js';

export type SerializationErrorCode = 'VALUE_NOT_SERIALIZABLE' | 'VALUE_CORRUPT' | 'VALUE_TOO_LARGE';

/**
 * A value could not be stored so that it reads back equal (`VALUE_NOT_SERIALIZABLE`, with the path
 * of the offending part such as `$.tokens.expiresAt`), a stored value did not decode
 * (`VALUE_CORRUPT`), or an encoded value exceeded `maxValueBytes` (`VALUE_TOO_LARGE`).
 */
export class SerializationError extends GoskitRedisError<SerializationErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'SerializationError';

  /** Where in the value: `$` is the value itself. */
  readonly path: string;

  constructor(code: SerializationErrorCode, message: string, path = '$', cause?: unknown) {
    super(code, message, {
      cause,
      hint:
        code === 'VALUE_NOT_SERIALIZABLE'
          ? {
              ru: `Значение в ${path} нельзя сохранить без потерь: допустимы JSON-значения, Date, bigint, Uint8Array, undefined, NaN и ±Infinity в простых объектах и массивах.`,
              en: `The value at ${path} cannot be stored losslessly: JSON values, Date, bigint, Uint8Array, undefined, NaN and ±Infinity in plain objects and arrays are accepted.`,
            }
          : code === 'VALUE_TOO_LARGE'
            ? {
                ru: 'Значение больше maxValueBytes: храните в Redis ссылку, а не сам документ.',
                en: 'The value exceeds maxValueBytes: store a reference in Redis, not the document.',
              }
            : {
                ru: 'В ключе лежит значение, записанное не @goskit/redis (или другим кодеком).',
                en: 'The key holds a value not written by @goskit/redis (or written with another codec).',
              },
    });
    this.path = path;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), path: this.path };
  }
}

export function isSerializationError(value: unknown): value is SerializationError {
  return value instanceof SerializationError;
}
