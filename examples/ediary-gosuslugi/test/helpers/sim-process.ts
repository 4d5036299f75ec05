/**
 * The example's `pnpm sim` as a real child process: the command is read from package.json (so the
 * test runs exactly what the README tells users to run), on a free port of 127.0.0.1 and without the
 * HTTPS listener. Builds the simulator once when its dist/ is missing (the root test run follows
 * `pnpm build`).
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SimulatorControl } from '@goskit/simulator';

const exampleDir = fileURLToPath(new URL('../../', import.meta.url));
const simulatorDir = fileURLToPath(new URL('../../../../mocks/simulator/', import.meta.url));

export interface SimProcess {
  url: string;
  control: SimulatorControl;
  process: ChildProcess;
  /** SIGTERM (SIGKILL after 3 s); resolves when the process has exited. */
  stop(): Promise<void>;
}

/** `node …` of the package's `sim` script, split into arguments (it has no quoting). */
export function simCommand(): string[] {
  const scripts = JSON.parse(readFileSync(`${exampleDir}package.json`, 'utf8')).scripts as Record<
    string,
    string
  >;
  const words = (scripts.sim ?? '').split(/\s+/).filter((word) => word.length > 0);
  if (words[0] !== 'node') {
    throw new Error(`the sim script must start with node: ${scripts.sim}`);
  }
  return words.slice(1);
}

export function startSim(extra: readonly string[]): Promise<SimProcess> {
  if (!existsSync(`${simulatorDir}dist/cli.js`)) {
    execSync('pnpm tsup', { cwd: simulatorDir, stdio: 'ignore' });
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...simCommand(), '--port', '0', '--no-tls', ...extra], {
      cwd: exampleDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let out: string | undefined = '';
    let err = '';
    const onExit = (code: number | null) =>
      reject(new Error(`goskit-sim exited ${code} before it was ready: ${err.slice(0, 2000)}`));
    child.once('exit', onExit);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (out === undefined) {
        return; // ready: the rest of its output is not needed
      }
      out += chunk.toString();
      const url = /goskit-sim ready on (http:\/\/\S+) /.exec(out)?.[1];
      if (url !== undefined) {
        child.off('exit', onExit);
        out = undefined;
        resolve({
          url,
          control: new SimulatorControl({ baseUrl: url }),
          process: child,
          stop: async () => {
            if (child.exitCode !== null || child.signalCode !== null) {
              return;
            }
            const force = setTimeout(() => child.kill('SIGKILL'), 3000);
            child.kill('SIGTERM');
            await exited;
            clearTimeout(force);
          },
        });
      }
    });
  });
}
