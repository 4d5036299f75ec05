#!/usr/bin/env node
// `pnpm bench`: builds what is missing, then runs every bench/<package>-<topic>.mjs in turn (one at a
// time, so they do not compete for the two cores) and prints each one's results with its in-run baseline.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runPnpm } from '../scripts/pnpm.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const filter = process.argv.slice(2);

// Every workspace package with sources: benches import their dist/.
const packageDists = ['packages', 'mocks'].flatMap((group) =>
  existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(group, name)) : [],
);
if (packageDists.some((dir) => existsSync(join(root, dir, 'src')) && !existsSync(join(root, dir, 'dist')))) {
  console.log('bench: building packages first…');
  if (runPnpm(root, ['build']).status !== 0) {
    process.exit(1);
  }
}

const files = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== 'run.mjs')
  .filter((name) => filter.length === 0 || filter.some((f) => name.includes(f)))
  .sort();

/** One line per measured case: the numbers each bench reports, compactly. */
function printResults(results) {
  if (!Array.isArray(results)) {
    return;
  }
  for (const row of results) {
    const label = row.name ?? row.case ?? row.server ?? '';
    const figures = Object.entries(row)
      .filter(
        ([key, value]) => key !== 'name' && key !== 'case' && (typeof value !== 'object' || value === null),
      )
      .map(([key, value]) => `${key}=${value}`)
      .join('  ');
    console.log(`  ${label}: ${figures}`);
  }
}

const all = [];
let failed = 0;
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const started = performance.now();
  try {
    const mod = await import(pathToFileURL(join(here, file)).href);
    const run = typeof mod.run === 'function' ? mod.run : mod.default;
    if (typeof run !== 'function') {
      console.log('  (no run() export — skipped)');
      continue;
    }
    const result = await run();
    printResults(result?.results);
    all.push({ file, seconds: +((performance.now() - started) / 1000).toFixed(1), ...result });
  } catch (error) {
    failed += 1;
    console.error(`  ✗ ${file} failed:`, error);
  }
}

const outDir = join(here, 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'latest.json'),
  `${JSON.stringify({ node: process.version, at: new Date().toISOString(), benches: all }, null, 2)}\n`,
);
console.log(
  `\nbench: ${all.length} benchmark file(s) done, ${failed} failed; results in bench/results/latest.json`,
);
process.exit(failed > 0 ? 1 : 0);
