/**
 * Long polling that loses nothing: each batch is handled update by update, in order, and only when the
 * last handler has finished is its marker stored (a `KeyValueStore`, so a restart resumes there) and
 * sent with the next poll — which is what commits the batch at MAX. A crash mid-batch redelivers the
 * batch (at least once: make handlers idempotent). Poll starts are at least `minIntervalMs` apart
 * (MAX's minimum is 300 ms). Failed polls (network, timeout, 429, 5xx after the transport's retries)
 * wait with a growing backoff and poll again; a bad token (401), a webhook in place (405) or a
 * refused query (400) stop the poller with that error.
 */
import { type KeyValueStore, MemoryStore } from '@goskit/core';
import type { MaxContext } from '../context.js';
import { isMaxApiError } from '../errors/max-api-error.js';
import { MaxInputError } from '../errors/max-input-error.js';
import type { MaxIncomingUpdate, MaxUpdateType } from '../models.js';
import { pollOnce, updatesQuery } from './get-updates.js';

export type HandlerErrorDecision = 'stop' | 'skip' | 'retry';

export interface PollingOptions {
  /** Called for every update, in order; the next one waits for it. */
  onUpdate(update: MaxIncomingUpdate, signal: AbortSignal): unknown;
  /** Only these update types. */
  types?: readonly MaxUpdateType[];
  /** Updates per poll, 1–1000. Default 100. */
  limit?: number;
  /** Seconds a poll waits for updates, 0–90. Default 30. */
  timeout?: number;
  /** Least time between the starts of two polls, ms. Default 300 (MAX's minimum). */
  minIntervalMs?: number;
  /** Where the marker survives restarts. Default: memory (this poller only). */
  store?: KeyValueStore;
  /** Key of the marker in `store`. Default `max:<token digest>:updates-marker`. */
  storeKey?: string;
  /** Backoff after a failed poll: from `baseMs` (default 1 000) doubling up to `capMs` (default 60 000). */
  backoff?: { baseMs?: number; capMs?: number };
  /**
   * A handler threw: `'stop'` (default; the batch is redelivered after a restart), `'skip'` the update,
   * or `'retry'` it after the backoff (for transient failures: the registry's store, a read from MAX).
   */
  onHandlerError?(
    error: unknown,
    update: MaxIncomingUpdate,
  ): HandlerErrorDecision | Promise<HandlerErrorDecision>;
  /** A poll failed and will be repeated after `delayMs` (for logs and metrics). */
  onPollError?(error: unknown, delayMs: number): void;
  /** Stops the poller when it aborts. */
  signal?: AbortSignal;
}

export interface UpdatePoller {
  /** Settles when the poller stops: resolves after `stop()`, rejects with the error that stopped it. */
  readonly done: Promise<void>;
  /** Stops after the update being handled (never in the middle of a handler); resolves when stopped. */
  stop(): Promise<void>;
  /** The marker of the last handled batch (what the next poll sends); null before the first. */
  readonly marker: number | null;
  /** Updates handled since start. */
  readonly handled: number;
}

const FATAL_STATUSES = new Set([400, 401, 403, 404, 405]);

function nonNegative(field: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isFinite(n) || n < 0) {
    throw new MaxInputError(field, 'non-negative', {
      ru: `${field} — неотрицательное число миллисекунд.`,
      en: `${field} is a non-negative number of milliseconds.`,
    });
  }
  return n;
}

/**
 * A macrotask: `setImmediate` where there is one (Node, Bun, Deno — no 1 ms timer clamp on every
 * poll), `setTimeout(0)` elsewhere. Either lets the host's timers run between polls.
 */
const yieldToEventLoop: () => Promise<void> =
  typeof globalThis.setImmediate === 'function'
    ? () => new Promise((resolve) => globalThis.setImmediate(resolve))
    : () => new Promise((resolve) => setTimeout(resolve, 0));

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

