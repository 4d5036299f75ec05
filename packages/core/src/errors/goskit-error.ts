/**
 * Base class of every error goskit throws. `code` is stable and machine-readable;
 * `cause` keeps the underlying error. Subclasses narrow `code`.
 */
export class GoskitError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}

export function isGoskitError(value: unknown): value is GoskitError {
  return value instanceof GoskitError;
}
