#!/usr/bin/env node
// `pnpm start` / `npm start`: builds what is missing, then runs goskit-sim with demo data.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPnpm } from './pnpm.mjs';
import { startArgs } from './start-args.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'mocks', 'simulator', 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.log('goskit: building packages (first run only)…');
  const build = runPnpm(root, ['build']);
  if (build.status !== 0) {
    process.exit(build.status ?? 1);
  }
}
const args = process.argv.slice(2);
const child = spawn(process.execPath, [cli, ...startArgs(args)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
