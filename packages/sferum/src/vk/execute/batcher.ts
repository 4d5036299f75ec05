/**
 * Packs queued calls into `execute`s, like vk-io's parallel mode: calls made in the same tick are
 * queued, and a batch leaves when it is full (25 calls) or when nothing is in flight — so under load
 * every request carries 25 calls, and a lone call is not held back. A batch of one goes out as a
 * plain call. Inner failures VK did not run (6, 9, 14) — and 10 for calls safe to repeat — are sent
 * again alone, through the client's retries and captcha solver.
 */
import { AbortError, InvalidOptionsError } from '@goskit/core';
import type { ZodType } from 'zod';
import { VK_ERROR, VK_NOT_EXECUTED } from '../../errors/vk-error-codes.js';
import { callMethod, checkTokenKindFor, type VkResult, validated, withRandomId } from '../call-method.js';
import type { VkContext } from '../context.js';
import { checkMethodName, paramsRecord, type VkParams } from '../params.js';
import { safeToRepeat } from '../retry-policy.js';
import { execute } from './execute.js';
import { EXECUTE_MAX_CALLS } from './execute-code.js';

export interface VkBatcherOptions {
  /** Calls per `execute`, 1–25. Default 25. */
  maxCalls?: number;
  /** `execute`s in flight at once (they still wait for the token's limiter). Default 4. */
  maxInFlight?: number;
  /** Send inner failures VK did not run once more, alone. Default true. */
  retryAlone?: boolean;
}

export interface VkBatchCallOptions<S extends ZodType | undefined = undefined> {
  schema?: S;
  /** Aborts the call while it is still queued; once packed it runs with its batch. */
  signal?: AbortSignal;
}

export interface VkBatcherStats {
  /** `execute` requests sent. */
  executes: number;
  /** Calls that went inside an `execute`. */
  packed: number;
  /** Calls sent alone (batches of one and inner failures sent again). */
  alone: number;
}

export interface VkBatcher {
  /** Queues a call; resolves with its `response` (typed by the schema) or rejects with its own error. */
  call<S extends ZodType | undefined = undefined, T = unknown>(
    method: string,
    params?: VkParams,
    options?: VkBatchCallOptions<S>,
  ): Promise<VkResult<S, T>>;
  /** Resolves when every call queued so far is settled. */
  drain(): Promise<void>;
  readonly queued: number;
  readonly inFlight: number;
  readonly stats: Readonly<VkBatcherStats>;
}

interface Entry {
  method: string;
  params: VkParams | undefined;
  schema: ZodType | undefined;
  signal: AbortSignal | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onAbort: (() => void) | undefined;
}

export function createVkBatcher(context: VkContext, options: VkBatcherOptions = {}): VkBatcher {
  const maxCalls = options.maxCalls ?? EXECUTE_MAX_CALLS;
  const maxInFlight = options.maxInFlight ?? 4;
  const retryAlone = options.retryAlone ?? true;
  if (!Number.isInteger(maxCalls) || maxCalls < 1 || maxCalls > EXECUTE_MAX_CALLS) {
    throw new InvalidOptionsError(`maxCalls must be an integer in [1, ${EXECUTE_MAX_CALLS}]`);
  }
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) {
    throw new InvalidOptionsError('maxInFlight must be a positive integer');
  }
  const queue: Entry[] = [];
  const stats: VkBatcherStats = { executes: 0, packed: 0, alone: 0 };
  let inFlight = 0;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (queue.length === 0 && inFlight === 0 && idleWaiters.length > 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const wake of waiters) {
        wake();
      }
    }
  };

  const finish = (entry: Entry, run: () => unknown) => {
    if (entry.onAbort) {
      entry.signal?.removeEventListener('abort', entry.onAbort);
    }
    try {
      entry.resolve(run());
    } catch (error) {
      entry.reject(error);
    }
  };

  const alone = async (entry: Entry): Promise<void> => {
    stats.alone += 1;
    try {
      const value = await callMethod(context, entry.method, entry.params, {
        ...(entry.schema ? { schema: entry.schema } : {}),
      });
      finish(entry, () => value);
    } catch (error) {
      finish(entry, () => {
        throw error;
      });
    }
  };

  const runBatch = async (batch: Entry[]): Promise<void> => {
    if (batch.length === 1) {
      await alone(batch[0] as Entry);
      return;
    }
    stats.executes += 1;
    stats.packed += batch.length;
    let results: Awaited<ReturnType<typeof execute>>;
    try {
      results = await execute(
        context,
        batch.map((entry) =>
          entry.params === undefined
            ? { method: entry.method }
            : { method: entry.method, params: entry.params },
        ),
      );
    } catch (error) {
      for (const entry of batch) {
        finish(entry, () => {
          throw error;
        });
      }
      return;
    }
    const again: Promise<void>[] = [];
    results.forEach((result, index) => {
      const entry = batch[index] as Entry;
      if (result.ok) {
        finish(entry, () => validated(context, entry.method, result.value, entry.schema));
        return;
      }
      const code = result.error.vkCode;
      const sendAgain =
        retryAlone &&
        (VK_NOT_EXECUTED.has(code) ||
          (code === VK_ERROR.INTERNAL_SERVER_ERROR && safeToRepeat(entry.method)));
      if (sendAgain) {
        again.push(alone(entry));
      } else {
        finish(entry, () => {
          throw result.error;
        });
      }
    });
    await Promise.all(again);
  };

  const dispatch = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < maxInFlight && (queue.length >= maxCalls || inFlight === 0)) {
      const batch = queue.splice(0, maxCalls);
      inFlight += 1;
      runBatch(batch).finally(() => {
        inFlight -= 1;
        dispatch();
        settleIdle();
      });
    }
    settleIdle();
  };

  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(dispatch);
    }
  };

  return {
    call<S extends ZodType | undefined = undefined, T = unknown>(
      method: string,
      params?: VkParams,
      callOptions: VkBatchCallOptions<S> = {},
    ): Promise<VkResult<S, T>> {
      return new Promise((resolve, reject) => {
        checkMethodName(method);
        checkTokenKindFor(context, method);
        const prepared = withRandomId(context, method, params);
        paramsRecord(prepared); // refuse bad parameters now, not inside someone else's batch
        const signal = callOptions.signal;
        if (signal?.aborted) {
          throw new AbortError(`${method} was aborted before it was sent`, { cause: signal.reason });
        }
        const entry: Entry = {
          method,
          params: prepared,
          schema: callOptions.schema,
          signal,
          resolve: resolve as (value: unknown) => void,
          reject,
          onAbort: undefined,
        };
        if (signal) {
          entry.onAbort = () => {
            const index = queue.indexOf(entry);
            if (index >= 0) {
              queue.splice(index, 1);
              reject(new AbortError(`${method} was aborted before it was sent`, { cause: signal.reason }));
              settleIdle();
            }
          };
          signal.addEventListener('abort', entry.onAbort, { once: true });
        }
        queue.push(entry);
        schedule();
      });
    },
    drain() {
      if (queue.length === 0 && inFlight === 0) {
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    get queued() {
      return queue.length;
    },
    get inFlight() {
      return inFlight;
    },
    get stats() {
      return { ...stats };
    },
  };
}
