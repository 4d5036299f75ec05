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

/** Every attempt deadline aborts with this one instance (compared by identity). */
export const ATTEMPT_DEADLINE = new DeadlineReason('attempt');
const TOTAL_DEADLINE = new DeadlineReason('total');

/**
 * A signal that fires when `parent` aborts (with the parent's reason) or after `timeoutMs` (with
 * `reason`). `dispose()` stops the timer and unhooks from the parent.
 */
export function linkedDeadline(
  parent: AbortSignal | undefined,
  timeoutMs: number | false,
  reason: DeadlineReason,
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) {
    controller.abort(parent.reason);
  } else {
    parent?.addEventListener('abort', onAbort, { once: true });
  }
  const timer = timeoutMs === false ? undefined : setTimeout(() => controller.abort(reason), timeoutMs);
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

export function createCallSignal(
  callerSignal: AbortSignal | undefined,
  totalTimeout: number | false,
  now: number,
): CallSignal {
  if (callerSignal === undefined && totalTimeout === false) {
    return NO_CALL_SIGNAL;
  }
  const { signal, dispose } = linkedDeadline(callerSignal, totalTimeout, TOTAL_DEADLINE);
  return {
    signal,
    deadline: totalTimeout === false ? Number.POSITIVE_INFINITY : now + totalTimeout,
    dispose,
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
