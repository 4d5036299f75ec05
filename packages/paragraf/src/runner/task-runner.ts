/**
 * The task runner: on every `tick()` it runs each enabled task whose time has come, at most one run
 * of a task per school at a time across every runner instance (a lease per school + task, renewed
 * while the run lasts), retries a failed run with exponential backoff, and keeps a bounded run
 * history in the store. `heartbeat:*` tasks have a built-in handler that reports the runner's status;
 * `paragraf.dnevnik:vc_room` / `vc_cancel` get one when `onlineLessons` is given (opt-in: it needs the
 * Sferum clients and the school's lesson queue).
 */
import type { Clock, KeyValueStore, Sleep } from '@goskit/core';
import { sleep as defaultSleep } from '@goskit/core';
import { TaskError } from '../errors/task-error.js';
import type { LeaseManager } from '../lease/lease.js';
import { type OnlineLessonTasksOptions, onlineLessonTaskHandlers } from '../online/online-lesson-tasks.js';
import type { SchoolTask, TaskBook } from '../tasks/task-book.js';
import type { TaskCode } from '../tasks/task-types.js';

export interface TaskRunContext {
  task: SchoolTask;
  attempt: number;
  /** The lease's fencing token: pass it to writes that must not come from a stale run. */
  fencingToken: number;
  signal: AbortSignal;
}

export type TaskHandler = (context: TaskRunContext) => Promise<unknown>;

export interface RunRecord {
  runId: string;
  schoolId: string;
  code: TaskCode;
  instanceId: string;
  startedAt: number;
  finishedAt: number;
  status: 'succeeded' | 'failed';
  attempts: number;
  fencingToken: number;
  error?: { code: string; message: string };
  result?: unknown;
}

export interface RunnerStatus {
  instanceId: string;
  startedAt: number;
  lastTickAt: number | undefined;
  running: { schoolId: string; code: TaskCode; since: number }[];
  succeeded: number;
  failed: number;
}

export interface TaskRunnerOptions {
  store: KeyValueStore;
  tasks: TaskBook;
  leases: LeaseManager;
  /** Handlers by task code; `heartbeat:*` have a built-in one unless given. */
  handlers: Partial<Record<TaskCode, TaskHandler>>;
  /**
   * Opt-in built-in handlers of `paragraf.dnevnik:vc_room` / `vc_cancel` (`onlineLessonTaskHandlers`):
   * Sferum rooms for the lessons the queue hands out. A handler given in `handlers` wins.
   */
  onlineLessons?: OnlineLessonTasksOptions;
  instanceId?: string;
  clock?: Clock;
  sleep?: Sleep;
  /** Retries after the first failure (default 3), backoff base and cap in ms (default 1 000 / 60 000). */
  retry?: { retries?: number; baseMs?: number; maxMs?: number };
  /** Lease TTL in ms (default 60 000); renewed every third of it while a run lasts. */
  leaseTtlMs?: number;
  /** Run records kept per school + task (default 50). */
  historyLimit?: number;
  keyPrefix?: string;
}

