import { GoskitRedisError } from './goskit-redis-error.js';

/** A key that cannot be stored: not a string, empty, or longer than the limit (bytes, UTF-8). */
export class InvalidKeyError extends GoskitRedisError<'INVALID_KEY'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'InvalidKeyError';

  /** Which argument: 'key', 'name', 'limiter key' … */
  readonly field: string;

  constructor(field: string, rule: string) {
    super('INVALID_KEY', `${field} is invalid: ${rule}`, {
      hint: {
        ru: `Поле «${field}» не подходит как ключ Redis: ${rule === 'must be a non-empty string' ? 'нужна непустая строка' : 'слишком длинное'}.`,
        en: `The field "${field}" cannot be a Redis key: ${rule}.`,
      },
    });
    this.field = field;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field };
  }
}
