// Where no global pnpm is installed, run the version pinned in package.json through npx.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function pnpmCommand(root) {
  const shell = process.platform === 'win32';
  if (spawnSync('pnpm', ['--version'], { stdio: 'ignore', shell }).status === 0) {
    return { cmd: 'pnpm', prefix: [], label: 'pnpm' };
  }
  const { packageManager } = JSON.parse(readFileSync(new URL('package.json', `file://${root}/`), 'utf8'));
  return { cmd: 'npx', prefix: ['--yes', packageManager], label: packageManager };
}

export function runPnpm(root, args) {
  const { cmd, prefix } = pnpmCommand(root);
  return spawnSync(cmd, [...prefix, ...args], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
}
