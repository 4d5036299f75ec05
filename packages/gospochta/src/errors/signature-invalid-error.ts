import { GospochtaError } from './gospochta-error.js';

/** What failed its signature or hash check. */
export type SignedSubject = 'delivery-act' | 'receipt' | 'document' | 'attachment' | 'pdf';

/**
 * A signed object did not verify: `reason` names the check (`signature-mismatch`, `untrusted-signer`,
 * `sha256-mismatch`, `streebog256-mismatch`, `pdf-hash-mismatch`, `malformed`…).
 */
export class SignatureInvalidError extends GospochtaError<'SIGNATURE_INVALID'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'SignatureInvalidError';

  readonly subject: SignedSubject;
  readonly reason: string;

  constructor(subject: SignedSubject, reason: string, message: string, options: { cause?: unknown } = {}) {
    super('SIGNATURE_INVALID', `${subject}: ${message}`, { cause: options.cause });
    this.subject = subject;
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), subject: this.subject, reason: this.reason };
  }
}

export function isSignatureInvalidError(value: unknown): value is SignatureInvalidError {
  return value instanceof SignatureInvalidError;
}
