import { warnDeprecated } from '@goskit/core';
import { loadChildProcess } from './node-modules.js';
import { SignerError, stderrExcerpt } from './signer-error.js';

export interface RunProcessOptions {
  /** Tool name for messages ('openssl', 'csptest'). */
  tool: string;
  command: string;
  args: readonly string[];
  stdin?: Uint8Array;
  timeoutMs: number;
  env?: Record<string, string>;
  /** Values to scrub from stderr excerpts (PINs, passwords). */
  secrets?: readonly string[];
}

export interface ProcessResult {
  stdout: Uint8Array;
  stderr: string;
}

const MAX_OUTPUT = 1 << 20;

/**
 * Runs a signing tool with a hard timeout (SIGKILL) and bounded output. Loads node:child_process
 * lazily so that importing @goskit/crypto in a browser never touches Node modules.
 */
export async function runProcess(options: RunProcessOptions): Promise<ProcessResult> {
  const { spawn } = await loadChildProcess();
  return new Promise<ProcessResult>((resolve, reject) => {
    let settled = false;
    const stdout: Uint8Array[] = [];
    const stderr: Uint8Array[] = [];
    let outputBytes = 0;
    const finish = (error: SignerError | undefined, result?: ProcessResult) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (error) {
        reject(error);
      } else if (result) {
        resolve(result);
      }
    };
    // Own process group on POSIX, so a timeout kills wrapper scripts together with what they started.
    const ownGroup = process.platform !== 'win32';
    const child = spawn(options.command, options.args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
      windowsHide: true,
      detached: ownGroup,
    });
    const killTree = () => {
      try {
        if (ownGroup && child.pid !== undefined) {
          process.kill(-child.pid, 'SIGKILL');
        } else {
          child.kill('SIGKILL');
        }
      } catch {
        child.kill('SIGKILL');
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree();
    }, options.timeoutMs);
    // Reject only once the process is gone, so callers may delete its files safely.
    child.on('exit', () => {
      if (timedOut) {
        finish(
          new SignerError(
            'SIGNER_TIMEOUT',
            'timeout',
            `${options.tool} did not finish within ${options.timeoutMs} ms`,
          ),
        );
      }
    });
    const collect = (sink: Uint8Array[]) => (chunk: Uint8Array) => {
      outputBytes += chunk.length;
      if (outputBytes > MAX_OUTPUT) {
        killTree();
        finish(new SignerError('SIGNER_FAILED', 'sign', `${options.tool} wrote more output than expected`));
        return;
      }
      sink.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    child.on('error', (cause: NodeJS.ErrnoException) => {
      const notFound = cause.code === 'ENOENT';
      // No `cause`: Node's spawn errors carry `spawnargs`, which may include a container password.
      finish(
        new SignerError(
          notFound ? 'SIGNER_NOT_FOUND' : 'SIGNER_FAILED',
          'spawn',
          notFound
            ? `${options.tool} executable not found: ${options.command}`
            : `${options.tool} could not be started (${cause.code ?? 'unknown error'})`,
        ),
      );
    });
    child.on('close', (code, signal) => {
      if (timedOut) {
        return;
      }
      const errText = Buffer.concat(stderr).toString('utf8');
      if (code !== 0) {
        const excerpt = stderrExcerpt(errText, options.secrets);
        finish(
          new SignerError(
            'SIGNER_FAILED',
            'sign',
            `${options.tool} exited with ${code === null ? `signal ${signal}` : `code ${code}`}${excerpt ? `: ${excerpt}` : ''}`,
          ),
        );
        return;
      }
      finish(undefined, { stdout: new Uint8Array(Buffer.concat(stdout)), stderr: errText });
    });
    // A tool that exits before reading stdin makes the write fail with EPIPE; 'close' reports it.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? new Uint8Array(0));
  });
}

/** A signer's `timeout` (ms), or its deprecated `timeoutMs` (warned once). Default 10 000. */
export function signerTimeout(options: { timeout?: number; timeoutMs?: number }, owner: string): number {
  if (options.timeout === undefined && options.timeoutMs !== undefined) {
    warnDeprecated(
      undefined,
      `GOSKIT_DEP_TIMEOUTMS_${owner}`,
      `${owner}: the 'timeoutMs' option is renamed 'timeout'; 'timeoutMs' goes away in the next minor release`,
    );
  }
  const timeout = options.timeout ?? options.timeoutMs ?? 10_000;
  if (!(Number.isFinite(timeout) && timeout > 0)) {
    throw new SignerError(
      'INVALID_INPUT',
      'prepare',
      `${owner}: timeout must be a positive number of ms, got ${timeout}`,
    );
  }
  return timeout;
}
