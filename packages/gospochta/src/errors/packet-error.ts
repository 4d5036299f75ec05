import { GospochtaError } from './gospochta-error.js';

/** Which packet check failed, in the order a receiver runs them (openapi: PacketCheck). */
export type PacketCheck =
  | 'header'
  | 'version'
  | 'key'
  | 'timestamp'
  | 'mac'
  | 'digest'
  | 'jws'
  | 'body'
  | 'pii'
  | 'replay';

export const PACKET_CHECKS: readonly PacketCheck[] = [
  'header',
  'version',
  'key',
  'timestamp',
  'mac',
  'digest',
  'jws',
  'body',
  'pii',
  'replay',
];

/**
 * A received packet failed one check; nothing of it was acted on (no field returned, no nonce
 * recorded). `check` names the check and `field` the JSON pointer of a PII field when one failed.
 */
export class PacketError extends GospochtaError<'PACKET_REJECTED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'PacketError';

  readonly check: PacketCheck;
  readonly field: string | undefined;

  constructor(check: PacketCheck, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(
      'PACKET_REJECTED',
      `Packet refused (${check}${options.field ? ` ${options.field}` : ''}): ${message}`,
      {
        cause: options.cause,
      },
    );
    this.check = check;
    this.field = options.field;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), check: this.check, field: this.field };
  }
}

export function isPacketError(value: unknown): value is PacketError {
  return value instanceof PacketError;
}
