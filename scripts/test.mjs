#!/usr/bin/env node
// Runs every vitest project, then prints one closing line "tests: N passed, N failed, N skipped"
// so CI logs end with the totals whatever reporter is in use.
//
// A guard against a stuck worker pool: vitest 4.1 (forks, two workers) has been seen to leave one
// worker idle after the last file, the run waiting on it for many minutes with every result in. The
// progress reporter keeps a tally; when every file has finished and vitest still has not exited after
// STUCK_AFTER_MS, the run is stopped and judged by that tally (failed tests or failed files fail it),
// and the log says so.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STUCK_AFTER_MS = Number(process.env.GOSKIT_TEST_STUCK_MS ?? 90_000);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'goskit-test-'));
const report = join(dir, 'report.json');
const progress = join(dir, 'progress.json');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(
  process.execPath,
  [
    vitest,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--reporter=${join(root, 'scripts', 'vitest-progress-reporter.mjs')}`,
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', detached: true, env: { ...process.env, VITEST_PROGRESS_FILE: progress } },
);

const readProgress = () => {
  try {
    return JSON.parse(readFileSync(progress, 'utf8'));
  } catch {
    return undefined;
  }
};

let allDoneSince = 0;
let stuck;
const watchdog = setInterval(() => {
  const tally = readProgress();
  if (!tally || tally.total === 0 || tally.done < tally.total) {
    allDoneSince = 0;
    return;
  }
  allDoneSince ||= Date.now();
  if (Date.now() - allDoneSince >= STUCK_AFTER_MS) {
    stuck = tally;
    console.error(
      `\ntest: all ${tally.total} files finished ${STUCK_AFTER_MS / 1000} s ago and vitest has not exited (a stuck worker); stopping it and judging by the results in`,
    );
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }
}, 5_000);

const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
clearInterval(watchdog);

let summary = 'tests: 0 passed, 1 failed (no report written)';
let exitCode = status;
if (stuck !== undefined) {
  const failed = stuck.failed + (stuck.failedFiles.length > 0 && stuck.failed === 0 ? 1 : 0);
  summary = `tests: ${stuck.passed} passed, ${failed} failed, ${stuck.skipped} skipped (vitest stopped after the last file)`;
  exitCode = failed > 0 ? 1 : 0;
} else if (existsSync(report)) {
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const skipped = r.numPendingTests + r.numTodoTests;
    // A suite that fails to load counts as a failure even when it has no tests.
    const failed = r.numFailedTests + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? 1 : 0);
    summary = `tests: ${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped`;
  } catch {}
}
rmSync(dir, { recursive: true, force: true });
console.log(summary);
process.exit(exitCode);
