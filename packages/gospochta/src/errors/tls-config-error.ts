import { GospochtaError } from './gospochta-error.js';

/** Which part of the TLS material is unusable. */
export type TlsPart = 'cert' | 'key' | 'ca' | 'passphrase' | 'pair';

/** The client certificate, key, chain or CA cannot be used; `part` names which and `reason` why. */
export class TlsConfigError extends GospochtaError<'TLS_CONFIG'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'TlsConfigError';

  readonly part: TlsPart;
  readonly reason: string;

  constructor(part: TlsPart, reason: string, message: string, options: { cause?: unknown } = {}) {
    super('TLS_CONFIG', `TLS ${part}: ${message}`, { cause: options.cause });
    this.part = part;
    this.reason = reason;
  }
}
