import { errors } from 'jose';
import { CryptoError, type CryptoErrorCode } from '../errors.js';

const CODE_BY_JOSE: Record<string, CryptoErrorCode> = {
  ERR_JWT_EXPIRED: 'TOKEN_EXPIRED',
  ERR_JWT_CLAIM_VALIDATION_FAILED: 'TOKEN_CLAIM_INVALID',
  ERR_JWT_INVALID: 'MALFORMED_TOKEN',
  ERR_JWS_INVALID: 'MALFORMED_TOKEN',
  ERR_JWE_INVALID: 'MALFORMED_TOKEN',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'SIGNATURE_MISMATCH',
  ERR_JWE_DECRYPTION_FAILED: 'DECRYPTION_FAILED',
  ERR_JOSE_ALG_NOT_ALLOWED: 'ALGORITHM_NOT_ALLOWED',
  ERR_JOSE_NOT_SUPPORTED: 'UNSUPPORTED_ALGORITHM',
  ERR_JWKS_NO_MATCHING_KEY: 'KEY_NOT_FOUND',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'KEY_NOT_FOUND',
  ERR_JWKS_TIMEOUT: 'KEY_NOT_FOUND',
  ERR_JWKS_INVALID: 'INVALID_PUBLIC_KEY',
  ERR_JWK_INVALID: 'INVALID_PUBLIC_KEY',
};

/**
 * Turns jose's errors (and the TypeErrors it throws for unusable keys) into CryptoError with a
 * stable code. jose's messages name claims and algorithms, never key bytes, so they are kept.
 */
export function toCryptoError(error: unknown, fallback: CryptoErrorCode = 'INVALID_INPUT'): CryptoError {
  if (error instanceof CryptoError) {
    return error;
  }
  if (error instanceof errors.JOSEError) {
    let code = CODE_BY_JOSE[error.code] ?? fallback;
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
      code = 'TOKEN_NOT_YET_VALID';
    }
    return new CryptoError(code, error.message, { cause: error });
  }
  if (error instanceof TypeError) {
    return new CryptoError(fallback, `Unusable key or input: ${error.message}`, { cause: error });
  }
  return new CryptoError(fallback, 'JOSE operation failed', { cause: error });
}
