/**
 * A private redis-server for one test file: Debian's binary on a free 127.0.0.1 port, no RDB, no
 * AOF, stopped in afterAll (and killed if the test process exits first). It can be killed,
 * restarted on the same port, paused (SIGSTOP: slow, not down) and resumed, for outage tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** SIGKILL: the server is gone at once (connections reset). */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  restart(): Promise<void>;
  /** SIGSTOP: connections stay open, nothing answers. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  /** False after kill() until restart(). */
  readonly running: boolean;
  stop(): Promise<void>;
}

function launch(port: number, extraArgs: readonly string[]): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start on ${port}:\n${log}`));
    }, 10_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`redis-server ${why} on ${port}:\n${log}`));
    };
    child.once('error', (error) => fail(String(error)));
    child.once('exit', (code) => fail(`exited with ${code}`));
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.once('exit', () => process.removeListener('exit', onExit));
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve(child);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
  });
}

function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
  });
}

/** Starts a server; `extraArgs` go to redis-server (e.g. `['--rename-command', 'GETDEL', '']`). */
export async function startRedisServer(extraArgs: readonly string[] = []): Promise<RedisServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    try {
      let child = await launch(port, extraArgs);
      let paused = false;
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        get running() {
          return child.exitCode === null && child.signalCode === null;
        },
        async kill() {
          child.kill('SIGKILL');
          await waitExit(child);
        },
        async restart() {
          child = await launch(port, extraArgs);
          paused = false;
        },
        pause() {
          child.kill('SIGSTOP');
          paused = true;
        },
        resume() {
          if (paused) {
            child.kill('SIGCONT');
            paused = false;
          }
        },
        async stop() {
          if (paused) {
            child.kill('SIGCONT');
          }
          child.kill('SIGKILL');
          await waitExit(child);
        },
      };
    } catch (error) {
      lastError = error; // the port was taken between the probe and the start: try another
    }
  }
  throw lastError;
}
