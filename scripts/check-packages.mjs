#!/usr/bin/env node
// Package-shape gate: publint --strict, @arethetypeswrong/cli, the CommonJS-declarations probe
// (what attw skips: imports of other packages from a .d.cts — scripts/check-cjs-types.mjs) and the size
// budget of every publishable package. Run after `pnpm build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCjsTypes } from './check-cjs-types.mjs';

const root = new URL('..', import.meta.url).pathname;
const dirs = ['packages', 'mocks'].flatMap((group) =>
  existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : [],
);

// Exports of data files (WSDL, XSD, YAML) are read with require.resolve, not imported: attw would
// report each as a module that fails to resolve.
const excludedEntrypoints = (manifest) => {
  const dataFiles = Object.keys(manifest.exports ?? {}).filter(
    (key) => key !== './package.json' && /\.(wsdl|xsd|ya?ml|json)$/.test(key),
  );
  return dataFiles.length === 0 ? [] : ['--exclude-entrypoints', ...dataFiles];
};

let failed = 0;
const run = (label, cmd, args, cwd) => {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`✗ ${label}`);
  }
};

for (const dir of dirs) {
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) {
    continue;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.private) {
    continue;
  }
  if (!existsSync(join(dir, 'dist'))) {
    failed += 1;
    console.error(`✗ ${manifest.name}: dist/ missing — run pnpm build first`);
    continue;
  }
  console.log(`\n── ${manifest.name}`);
  run(`${manifest.name}: publint`, 'pnpm', ['exec', 'publint', '--strict'], dir);
  run(
    `${manifest.name}: attw`,
    'pnpm',
    ['exec', 'attw', '--pack', '.', '--profile', 'node16', ...excludedEntrypoints(manifest)],
    dir,
  );
  const cjsTypes = checkCjsTypes(dir);
  for (const problem of cjsTypes.problems) {
    console.error(`  ${problem}`);
  }
  if (cjsTypes.problems.length > 0) {
    failed += 1;
    console.error(
      `✗ ${manifest.name}: .d.cts imports an ES module (TS1479 for a .cts consumer under node16)`,
    );
  } else {
    console.log(`.d.cts imports: ${cjsTypes.imports} bare import(s), none of an ES module (node16 require)`);
  }
  // Budgets live in package.json, or in .size-limit.cjs where a check needs esbuild options.
  if (manifest['size-limit'] || existsSync(join(dir, '.size-limit.cjs'))) {
    run(`${manifest.name}: size-limit`, 'pnpm', ['exec', 'size-limit'], dir);
  }
}

if (failed > 0) {
  console.error(`\ncheck:packages: ${failed} check(s) failed`);
  process.exit(1);
}
console.log('\ncheck:packages: all packages pass');