export interface TaskRunner {
  /** Runs every task that is due now; resolves with the runs this call made. */
  tick(): Promise<RunRecord[]>;
  /** Runs one task now, due or not; TASK_BUSY when another run holds it. */
  runNow(schoolId: string, code: string): Promise<RunRecord>;
  history(schoolId: string, code: string): Promise<RunRecord[]>;
  status(): RunnerStatus;
  /** Calls tick() every `intervalMs` until stop(). */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function createTaskRunner(options: TaskRunnerOptions): TaskRunner {
  const store = options.store;
  const prefix = options.keyPrefix ?? 'paragraf:runs:';
  const instanceId = options.instanceId ?? globalThis.crypto.randomUUID();
  const now = () => (options.clock ?? Date).now();
  const wait = options.sleep ?? defaultSleep;
  const retries = options.retry?.retries ?? 3;
  const baseMs = options.retry?.baseMs ?? 1_000;
  const maxMs = options.retry?.maxMs ?? 60_000;
  const leaseTtl = options.leaseTtlMs ?? 60_000;
  const historyLimit = options.historyLimit ?? 50;
  const running = new Map<string, { schoolId: string; code: TaskCode; since: number }>();
  const status: RunnerStatus = {
    instanceId,
    startedAt: now(),
    lastTickAt: undefined,
    running: [],
    succeeded: 0,
    failed: 0,
  };
  const controller = new AbortController();
  let timer: ReturnType<typeof setInterval> | undefined;
  let ticking: Promise<unknown> = Promise.resolve();
  let counter = 0;

  const heartbeat: TaskHandler = async ({ task }) => {
    const report = { ...snapshot(), at: now(), uptimeMs: now() - status.startedAt };
    await store.set(`${prefix}heartbeat:${task.schoolId}:${task.code}`, report, {
      ttlMs: task.schedule.everySec * 3000,
    });
    return report;
  };
  const builtIn: Partial<Record<TaskCode, TaskHandler>> =
    options.onlineLessons === undefined ? {} : onlineLessonTaskHandlers(options.onlineLessons);
  const handlerOf = (code: TaskCode): TaskHandler | undefined =>
    options.handlers[code] ?? builtIn[code] ?? (code.startsWith('heartbeat:') ? heartbeat : undefined);
  const snapshot = (): RunnerStatus => ({ ...status, running: [...running.values()] });
  const historyKey = (schoolId: string, code: string) => `${prefix}history:${schoolId}:${code}`;
  const nextKey = (schoolId: string, code: string) => `${prefix}next:${schoolId}:${code}`;

  const run = async (task: SchoolTask): Promise<RunRecord | undefined> => {
    const handler = handlerOf(task.code);
    if (handler === undefined) {
      throw new TaskError(
        'TASK_NOT_FOUND',
        { ru: `Нет обработчика для задачи ${task.code}`, en: `No handler for task ${task.code}` },
        { taskCode: task.code },
      );
    }
    const lease = await options.leases.acquire(`${task.schoolId}:${task.code}`, leaseTtl);
    if (lease === undefined) {
      return undefined;
    }
    const id = `${task.schoolId}:${task.code}`;
    running.set(id, { schoolId: task.schoolId, code: task.code, since: now() });
    const lost = new AbortController();
    const renewal = setInterval(
      () => {
        lease.renew(leaseTtl).then(
          (kept) => {
            if (!kept) {
              lost.abort(
                new TaskError('LEASE_LOST', { ru: 'Аренда задачи потеряна', en: 'The task lease was lost' }),
              );
            }
          },
          (cause) => lost.abort(cause),
        );
      },
      Math.max(10, Math.floor(leaseTtl / 3)),
    );
    const signal = AbortSignal.any([controller.signal, lost.signal]);
    const startedAt = now();
    counter++;
    const record: RunRecord = {
      runId: `${instanceId}-${startedAt}-${counter}`,
      schoolId: task.schoolId,
      code: task.code,
      instanceId,
      startedAt,
      finishedAt: startedAt,
      status: 'failed',
      attempts: 0,
      fencingToken: lease.token,
    };
    try {
      for (let attempt = 1; ; attempt++) {
        record.attempts = attempt;
        try {
          const result = await handler({ task, attempt, fencingToken: lease.token, signal });
          record.status = 'succeeded';
          if (result !== undefined) {
            record.result = result;
          }
          delete record.error;
          break;
        } catch (error) {
          record.error = describe(error);
          if (attempt > retries || signal.aborted) {
            break;
          }
          const delay = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
          await wait(delay, signal).catch(() => undefined);
          if (signal.aborted) {
            break;
          }
        }
      }
    } finally {
      clearInterval(renewal);
      running.delete(id);
      record.finishedAt = now();
      await lease.release();
    }
    status[record.status]++;
    const history =
      ((await store.get(historyKey(task.schoolId, task.code))) as RunRecord[] | undefined) ?? [];
    await store.set(historyKey(task.schoolId, task.code), [record, ...history].slice(0, historyLimit));
    await store.set(nextKey(task.schoolId, task.code), record.startedAt + task.schedule.everySec * 1000);
    return record;
  };

  const tick = async (): Promise<RunRecord[]> => {
    status.lastTickAt = now();
    const records: RunRecord[] = [];
    for (const schoolId of await options.tasks.schools()) {
      for (const task of await options.tasks.list(schoolId)) {
        const due = ((await store.get(nextKey(schoolId, task.code))) as number | undefined) ?? 0;
        if (!task.enabled || due > now() || running.has(`${schoolId}:${task.code}`)) {
          continue;
        }
        const record = await run(task);
        if (record !== undefined) {
          records.push(record);
        }
      }
    }
    return records;
  };

  return {
    tick: () => {
      const next = ticking.then(tick, tick);
      ticking = next.catch(() => undefined);
      return next;
    },
    async runNow(schoolId, code) {
      const task = await options.tasks.get(schoolId, code);
      if (task === undefined) {
        throw new TaskError('TASK_NOT_FOUND', {
          ru: `У школы ${schoolId} нет задачи ${code}`,
          en: `School ${schoolId} has no task ${code}`,
        });
      }
      const record = await run(task);
      if (record === undefined) {
        throw new TaskError(
          'TASK_BUSY',
          {
            ru: `Задача ${code} школы ${schoolId} уже выполняется`,
            en: `Task ${code} of school ${schoolId} is already running`,
          },
          { taskCode: code },
        );
      }
      return record;
    },
    async history(schoolId, code) {
      return ((await store.get(historyKey(schoolId, code))) as RunRecord[] | undefined) ?? [];
    },
    status: snapshot,
    start(intervalMs = 5_000) {
      if (timer === undefined) {
        timer = setInterval(() => {
          ticking = ticking.then(tick).catch(() => undefined);
        }, intervalMs);
      }
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      controller.abort(
        new TaskError('TASK_FAILED', { ru: 'Обработчик остановлен', en: 'The runner was stopped' }),
      );
      await ticking;
    },
  };
}

function describe(error: unknown): { code: string; message: string } {
  const code =
    typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'ERROR';
  const message = error instanceof Error ? error.message : String(error);
  return { code, message: message.length > 500 ? `${message.slice(0, 500)}…` : message };
}
