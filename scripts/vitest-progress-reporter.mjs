// A vitest reporter that keeps a running tally in a JSON file (VITEST_PROGRESS_FILE): how many test
// files the run has, how many have finished, and their test counts. scripts/test.mjs reads it to
// notice a run whose every file has finished but whose worker pool never reports the end (seen with
// vitest 4.1 forks on a 2-core machine: a worker left idle, the run waiting on it for minutes).
import { writeFileSync } from 'node:fs';

export default class ProgressReporter {
  #file = process.env.VITEST_PROGRESS_FILE;
  #tally = { total: 0, done: 0, passed: 0, failed: 0, skipped: 0, failedFiles: [] };

  onTestRunStart(specifications) {
    this.#tally.total = specifications.length;
    this.#write();
  }

  onTestModuleEnd(testModule) {
    this.#tally.done += 1;
    for (const test of testModule.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') {
        this.#tally.passed += 1;
      } else if (state === 'failed') {
        this.#tally.failed += 1;
      } else {
        this.#tally.skipped += 1;
      }
    }
    if (testModule.state() === 'failed') {
      this.#tally.failedFiles.push(testModule.moduleId);
    }
    this.#write();
  }

  #write() {
    if (this.#file) {
      writeFileSync(this.#file, JSON.stringify(this.#tally));
    }
  }
}
