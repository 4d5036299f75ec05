/**
 * Base class of every error goskit throws. `code` is stable and machine-readable; `cause` keeps the
 * underlying error. Subclasses narrow `code`.
 *
 * Branded across copies (https://github.com/goskit/goskit/blob/main/docs/decisions/021-error-branding.md):
 * a package loaded twice — its ESM and
 * its CJS build in one process, or two installed versions — holds two unrelated classes of the same
 * name, and a plain `instanceof` would fail for an error thrown by the other copy. Every goskit class
 * marks its prototype with its name under `Symbol.for('goskit.error')` (a registry symbol, the same in
 * every copy), and `instanceof` — hence every `isXxxError()` guard — also accepts an object whose
 * prototype chain carries the brand of the class asked about.
 */
const BRAND: unique symbol = Symbol.for('goskit.error') as never;

type Branded = { [BRAND]?: string };

/** Marks the prototypes from `target` up to GoskitError with their class names, once per class. */
function brandLineage(target: Function): void {
  for (let ctor = target; ctor !== Error && ctor !== Function.prototype; ctor = Object.getPrototypeOf(ctor)) {
    const prototype = ctor.prototype as Branded | undefined;
    if (prototype === undefined || Object.hasOwn(prototype, BRAND)) {
      return; // this class and its ancestors are branded already
    }
    Object.defineProperty(prototype, BRAND, { value: ctor.name, enumerable: false });
  }
}

/** True when a prototype on `value`'s chain carries `name` as its goskit brand. */
function carriesBrand(value: object, name: string): boolean {
  for (
    let prototype = Object.getPrototypeOf(value);
    prototype !== null;
    prototype = Object.getPrototypeOf(prototype)
  ) {
    if (Object.hasOwn(prototype, BRAND) && (prototype as Branded)[BRAND] === name) {
      return true;
    }
  }
  return false;
}

/** `instanceof` by the prototype chain, or by the brand of a class of the same name in another copy. */
function isInstance(target: Function, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(target, value)) {
    return true;
  }
  return typeof value === 'object' && value !== null && carriesBrand(value, target.name);
}

export class GoskitError<Code extends string = string> extends Error {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'GoskitError';

  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
    brandLineage(new.target);
  }

  /**
   * `error instanceof EsiaError` holds for an error of this very class, and for one thrown by another
   * copy of the package (the CJS build seen from the ESM build) whose class has the same name.
   */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (
      ...args: never[]
    ) => T,
    value: unknown,
  ): value is T {
    // `this` is the class asked about (EsiaError for `x instanceof EsiaError`), not GoskitError.
    // biome-ignore lint/complexity/noThisInStatic: the subclass the check is made for
    return isInstance(this, value);
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}

export function isGoskitError(value: unknown): value is GoskitError {
  return value instanceof GoskitError;
}
