/**
 * Builds the StrykerJS options of one area (stryker/areas.mjs). Shared choices: the vitest runner
 * with per-test coverage, the TypeScript checker (a mutant that does not compile is not counted),
 * one test runner at a time (CI machines have two cores), incremental mode against the committed
 * report `stryker/incremental/<area>.json`, so a run re-tests only mutants whose code or covering
 * tests changed.
 */
import { fileURLToPath } from 'node:url';
import { AREAS } from './areas.mjs';

/**
 * Stryker imports bare plugin names from its own folder, which pnpm's layout keeps apart from its
 * plugins: hand it absolute paths resolved from here.
 */
const plugin = (specifier) => fileURLToPath(import.meta.resolve(specifier));
const PLUGINS = [
  plugin('@stryker-mutator/vitest-runner'),
  plugin('@stryker-mutator/typescript-checker'),
  fileURLToPath(new URL('./exclusions-plugin.mjs', import.meta.url)),
];

/** The sandbox copy needs the sources, their tests and the root configs; nothing else. */
const SANDBOX_IGNORE = [
  '/*',
  '!/packages',
  '!/mocks',
  '!/stryker',
  '!/package.json',
  '!/tsconfig.json',
  '!/tsconfig.base.json',
  '!/vitest.config.ts',
  '**/dist',
  '**/coverage',
  '/stryker/incremental',
];

/** @param {keyof typeof AREAS} name */
export function areaConfig(name) {
  const area = AREAS[name];
  if (!area) {
    throw new Error(`Unknown mutation area "${name}"`);
  }
  return {
    $schema: '../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'pnpm',
    testRunner: 'vitest',
    vitest: { configFile: `stryker/vitest.${name}.config.mjs`, related: true },
    checkers: ['typescript'],
    tsconfigFile: `stryker/tsconfig.${name}.json`,
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: 'perTest',
    mutate: [...area.mutate],
    ignorePatterns: SANDBOX_IGNORE,
    plugins: PLUGINS,
    ignorers: ['goskit-exclusions'],
    concurrency: 1,
    incremental: true,
    incrementalFile: `stryker/incremental/${name}.json`,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: true, reportScoreTable: true },
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    // The wrapper (scripts/mutation.mjs) applies the threshold to the covered-code score.
    thresholds: { high: area.threshold, low: area.threshold - 5, break: null },
    tempDirName: `.stryker-tmp/${name}`,
    cleanTempDir: true,
    // Generous on purpose: the machines are shared and a slow run must not pass for a kill. Mutants
    // that loop forever are stopped by Stryker's hit limit long before these timeouts.
    timeoutMS: 20_000,
    timeoutFactor: 3,
  };
}
