import { AbortError } from '../errors/abort-error.js';
import { GoskitError } from '../errors/goskit-error.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { AttemptDeadlineExceeded } from '../http/attempt-deadline.js';
import { DeadlineReason, timeoutFromReason } from './call-signal.js';

export interface FailureContext {
  method: string;
  url: string;
  attempts: number;
  attemptTimeout: number | false;
  totalTimeout: number | false;
}

/** AbortError or total TimeoutError when the call's own signal has fired; undefined otherwise. */
export function fatalFromSignal(
  callSignal: AbortSignal | undefined,
  context: FailureContext,
  cause?: unknown,
): AbortError | TimeoutError | undefined {
  if (!callSignal?.aborted) {
    return undefined;
  }
  const reason: unknown = callSignal.reason;
  if (reason instanceof DeadlineReason) {
    return timeoutFromReason(reason, context, cause);
  }
  return reason instanceof AbortError
    ? reason
    : new AbortError(`${context.method} request was aborted`, { cause: reason });
}

export type ClassifiedFailure =
  | { fatal: true; error: unknown }
  | { fatal: false; kind: 'network' | 'timeout'; error: GoskitError };

/**
 * Sorts what an attempt threw: the caller's abort and the total deadline end the call; an attempt
 * timeout (before the headers or while reading the body) or a network failure may be
 * retried; anything else that is already a goskit error passes through.
 */
export function classifyFailure(
  error: unknown,
  callSignal: AbortSignal | undefined,
  context: FailureContext,
): ClassifiedFailure {
  const fatal = fatalFromSignal(callSignal, context, error);
  if (fatal) {
    return { fatal: true, error: fatal };
  }
  if (error instanceof AttemptDeadlineExceeded) {
    const timeout = new TimeoutError({
      kind: 'attempt',
      timeoutMs: context.attemptTimeout || 0,
      method: context.method,
      url: context.url,
      attempts: context.attempts,
      cause: error,
    });
    return { fatal: false, kind: 'timeout', error: timeout };
  }
  if (error instanceof GoskitError) {
    return { fatal: true, error };
  }
  return {
    fatal: false,
    kind: 'network',
    error: new NetworkError({
      method: context.method,
      url: context.url,
      attempts: context.attempts,
      cause: error,
    }),
  };
}
