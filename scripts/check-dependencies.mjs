#!/usr/bin/env node
// The dependency rules of ARCHITECTURE.md, checked on every import in the sources (part of `pnpm lint`):
// - packages point one way: each package may import only the @goskit/* packages listed for it, and
//   none imports the simulator;
// - inside the simulator, the engine imports no portal, roster, service, adapter, server, control API,
//   dashboard or CLI; a portal never imports another portal; roster and services build on the engine only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// A tree to check may be given (the tests plant violations in a copy); default: this repository.
const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));

/** Which @goskit packages each package's src may import (besides itself). */
const PACKAGE_RULES = {
  core: [],
  validation: ['core'],
  crypto: ['core'],
  redis: ['core'],
  gosuslugi: ['core', 'crypto', 'validation'],
  sferum: ['core', 'crypto', 'validation'],
  paragraf: ['core', 'crypto', 'validation', 'sferum'],
  gospochta: ['core', 'crypto', 'validation', 'gosuslugi'],
};

/** Top-level folders of mocks/simulator/src and what each may import (relative imports). */
const SIMULATOR_RULES = {
  engine: ['engine'],
  roster: ['engine', 'roster'],
  services: ['engine', 'services'],
  portals: ['engine', 'roster', 'services', 'portals'],
  adapters: ['engine', 'adapters'],
  server: ['engine', 'server', 'control', 'dashboard'],
  control: ['engine', 'control', 'server'],
  dashboard: ['engine', 'dashboard'],
  cli: ['engine', 'cli', 'portals', 'server', 'control', '.'],
  testing: ['engine', 'testing', 'control'],
};

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function* sourceFiles(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'generated') {
      continue;
    }
    if (statSync(path).isDirectory()) {
      yield* sourceFiles(path);
    } else if (/\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) {
      yield path;
    }
  }
}

function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const found = [];
  for (const match of text.matchAll(IMPORT)) {
    found.push(match[1] ?? match[2] ?? match[3]);
  }
  return found;
}

const problems = [];
const report = (file, message) => problems.push(`${relative(root, file)}: ${message}`);

for (const [name, allowed] of Object.entries(PACKAGE_RULES)) {
  for (const file of sourceFiles(join(root, 'packages', name, 'src'))) {
    for (const specifier of importsOf(file)) {
      const target = /^@goskit\/([a-z-]+)/.exec(specifier)?.[1];
      if (target !== undefined && target !== name && !allowed.includes(target)) {
        report(
          file,
          `@goskit/${name} must not import @goskit/${target} (allowed: ${allowed.join(', ') || 'none'})`,
        );
      }
    }
  }
}

const simulatorSrc = join(root, 'mocks', 'simulator', 'src');
const topOf = (path) => {
  const inner = relative(simulatorSrc, path).split(sep);
  return inner.length === 1 ? '.' : inner[0];
};
const portalOf = (path) => {
  const inner = relative(simulatorSrc, path).split(sep);
  return inner[0] === 'portals' && inner.length > 2 ? inner[1] : undefined;
};
for (const file of sourceFiles(simulatorSrc)) {
  const from = topOf(file);
  const allowed = SIMULATOR_RULES[from];
  for (const specifier of importsOf(file)) {
    if (!specifier.startsWith('.')) {
      continue;
    }
    const target = resolve(dirname(file), specifier);
    if (relative(simulatorSrc, target).startsWith('..')) {
      continue; // package.json and friends, outside src
    }
    const to = topOf(target);
    if (allowed !== undefined && !allowed.includes(to)) {
      report(file, `${from}/ must not import ${to}/ (${specifier}); allowed: ${allowed.join(', ')}`);
    }
    const ownPortal = portalOf(file);
    const targetPortal = portalOf(target);
    if (targetPortal !== undefined && ownPortal !== undefined && targetPortal !== ownPortal) {
      report(
        file,
        `portal ${ownPortal} imports portal ${targetPortal}'s internals (${specifier}); use a declared service`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(`check-dependencies: ${problems.length} import(s) break the dependency rules\n`);
  for (const problem of problems) {
    console.error(`  ${problem}`);
  }
  process.exit(1);
}
console.log('check-dependencies: every import follows the dependency rules');
