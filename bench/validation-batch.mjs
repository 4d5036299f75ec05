#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
// Batch validation of 100 000 generated school records (СНИЛС, names, class, academic year, 8 marks each,
// ~1% invalid, ~0.5% repeated СНИЛС) through validateBatch + schoolRecordSchema with duplicate detection,
// versus a baseline in the same run: a plain loop over the same records calling only the predicates
// (no zod) with a Set for duplicates. Memory: peak RSS growth while validating and the heap the run
// retains afterwards, for the array and for a streamed run (records generated lazily and dropped).
// Run alone: node bench/validation-batch.mjs
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  generateSchoolRecord,
  isValidAcademicYear,
  isValidClassName,
  isValidLessonNumber,
  isValidMark,
  isValidPersonName,
  isValidRuDate,
  normalizeSnils,
  schoolRecordSchema,
  validateBatch,
} from '../packages/validation/dist/index.js';

const RECORDS = 100_000;
const ROUNDS = 3;

function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Record i of a deterministic data set: mostly valid, some broken, some repeating an earlier СНИЛС. */
function* recordStream(count, seed = 2025) {
  const random = seeded(seed);
  let previousSnils = '';
  for (let i = 0; i < count; i++) {
    const record = generateSchoolRecord(random);
    if (i % 100 === 37) {
      record.className = '12Я';
    }
    if (i % 100 === 71) {
      record.marks[3].mark = 6;
    }
    if (i % 200 === 99) {
      record.snils = previousSnils.replace(/\D/g, '');
    }
    previousSnils = record.snils;
    yield record;
  }
}

/** The baseline: predicates only, a Set for duplicates — what a hand-written importer would do. */
function baseline(records) {
  const seen = new Set();
  let valid = 0;
  for (const r of records) {
    let ok =
      isValidPersonName(r.lastName) &&
      isValidPersonName(r.firstName) &&
      (r.middleName === undefined || isValidPersonName(r.middleName)) &&
      isValidRuDate(r.birthDate) &&
      isValidClassName(r.className) &&
      isValidAcademicYear(r.academicYear);
    for (const m of r.marks) {
      ok =
        ok &&
        typeof m.subject === 'string' &&
        isValidRuDate(m.date) &&
        isValidLessonNumber(m.lesson) &&
        isValidMark(m.mark);
    }
    const snils = normalizeSnils(r.snils);
    if (snils === undefined) {
      ok = false;
    } else if (seen.has(snils)) {
      ok = false;
    } else {
      seen.add(snils);
    }
    if (ok) {
      valid++;
    }
  }
  return valid;
}

// A real gc() even without --expose-gc (bench/run.mjs imports this file), so "retained" means retained.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => +(bytes / 1024 / 1024).toFixed(1);

/**
 * Runs fn while sampling RSS every 2 000 records (via the duplicateKey hook); afterwards collects
 * garbage and measures the heap the run retained (the report + duplicate hashes), which is what grows
 * if a validator keeps records.
 */
async function measured(fn) {
  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let n = 0;
  const sample = () => {
    if (++n % 2000 === 0) {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }
  };
  const started = performance.now();
  const report = await fn(sample);
  const ms = performance.now() - started;
  gc();
  const retainedHeap = process.memoryUsage().heapUsed - before.heapUsed;
  return { report, ms, retainedHeap, rssDelta: peakRss - before.rss };
}

export async function run() {
  // Duplicate key = the normalised СНИЛС: taken from the parsed value when the record passed.
  const batchOptions = (sample) => ({
    duplicateKey: (r, parsed) => {
      sample();
      return parsed ? parsed.snils : normalizeSnils(r.snils);
    },
  });

  // Streamed first, before the 100k-record array exists, so its RSS figure is not hidden by it.
  await validateBatch(
    recordStream(5000, 3),
    schoolRecordSchema,
    batchOptions(() => {}),
  );
  const streamed = await measured((sample) =>
    validateBatch(recordStream(RECORDS, 7), schoolRecordSchema, batchOptions(sample)),
  );

  const records = [...recordStream(RECORDS)];

  // Warm-up both paths on a slice so JIT tiers are comparable.
  baseline(records.slice(0, 5000));
  await validateBatch(
    records.slice(0, 5000),
    schoolRecordSchema,
    batchOptions(() => {}),
  );

  const baselineMs = [];
  const batchRuns = [];
  let baselineValid = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    baselineValid = baseline(records);
    baselineMs.push(performance.now() - t0);
    batchRuns.push(
      await measured((sample) => validateBatch(records, schoolRecordSchema, batchOptions(sample))),
    );
  }
  const batchMs = median(batchRuns.map((r) => r.ms));
  const last = batchRuns.at(-1);
  if (last.report.valid !== baselineValid) {
    throw new Error(`baseline and validateBatch disagree: ${baselineValid} vs ${last.report.valid} valid`);
  }

  const baseMs = median(baselineMs);
  const results = [
    {
      case: 'validateBatch(schoolRecordSchema, duplicateKey: СНИЛС)',
      records: RECORDS,
      ms: +batchMs.toFixed(0),
      recordsPerSec: Math.round(RECORDS / (batchMs / 1000)),
      retainedHeapMB: mb(median(batchRuns.map((r) => r.retainedHeap))),
      peakRssDeltaMB: mb(median(batchRuns.map((r) => r.rssDelta))),
    },
    {
      case: 'baseline: predicates only, no zod (same records)',
      records: RECORDS,
      ms: +baseMs.toFixed(0),
      recordsPerSec: Math.round(RECORDS / (baseMs / 1000)),
    },
    {
      case: 'validateBatch over a lazy generator (streamed)',
      records: RECORDS,
      ms: +streamed.ms.toFixed(0),
      recordsPerSec: Math.round(RECORDS / (streamed.ms / 1000)),
      retainedHeapMB: mb(streamed.retainedHeap),
      peakRssDeltaMB: mb(streamed.rssDelta),
    },
  ];
  const summary = {
    valid: last.report.valid,
    invalid: last.report.invalid,
    issueCount: last.report.issueCount,
    duplicateGroups: last.report.duplicates.length,
    slowdownVsBaseline: +(batchMs / baseMs).toFixed(2),
  };
  return { name: 'validation-batch', results, summary };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await run();
  console.table(out.results);
  console.log(
    `validateBatch is ${out.summary.slowdownVsBaseline}× the predicate-only baseline; ` +
      `${out.summary.valid} valid, ${out.summary.invalid} invalid, ${out.summary.duplicateGroups} duplicate groups`,
  );
  console.log(JSON.stringify(out));
}
