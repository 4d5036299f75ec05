#!/usr/bin/env node
// Makes `npm start` / `npm test` work on a fresh clone with only Node and npm:
// installs the workspace with the pinned pnpm (from package.json) when it is missing.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpmCommand, runPnpm } from './pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`goskit needs Node >= 20.19 (require(esm)); this is ${process.version}.`);
  process.exit(1);
}
if (!existsSync(join(root, 'node_modules', '.modules.yaml'))) {
  console.log(`goskit: installing dependencies with ${pnpmCommand(root).label} (first run only)…`);
  process.exit(runPnpm(root, ['install', '--frozen-lockfile']).status ?? 1);
}
