import { AbortError } from '../errors/abort-error.js';

/** Turns whatever an aborted signal carries into a goskit `AbortError` (keeping the reason as `cause`). */
export function toAbortError(signal: AbortSignal, what = 'The operation'): AbortError {
  const reason: unknown = signal.reason;
  if (reason instanceof AbortError) {
    return reason;
  }
  return new AbortError(`${what} was aborted`, { cause: reason });
}
