import { GoskitError } from '@goskit/core';

/** Stable codes of every failure @goskit/crypto reports. */
export type CryptoErrorCode =
  | 'INVALID_INPUT'
  | 'MALFORMED_DER'
  | 'MALFORMED_PEM'
  | 'PEM_NOT_DER'
  | 'UNSUPPORTED_ALGORITHM'
  | 'UNSUPPORTED_PARAM_SET'
  | 'INVALID_PRIVATE_KEY'
  | 'INVALID_PUBLIC_KEY'
  | 'INVALID_CERTIFICATE'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'INVALID_SIGNATURE'
  | 'SIGNATURE_MISMATCH'
  | 'MALFORMED_SIGNATURE'
  | 'MALFORMED_TOKEN'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_NOT_YET_VALID'
  | 'TOKEN_CLAIM_INVALID'
  | 'ALGORITHM_NOT_ALLOWED'
  | 'KEY_NOT_FOUND'
  | 'DECRYPTION_FAILED'
  | 'REPLAY_DETECTED'
  | 'TIMESTAMP_OUT_OF_TOLERANCE'
  | 'SIGNER_FAILED'
  | 'SIGNER_TIMEOUT'
  | 'SIGNER_NOT_FOUND'
  | 'MALFORMED_CMS';

/**
 * Every error @goskit/crypto throws. Messages name the failing step and field, never key material,
 * tokens or signed personal data.
 */
export class CryptoError extends GoskitError<CryptoErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'CryptoError';
}

export function isCryptoError(value: unknown): value is CryptoError {
  return value instanceof CryptoError;
}
