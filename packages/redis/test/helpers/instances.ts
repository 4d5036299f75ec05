/** Starts instance-worker processes (`node --import tsx`) and talks to them over IPC. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerCommand } from './instance-worker.js';

const WORKER = fileURLToPath(new URL('./instance-worker.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../../../tsconfig.json', import.meta.url));

export interface Instance {
  readonly pid: number;
  call<T = unknown>(command: WorkerCommand, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export class InstanceError extends Error {
  constructor(readonly details: { name?: string; code?: string; message?: string; status?: number }) {
    super(`${details.name ?? 'Error'} ${details.code ?? ''}: ${details.message ?? ''}`);
  }
}

export function startInstance(): Instance {
  const child: ChildProcess = fork(WORKER, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  child.on(
    'message',
    (message: { id: number; ok: boolean; value?: unknown; error?: InstanceError['details'] }) => {
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) {
        entry?.resolve(message.value);
      } else {
        entry?.reject(new InstanceError(message.error ?? {}));
      }
    },
  );
  child.on('exit', () => {
    for (const entry of waiting.values()) {
      entry.reject(new Error('instance exited'));
    }
    waiting.clear();
  });
  return {
    get pid() {
      return child.pid ?? 0;
    },
    call<T>(command: WorkerCommand, timeoutMs = 30_000) {
      next += 1;
      const id = next;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`instance ${child.pid} did not answer ${command.type} in ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.send({ id, command });
      });
    },
    async stop() {
      if (child.exitCode !== null) {
        return;
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await this.call({ type: 'exit' }, 5000).catch(() => child.kill('SIGKILL'));
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
    },
  };
}
