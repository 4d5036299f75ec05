import { CryptoError } from '../../src/errors.js';

/** The CryptoError code `fn` throws; undefined when it returns; a marked string for any other error. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CryptoError ? error.code : `NOT_CRYPTO_ERROR: ${String(error)}`;
  }
  return undefined;
}
