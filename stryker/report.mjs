/**
 * Reads an area's mutation report (the committed incremental file, in the mutation-testing-report
 * schema StrykerJS writes): scores, and whether the report still describes the files on disk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Mutants a test detected, missed, or could not run; Ignored/CompileError/RuntimeError count in none. */
export function scoreOf(report) {
  const counts = {
    Killed: 0,
    Timeout: 0,
    Survived: 0,
    NoCoverage: 0,
    Ignored: 0,
    CompileError: 0,
    RuntimeError: 0,
    Pending: 0,
  };
  const undetected = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const mutant of mutants) {
      counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
      if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
        undetected.push({ file, mutant });
      }
    }
  }
  const detected = counts.Killed + counts.Timeout;
  const covered = detected + counts.Survived;
  const valid = covered + counts.NoCoverage;
  return {
    counts,
    total: valid,
    /** Per cent of mutants with a covering test that a test killed (the area's threshold applies). */
    coveredScore: covered === 0 ? 100 : (detected / covered) * 100,
    /** Per cent of all valid mutants killed (mutants without any covering test count as missed). */
    totalScore: valid === 0 ? 100 : (detected / valid) * 100,
    undetected,
  };
}

/** `dir/*.ts`, `test/**\/*.test.ts`, `test/esia-*.test.ts` → a RegExp over '/'-separated paths. */
export function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*' && glob[i + 2] === '/') {
      out += '(?:.*/)?';
      i += 2;
    } else if (c === '*') {
      out += '[^/]*';
    } else {
      out += /[.+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
    }
  }
  return new RegExp(`^${out}$`);
}

/** Repository-relative paths of the files under `root` that match any glob. */
export function matchFiles(root, globs) {
  const patterns = globs.map(globToRegExp);
  const prefixes = globs.map((glob) => glob.slice(0, glob.search(/\*|$/)).replace(/[^/]*$/, ''));
  const found = new Set();
  for (const prefix of new Set(prefixes)) {
    const dir = join(root, prefix);
    if (!existsSync(dir)) {
      continue;
    }
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) {
        continue;
      }
      const path = relative(root, join(entry.parentPath ?? entry.path, entry.name)).replaceAll('\\', '/');
      if (!path.includes('node_modules/') && patterns.some((pattern) => pattern.test(path))) {
        found.add(path);
      }
    }
  }
  return [...found].sort();
}

/**
 * Why the report no longer describes the files (a changed, new or deleted source or test file), or
 * undefined when it still does — then a run would re-test nothing and CI may trust the report.
 */
export function staleness(root, area, report) {
  const sources = matchFiles(root, area.mutate);
  const reported = Object.keys(report.files);
  for (const file of sources) {
    if (!(file in report.files)) {
      return `${file} is new`;
    }
    if (readFileSync(join(root, file), 'utf8') !== report.files[file].source) {
      return `${file} changed`;
    }
  }
  const gone = reported.find((file) => !sources.includes(file));
  if (gone) {
    return `${gone} is no longer mutated`;
  }
  const tests = matchFiles(
    root,
    area.tests.include.map((glob) => `${area.tests.root}/${glob}`),
  );
  const reportedTests = report.testFiles ?? {};
  for (const file of tests) {
    if (!(file in reportedTests)) {
      return `${file} is a new test file`;
    }
    if (readFileSync(join(root, file), 'utf8') !== reportedTests[file].source) {
      return `${file} changed`;
    }
  }
  const goneTest = Object.keys(reportedTests).find((file) => !tests.includes(file));
  return goneTest ? `${goneTest} was removed` : undefined;
}
