/** Shared fields of every transport event. */
export interface TransportEventBase {
  method: string;
  /** Full request URL (not redacted — hooks are your code; the logger redacts on its own). */
  url: string;
  /** 1 for the first attempt, 2 for the first retry… */
  attempt: number;
  idempotencyKey: string | undefined;
}

export interface RequestEvent extends TransportEventBase {
  /** Outgoing headers; hooks may add or change them (e.g. request signing). */
  headers: Headers;
}

export interface ResponseEvent extends TransportEventBase {
  response: Response;
  status: number;
  requestId: string | undefined;
  /** ms from the start of this attempt to the response headers. */
  elapsedMs: number;
}

export interface ErrorEvent extends TransportEventBase {
  error: unknown;
  /** ms from the start of the logical call (all attempts). */
  elapsedMs: number;
  requestId: string | undefined;
}

type Hook<E> = (event: E) => void | Promise<void>;

/**
 * Middleware in openapi-fetch style. `onRequest` runs before every attempt in order; `onResponse`
 * after every attempt's response in REVERSE order (the first hook sees the final word, like an
 * onion); `onError` once per failed call.
 */
export interface Hooks {
  onRequest?: Hook<RequestEvent>[];
  onResponse?: Hook<ResponseEvent>[];
  onError?: Hook<ErrorEvent>[];
}

export async function runHooks<E>(hooks: readonly Hook<E>[], event: E, reverse = false): Promise<void> {
  if (reverse) {
    for (let i = hooks.length - 1; i >= 0; i -= 1) {
      await hooks[i]!(event);
    }
    return;
  }
  for (const hook of hooks) {
    await hook(event);
  }
}
