#!/usr/bin/env node
/**
 * Mutation testing of the critical areas (stryker/areas.mjs), one area after another under `nice`.
 *
 *   pnpm mutation                  every area, incremental: re-tests what changed since the report
 *   pnpm mutation core crypto      those areas only
 *   pnpm mutation core --full      every mutant again (a full run; refreshes the whole report)
 *   pnpm mutation core --survivors re-test the survivors of the report (after adding tests: Stryker's
 *                                  incremental mode would keep a survivor in module-level code as is)
 *   pnpm mutation --check          CI (.ci/run): no Stryker run; every area's committed report must
 *                                  exist and keep its threshold; a report older than its files is named
 *   pnpm mutation --ci             areas whose report still matches the files are not run at all; the
 *                                  others run incrementally within --budget seconds (default 360)
 *
 * Each area must keep its covered-code score at or above its threshold and have no mutant without
 * a covering test; the run fails otherwise. Reports: reports/mutation/<area>.html, and the
 * incremental file stryker/incremental/<area>.json, which is committed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AREA_NAMES, AREAS } from '../stryker/areas.mjs';
import { scoreOf, staleness } from '../stryker/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

function parseArgs(argv) {
  const options = { areas: [], full: false, survivors: false, ci: false, check: false, budgetSec: 360 };
  for (const arg of argv) {
    if (arg === '--full') {
      options.full = true;
    } else if (arg === '--survivors') {
      options.survivors = true;
    } else if (arg === '--ci') {
      options.ci = true;
    } else if (arg === '--check') {
      options.check = true;
    } else if (arg.startsWith('--budget=')) {
      options.budgetSec = Number(arg.slice('--budget='.length));
      if (!(options.budgetSec > 0)) {
        throw new Error(`--budget needs a positive number of seconds, got ${arg}`);
      }
    } else if (AREA_NAMES.includes(arg)) {
      options.areas.push(arg);
    } else {
      throw new Error(`Unknown area or option "${arg}". Areas: ${AREA_NAMES.join(', ')}`);
    }
  }
  if (options.areas.length === 0) {
    options.areas = [...AREA_NAMES];
  }
  return options;
}

/** Exclusions whose code no longer occurs in their file would silently exclude nothing. */
function staleExclusions(names) {
  const stale = [];
  for (const name of names) {
    for (const exclusion of AREAS[name].exclusions) {
      const path = join(root, exclusion.file);
      if (!existsSync(path) || !readFileSync(path, 'utf8').includes(exclusion.code)) {
        stale.push(`${name}: ${exclusion.file}: ${JSON.stringify(exclusion.code)}`);
      }
    }
  }
  return stale;
}

const reportPath = (name) => join(root, 'stryker', 'incremental', `${name}.json`);

function readReport(name) {
  const path = reportPath(name);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

/**
 * Drops the survivors from the incremental report, so the next run tests them as new mutants. Stryker
 * re-tests a survivor only when a test that covers it is added, and a module-level ("static") mutant
 * has no per-test coverage: without this, such a survivor would stay one whatever tests are written.
 */
function forgetSurvivors(name) {
  const report = readReport(name);
  if (report === undefined) {
    return { dropped: 0, restore: () => {} };
  }
  const original = readFileSync(reportPath(name), 'utf8');
  let dropped = 0;
  for (const file of Object.values(report.files)) {
    const kept = file.mutants.filter(
      (mutant) => mutant.status !== 'Survived' && mutant.status !== 'NoCoverage',
    );
    dropped += file.mutants.length - kept.length;
    file.mutants = kept;
  }
  writeFileSync(reportPath(name), `${JSON.stringify(report, null, 2)}\n`);
  // A run that does not finish must not leave a report without its survivors behind.
  return { dropped, restore: () => writeFileSync(reportPath(name), original) };
}

/** Runs Stryker for one area; resolves 'done', 'failed' or 'over-budget'. */
function runStryker(name, { full, deadline }) {
  const bin = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  const args = [bin, 'run', `stryker/${name}.config.mjs`, ...(full ? ['--force'] : [])];
  const [command, commandArgs] =
    process.platform === 'win32'
      ? [process.execPath, args]
      : ['nice', ['-n', '10', process.execPath, ...args]];
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', detached: true });
    let overBudget = false;
    const timer =
      deadline === undefined
        ? undefined
        : setTimeout(
            () => {
              overBudget = true;
              try {
                process.kill(-child.pid, 'SIGTERM');
              } catch {}
            },
            Math.max(0, deadline - Date.now()),
          );
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(overBudget ? 'over-budget' : code === 0 ? 'done' : 'failed');
    });
  });
}

const pct = (value) => `${value.toFixed(2)}%`;

function describeUndetected(undetected) {
  return undetected
    .slice(0, 30)
    .map(({ file, mutant }) => {
      const at = `${file}:${mutant.location.start.line}:${mutant.location.start.column}`;
      return `    ${mutant.status.padEnd(10)} ${at} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement ?? '')}`;
    })
    .join('\n');
}

