import { AttemptDeadlineExceeded } from '../../http/attempt-deadline.js';
import { ATTEMPT_DEADLINE, DeadlineSlots } from './deadline-slots.js';
import type { Exchange, Exchanged, ExchangeRequest } from './exchange.js';

/**
 * Straight to fetch: one `fetch(url, init)` per attempt, like the raw-fetch baseline. The attempt
 * deadline guards headers and body together through one signal: a shared deadline slot for plain
 * calls, an AbortController of its own when the call has a signal or hands out a stream.
 */
export function createFetchExchange(fetchImpl: typeof fetch = globalThis.fetch): Exchange {
  const slots = new DeadlineSlots();
  return async (request: ExchangeRequest): Promise<Exchanged> => {
    const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers: request.headers };
    if (request.body !== undefined) {
      init.body = request.body;
      // Required by fetch for stream bodies, harmless for the rest.
      init.duplex = 'half';
    }
    const { callSignal, timeout } = request;
    if (timeout === false) {
      // No deadline of its own: the call's signal (if any) is all the attempt needs.
      if (callSignal) {
        init.signal = callSignal;
      }
      return new Unguarded(await fetchImpl(request.url, init));
    }
    if (callSignal !== undefined || request.streamed) {
      return ownDeadline(fetchImpl, request.url, init, callSignal, timeout);
    }
    const signal = slots.take(timeout);
    init.signal = signal;
    try {
      return new Guarded(await fetchImpl(request.url, init), signal, noop);
    } catch (error) {
      throw headersFailure(error, signal);
    }
  };
}

/**
 * A deadline only this attempt uses: it can be stopped once the headers are in (a stream is read at
 * the caller's pace) and it forwards the caller's abort.
 */
async function ownDeadline(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  callSignal: AbortSignal | undefined,
  timeout: number,
): Promise<Exchanged> {
  const controller = new AbortController();
  const forward = () => controller.abort(callSignal?.reason);
  if (callSignal?.aborted) {
    forward();
  } else {
    callSignal?.addEventListener('abort', forward, { once: true });
  }
  const timer = setTimeout(() => controller.abort(ATTEMPT_DEADLINE), timeout);
  const settle = () => {
    clearTimeout(timer);
    callSignal?.removeEventListener('abort', forward);
  };
  init.signal = controller.signal;
  try {
    return new Guarded(await fetchImpl(url, init), controller.signal, settle);
  } catch (error) {
    settle();
    throw headersFailure(error, controller.signal);
  }
}

function headersFailure(error: unknown, signal: AbortSignal): unknown {
  return signal.reason === ATTEMPT_DEADLINE
    ? new AttemptDeadlineExceeded('headers', { cause: error })
    : error;
}

const noop = (): void => {};

/** An attempt without a deadline of its own. Classes, not literals: this is the hot path. */
class Unguarded implements Exchanged {
  readonly timedOut = false;
  constructor(readonly response: Response) {}
  bodyDeadline(): false {
    return false;
  }
  settle(): void {}
}

/** An attempt whose signal also errors the body at the deadline, so the reader needs no timer. */
class Guarded implements Exchanged {
  constructor(
    readonly response: Response,
    private readonly signal: AbortSignal,
    readonly settle: () => void,
  ) {}
  get timedOut(): boolean {
    return this.signal.reason === ATTEMPT_DEADLINE;
  }
  bodyDeadline(): false {
    return false;
  }
}
