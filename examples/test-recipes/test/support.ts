/**
 * What the proof tests share: the recipes run against the built packages (as an app would get them),
 * so the builds must exist and be newer than their sources; child processes with bounded output; and
 * the real `goskit-sim` CLI on a free port.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const exampleDir = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Package folder → an entry its dist must have. */
const BUILT = {
  'packages/core': 'dist/index.js',
  'packages/validation': 'dist/index.js',
  'packages/crypto': 'dist/index.js',
  'packages/gosuslugi': 'dist/index.js',
  'mocks/simulator': 'dist/msw-node.js',
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs);
  }
  return newest;
}

/** Packages whose dist is missing or older than their src. */
export function unbuiltPackages(): string[] {
  return Object.entries(BUILT)
    .filter(([dir, entry]) => {
      const built = join(repoRoot, dir, entry);
      return !existsSync(built) || statSync(built).mtimeMs < newestMtime(join(repoRoot, dir, 'src'));
    })
    .map(([dir]) => dir);
}

/**
 * Builds what is missing or stale. CI builds before testing (`.ci/run`), so there a missing build is
 * an error; on a laptop the first run builds (a minute or two).
 */
export function ensureBuilt(): void {
  const stale = unbuiltPackages();
  if (stale.length === 0) {
    return;
  }
  if (process.env.CI === 'true') {
    throw new Error(`the recipes run against built packages, and these are not built: ${stale.join(', ')}`);
  }
  const filters = stale.flatMap((dir) => ['--filter', `./${dir}`]);
  execFileSync('pnpm', [...filters, 'run', 'build'], { cwd: repoRoot, stdio: 'ignore' });
}

export interface Finished {
  code: number | null;
  output: string;
}

/** Runs a command in the example folder; output kept to its last 200 000 characters. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    // Plain output: the tests read the runners' summaries.
    const plain = { NO_COLOR: '1', FORCE_COLOR: '0' };
    const child = spawn(command, args, { cwd: exampleDir, env: { ...process.env, ...plain, ...env } });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** The real CLI of the built simulator on a free port. */
export function startGoskitSim(args: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const cli = join(repoRoot, 'mocks/simulator/dist/cli.js');
  const child = spawn(process.execPath, [cli, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /goskit-sim ready on (http:\/\/\S+)/.exec(out);
      if (ready?.[1] !== undefined) {
        resolve({ url: ready[1], child });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`goskit-sim exited with ${code}: ${out}`)));
  });
}