/**
 * The CI check (docs/decisions/036): reads the committed reports only, so it takes a second whatever
 * changed. Fails when an area has no report, is below its threshold or has a mutant no test reaches;
 * a report older than its files is named with the command that refreshes it, without failing.
 */
function checkReports(names) {
  let ok = true;
  for (const name of names) {
    const area = AREAS[name];
    const report = readReport(name);
    if (report === undefined) {
      ok = false;
      console.error(`mutation: ${name}: no committed report; run \`pnpm mutation ${name} --full\``);
      continue;
    }
    const score = scoreOf(report);
    const problems = [];
    if (score.coveredScore < area.threshold) {
      problems.push(`covered score ${pct(score.coveredScore)} is below the threshold ${area.threshold}%`);
    }
    if (score.counts.NoCoverage > 0) {
      problems.push(`${score.counts.NoCoverage} mutant(s) have no covering test`);
    }
    const why = staleness(root, area, report);
    const freshness = why === undefined ? 'matches its files' : `out of date (${why})`;
    console.log(
      `mutation: ${name.padEnd(16)} ${pct(score.coveredScore).padStart(8)} of ${score.total} mutants, report ${freshness}`,
    );
    if (why !== undefined) {
      console.log(
        `          refresh it with \`pnpm mutation ${name}\` and commit stryker/incremental/${name}.json`,
      );
    }
    if (problems.length > 0) {
      ok = false;
      console.error(`mutation: ${name}: ${problems.join('; ')}\n${describeUndetected(score.undetected)}`);
    }
  }
  return ok;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const stale = staleExclusions(options.areas);
  if (stale.length > 0) {
    console.error(`Exclusions in stryker/areas.mjs whose code is gone:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  if (options.check) {
    process.exit(checkReports(options.areas) ? 0 : 1);
  }
  const deadline = options.ci ? started + options.budgetSec * 1000 : undefined;
  const rows = [];
  let failed = false;
  for (const name of options.areas) {
    const area = AREAS[name];
    const areaStart = Date.now();
    const committed = readReport(name);
    const why = committed === undefined ? 'no report yet' : staleness(root, area, committed);
    let ran = 'reused';
    if (!options.ci || options.full || why !== undefined) {
      console.log(`\n=== mutation: ${name} — ${area.title}${options.ci ? ` (${why})` : ''}`);
      const forgotten = options.survivors ? forgetSurvivors(name) : { dropped: 0, restore: () => {} };
      if (options.survivors) {
        console.log(`mutation: re-testing ${forgotten.dropped} survivor(s) of ${name}`);
      }
      const outcome = await runStryker(name, { full: options.full, deadline });
      if (outcome !== 'done') {
        forgotten.restore();
      }
      if (outcome === 'over-budget') {
        console.error(
          `\nmutation: ${name} did not finish within the ${options.budgetSec}s CI budget.\n` +
            `Run \`pnpm mutation ${name}\` locally and commit stryker/incremental/${name}.json.`,
        );
        process.exit(1);
      }
      if (outcome === 'failed') {
        console.error(`mutation: Stryker failed for ${name}`);
        failed = true;
        continue;
      }
      ran = options.full ? 'full run' : options.survivors ? 'survivors' : 'incremental';
    }
    const report = readReport(name);
    const score = scoreOf(report);
    const seconds = Math.round((Date.now() - areaStart) / 1000);
    const problems = [];
    if (score.coveredScore < area.threshold) {
      problems.push(`covered score ${pct(score.coveredScore)} is below the threshold ${area.threshold}%`);
    }
    if (score.counts.NoCoverage > 0) {
      problems.push(`${score.counts.NoCoverage} mutant(s) have no covering test`);
    }
    if (problems.length > 0) {
      failed = true;
      console.error(`\nmutation: ${name}: ${problems.join('; ')}\n${describeUndetected(score.undetected)}`);
    }
    rows.push({ name, score, ran, seconds, ok: problems.length === 0, threshold: area.threshold });
  }
  console.log(
    '\narea              mutants  killed  timeout  survived  no-cov  ignored  no-compile  covered   total     threshold  time    run',
  );
  for (const { name, score, ran, seconds, ok, threshold } of rows) {
    const c = score.counts;
    console.log(
      [
        name.padEnd(16),
        String(score.total).padStart(7),
        String(c.Killed).padStart(7),
        String(c.Timeout).padStart(8),
        String(c.Survived).padStart(9),
        String(c.NoCoverage).padStart(7),
        String(c.Ignored).padStart(8),
        String(c.CompileError).padStart(11),
        pct(score.coveredScore).padStart(8),
        pct(score.totalScore).padStart(8),
        `${threshold}%${ok ? '' : ' FAIL'}`.padStart(10),
        `${seconds}s`.padStart(6),
        ` ${ran}`,
      ].join('  '),
    );
  }
  console.log(`mutation: ${Math.round((Date.now() - started) / 1000)}s in all`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
