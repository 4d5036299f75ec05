import { GospochtaError } from './gospochta-error.js';

/** A packet could not be built from this input; `field` is the JSON pointer of the offending value. */
export class PacketBuildError extends GospochtaError<'PACKET_BUILD_FAILED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'PacketBuildError';

  readonly field: string | undefined;

  constructor(message: string, options: { field?: string; cause?: unknown } = {}) {
    super('PACKET_BUILD_FAILED', options.field ? `${message} (at ${options.field})` : message, {
      cause: options.cause,
    });
    this.field = options.field;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field };
  }
}