export function startPolling(context: MaxContext, options: PollingOptions): UpdatePoller {
  if (typeof options.onUpdate !== 'function') {
    throw new MaxInputError('onUpdate', 'function', {
      ru: 'onUpdate — функция, которая обрабатывает событие.',
      en: 'onUpdate is the function that handles an update.',
    });
  }
  const { query, timeout } = updatesQuery(options);
  const minIntervalMs = nonNegative('minIntervalMs', options.minIntervalMs, 300);
  const baseMs = nonNegative('backoff.baseMs', options.backoff?.baseMs, 1_000);
  const capMs = nonNegative('backoff.capMs', options.backoff?.capMs, 60_000);
  const store = options.store ?? new MemoryStore();
  const controller = new AbortController();
  const signal = controller.signal;
  const external = options.signal;
  const onExternalAbort = () => controller.abort(external?.reason);
  if (external?.aborted) {
    controller.abort(external.reason);
  } else {
    external?.addEventListener('abort', onExternalAbort, { once: true });
  }

  let marker: number | null = null;
  let handled = 0;

  /**
   * A handler failed on `update`: asks `onHandlerError` and, for `'retry'`, runs the handler again after
   * the backoff until it succeeds. True when the poller goes on with the next update, false when it was
   * stopped while waiting to retry; throws for `'stop'`.
   */
  const recover = async (failure: unknown, update: MaxIncomingUpdate): Promise<boolean> => {
    let error = failure;
    for (let attempt = 0; ; attempt += 1) {
      const decision = options.onHandlerError ? await options.onHandlerError(error, update) : 'stop';
      if (decision === 'skip') {
        return true;
      }
      if (decision !== 'retry') {
        throw error;
      }
      await context
        .sleep(Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30)), signal)
        .catch(() => undefined);
      if (signal.aborted) {
        return false; // stopped: the batch's marker stays unstored, the update comes again
      }
      try {
        const result = options.onUpdate(update, signal);
        if (isPromise(result)) {
          await result;
        }
        handled += 1;
        return true;
      } catch (next) {
        error = next;
      }
    }
  };

  /**
   * Handles a batch in order; false when the poller stopped in the middle (the marker stays unstored).
   * The hot path: a handler that returns no promise is called without an await of its own, so a
   * 1000-update batch of synchronous handlers costs no promise per update.
   */
  const handleBatch = async (updates: readonly MaxIncomingUpdate[]): Promise<boolean> => {
    for (const update of updates) {
      if (signal.aborted) {
        return false;
      }
      let result: unknown;
      try {
        result = options.onUpdate(update, signal);
        if (isPromise(result)) {
          await result;
        }
      } catch (error) {
        if (!(await recover(error, update))) {
          return false;
        }
        continue;
      }
      handled += 1;
    }
    return true;
  };

  const run = async (): Promise<void> => {
    const key = options.storeKey ?? `${await context.tokenKey()}:updates-marker`;
    const saved = await store.get(key);
    marker = typeof saved === 'number' && Number.isSafeInteger(saved) ? saved : null;
    let lastStart = Number.NEGATIVE_INFINITY;
    let failures = 0;
    while (!signal.aborted) {
      // A macrotask between polls, whatever the injected sleep does: an in-process fetch (MSW, a
      // test double) answers in microtasks, and a tight loop would starve the host's timers.
      await yieldToEventLoop();
      const wait = lastStart + minIntervalMs - context.now();
      if (wait > 0) {
        await context.sleep(wait, signal).catch(() => undefined);
        if (signal.aborted) {
          break;
        }
      }
      lastStart = context.now();
      let batch: Awaited<ReturnType<typeof pollOnce>>;
      try {
        batch = await pollOnce(context, query, timeout, marker, signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) {
          break;
        }
        if (isMaxApiError(error) && FATAL_STATUSES.has(error.status)) {
          throw error;
        }
        const delayMs = Math.min(capMs, baseMs * 2 ** failures);
        failures += 1;
        options.onPollError?.(error, delayMs);
        await context.sleep(delayMs, signal).catch(() => undefined);
        continue;
      }
      if (batch.updates.length > 0 && !(await handleBatch(batch.updates))) {
        return; // stopped mid-batch: its marker stays unstored, the batch comes again
      }
      if (batch.marker !== null && batch.marker !== marker) {
        await store.set(key, batch.marker);
        marker = batch.marker;
      }
    }
  };

  const done = run().finally(() => external?.removeEventListener('abort', onExternalAbort));
  // A poller nobody awaits must not crash the process with an unhandled rejection; `done` still rejects.
  done.catch(() => undefined);
  return {
    done,
    async stop() {
      controller.abort();
      await done.catch(() => undefined);
    },
    get marker() {
      return marker;
    },
    get handled() {
      return handled;
    },
  };
}
