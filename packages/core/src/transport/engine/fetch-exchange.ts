import { AttemptDeadlineExceeded } from '../../http/attempt-deadline.js';
import { ATTEMPT_DEADLINE, linkedDeadline } from '../call-signal.js';
import { type Deadline, DeadlineSlots, deadlineOf } from './deadline-slots.js';
import { type Exchange, type Exchanged, type ExchangeRequest, unbuildableRequest } from './exchange.js';
import { followRedirects, isRedirect } from './redirects.js';

/**
 * Straight to fetch: one `fetch(url, init)` per attempt, like the raw-fetch baseline. The attempt
 * deadline guards headers and body together through one signal: a shared deadline slot for plain
 * calls, an AbortController of its own when the call has a signal or hands out a stream. The global
 * fetch is looked up per call, so a fetch patched later (MSW's setupServer) is the one used.
 */
export function createFetchExchange(customFetch?: typeof fetch): Exchange {
  const slots = new DeadlineSlots();
  return async (request: ExchangeRequest): Promise<Exchanged> => {
    const fetchImpl = customFetch ?? globalThis.fetch;
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers: request.headers,
      redirect: request.redirects.mode,
    };
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
      return new Unguarded(await sendFollowing(fetchImpl, request, init));
    }
    const guard =
      callSignal !== undefined || request.streamed
        ? ownDeadline(callSignal, timeout)
        : new AttemptGuard(slots.take(timeout), noop);
    init.signal = guard.deadline.signal;
    try {
      // Node's fetch (and MSW's) end the wait for headers at the signal; an injected one may not.
      const pending = sendFollowing(fetchImpl, request, init);
      guard.response = await (customFetch ? guard.guard(pending) : pending);
      return guard;
    } catch (error) {
      guard.settle();
      throw guard.timedOut ? new AttemptDeadlineExceeded('headers', { cause: error }) : error;
    }
  };
}

/** Sends the request and, under a `'manual'` policy, the redirect hops it allows (same signal). */
async function sendFollowing(
  fetchImpl: typeof fetch,
  request: ExchangeRequest,
  init: RequestInit & { duplex?: 'half' },
): Promise<Response> {
  const response = await send(fetchImpl, request.url, init);
  if (init.redirect !== 'manual' || !isRedirect(response)) {
    return response;
  }
  const start = { url: request.url, method: request.method, headers: request.headers, body: request.body };
  return followRedirects(response, start, request.redirects, (hop) => {
    const hopInit: RequestInit & { duplex?: 'half' } = { ...init, method: hop.method, headers: hop.headers };
    if (hop.body === undefined) {
      delete hopInit.body;
      delete hopInit.duplex;
    } else {
      hopInit.body = hop.body;
    }
    return send(fetchImpl, hop.url, hopInit);
  });
}

/**
 * fetch rejects a request it cannot build (bad header, credentials in the URL) just as it rejects
 * a network failure. Telling them apart matters: the first is the caller's mistake, never retried.
 * Only checked after a rejection, so the common path builds no extra Request.
 */
async function send(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchImpl(url, init);
  } catch (error) {
    if (error instanceof TypeError && !init.signal?.aborted && cannotBuild(url, init)) {
      throw unbuildableRequest(error);
    }
    throw error;
  }
}

function cannotBuild(url: string, init: RequestInit): boolean {
  try {
    // The body is left out: a stream may already be disturbed; bodies are checked before sending.
    new Request(url, { method: init.method ?? 'GET', headers: init.headers ?? {} });
    return false;
  } catch {
    return true;
  }
}

/** A deadline only this attempt uses: stopped once the headers are in, and fed by the caller's abort. */
function ownDeadline(callSignal: AbortSignal | undefined, timeout: number): AttemptGuard {
  const linked = linkedDeadline(callSignal, timeout, ATTEMPT_DEADLINE);
  return new AttemptGuard(deadlineOf(linked.signal), linked.dispose);
}

const noop = (): void => {};

/** An attempt without a deadline of its own. Classes, not literals: this is the hot path. */
class Unguarded implements Exchanged {
  readonly timedOut = false;
  constructor(readonly response: Response) {}
  bodyDeadline(): false {
    return false;
  }
  guard<T>(pending: Promise<T>): Promise<T> {
    return pending;
  }
  settle(): void {}
}

/**
 * An attempt under a deadline signal. fetch honours the signal for headers and body, but an
 * injected fetch or a mocked body (MSW) may not: body reads, and an injected fetch's wait for
 * headers, are raced against the deadline, so it holds whatever fetch does. The race shares the
 * deadline's one listener.
 */
class AttemptGuard implements Exchanged {
  response!: Response;

  constructor(
    readonly deadline: Deadline,
    readonly settle: () => void,
  ) {}

  get timedOut(): boolean {
    return this.deadline.signal.reason === ATTEMPT_DEADLINE;
  }

  bodyDeadline(): false {
    return false;
  }

  guard<T>(pending: Promise<T>): Promise<T> {
    // A two-way race by hand: Promise.race costs an iterator and more ticks on the hot path.
    return new Promise<T>((resolve, reject) => {
      pending.then(resolve, reject);
      this.deadline.fired.catch(reject);
    });
  }
}
