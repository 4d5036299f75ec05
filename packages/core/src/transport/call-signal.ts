import { TimeoutError } from '../errors/timeout-error.js';

/** Marks which deadline aborted a signal, so the error says attempt vs total. */
export class DeadlineReason {
  constructor(readonly kind: 'attempt' | 'total') {}
}

/**
 * The signal of one logical call: fires when the caller aborts or `totalTimeout` passes. Created
 * only when one of them exists, so the common call pays nothing.
 */
export interface CallSignal {
  signal: AbortSignal | undefined;
  deadline: number;
  dispose(): void;
}

/** Shared by every call without a signal or total deadline: nothing to allocate, nothing to dispose. */
const NO_CALL_SIGNAL: CallSignal = Object.freeze({
  signal: undefined,
  deadline: Number.POSITIVE_INFINITY,
  dispose: () => {},
});

export function createCallSignal(
  callerSignal: AbortSignal | undefined,
  totalTimeout: number | false,
  now: number,
): CallSignal {
  if (callerSignal === undefined && totalTimeout === false) {
    return NO_CALL_SIGNAL;
  }
  const controller = new AbortController();
  const onAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) {
    controller.abort(callerSignal.reason);
  } else {
    callerSignal?.addEventListener('abort', onAbort, { once: true });
  }
  const timer =
    totalTimeout === false
      ? undefined
      : setTimeout(() => controller.abort(new DeadlineReason('total')), totalTimeout);
  return {
    signal: controller.signal,
    deadline: totalTimeout === false ? Number.POSITIVE_INFINITY : now + totalTimeout,
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}

export function timeoutFromReason(
  reason: unknown,
  details: {
    method: string;
    url: string;
    attempts: number;
    attemptTimeout: number | false;
    totalTimeout: number | false;
  },
  cause?: unknown,
): TimeoutError | undefined {
  if (!(reason instanceof DeadlineReason)) {
    return undefined;
  }
  const timeoutMs = (reason.kind === 'attempt' ? details.attemptTimeout : details.totalTimeout) || 0;
  return new TimeoutError({
    kind: reason.kind,
    timeoutMs,
    method: details.method,
    url: details.url,
    attempts: details.attempts,
    cause,
  });
}
